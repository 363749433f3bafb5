// The aws CLI's own arguments and commands, read from command lines against the real models: what
// parameters each stands for, and the CLI's refusals with its exit statuses.

#include <gtest/gtest.h>

#include "aws/cli/commands/pyyaml.hpp"
#include "aws/cli/invocation.hpp"
#include "aws/cli/split_commas.hpp"

using namespace drc::aws;
using Json = nlohmann::ordered_json;

namespace {

const model::ModelCatalog& catalog() {
  static const auto c = model::ModelCatalog::open(DRC_MODELS_DIR);
  return **c;
}

Json params(const std::vector<std::string>& args) {
  auto r = cli::parse_invocation(catalog(), args);
  if (auto* e = std::get_if<cli::InvocationError>(&r)) {
    ADD_FAILURE() << "refused (" << e->exit_code << "): " << e->message;
    return nullptr;
  }
  return std::get<cli::Invocation>(r).params;
}

cli::InvocationError refusal(const std::vector<std::string>& args) {
  auto r = cli::parse_invocation(catalog(), args);
  if (auto* e = std::get_if<cli::InvocationError>(&r)) return *e;
  ADD_FAILURE() << "accepted: " << std::get<cli::Invocation>(r).params.dump();
  return {};
}

}  // namespace

TEST(AwsCustomArgs, TopLevelBooleansWrapTheirValue) {
  EXPECT_EQ(params({"ec2", "modify-instance-attribute", "--instance-id", "i-1", "--source-dest-check"})["SourceDestCheck"],
            Json({{"Value", true}}));
  EXPECT_EQ(params({"ec2", "modify-instance-attribute", "--instance-id", "i-1", "--no-source-dest-check"})["SourceDestCheck"],
            Json({{"Value", false}}));
  EXPECT_EQ(params({"ec2", "modify-vpc-attribute", "--vpc-id", "v", "--enable-dns-hostnames", "Value=false"})["EnableDnsHostnames"],
            Json({{"Value", false}}));
  EXPECT_EQ(params({"ec2", "modify-vpc-attribute", "--enable-dns-hostnames", "--vpc-id", "v"})["EnableDnsHostnames"],
            Json({{"Value", true}}));
  const auto both = refusal({"ec2", "modify-subnet-attribute", "--subnet-id", "s", "--map-public-ip-on-launch", "--no-map-public-ip-on-launch"});
  EXPECT_EQ(both.exit_code, 255);
  EXPECT_EQ(both.message, "Cannot specify both the \"--map-public-ip-on-launch\" option and the \"--no-map-public-ip-on-launch\" option.");
  EXPECT_EQ(refusal({"ec2", "modify-subnet-attribute", "--subnet-id", "s", "--no-map-public-ip-on-launch=1"}).exit_code, 2);
}

TEST(AwsCustomArgs, SecurityGroupRuleFromScalars) {
  const auto p = params({"ec2", "authorize-security-group-ingress", "--group-id", "sg-1", "--protocol", "tcp", "--port", "22-25",
                         "--cidr", "10.0.0.0/8", "--source-group", "sg-2", "--group-owner", "123"});
  EXPECT_EQ(p["GroupId"], "sg-1");
  EXPECT_EQ(p["IpPermissions"], Json::parse(R"([{"IpProtocol":"tcp","FromPort":22,"ToPort":25,"IpRanges":[{"CidrIp":"10.0.0.0/8"}],
                                                  "UserIdGroupPairs":[{"GroupId":"sg-2","UserId":"123"}]}])"));
  const auto all = params({"ec2", "revoke-security-group-egress", "--group-id", "sg-1", "--protocol", "all", "--port", "all",
                           "--source-group", "web"});
  EXPECT_EQ(all["IpPermissions"], Json::parse(R"([{"IpProtocol":"-1","FromPort":-1,"ToPort":-1,"UserIdGroupPairs":[{"GroupName":"web"}]}])"));
  EXPECT_EQ(params({"ec2", "authorize-security-group-ingress", "--group-id", "g", "--protocol", "17", "--port", "53"})["IpPermissions"],
            Json::parse(R"([{"IpProtocol":"17","FromPort":53,"ToPort":53}])"));
}

TEST(AwsCustomArgs, SecurityGroupRefusals) {
  const std::vector<std::string> base{"ec2", "authorize-security-group-ingress", "--group-id", "g"};
  auto with = [&](std::vector<std::string> more) {
    auto a = base;
    a.insert(a.end(), more.begin(), more.end());
    return refusal(a);
  };
  EXPECT_EQ(with({"--port", "22-x"}).message, "port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)");
  EXPECT_EQ(with({"--protocol", "256"}).message, "protocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number.");
  EXPECT_EQ(with({"--port"}).exit_code, 2);
  EXPECT_EQ(with({"--group-owner", "1", "--ip-permissions", "[]"}).message,
            "The --group_owner option is not compatible with the --ip-permissions option ");
}

TEST(AwsCustomArgs, RunInstancesBuildsTheNetworkInterface) {
  const auto p = params({"ec2", "run-instances", "--image-id", "ami-1", "--subnet-id", "subnet-1", "--security-group-ids", "sg-1",
                         "--private-ip-address", "10.0.0.5", "--secondary-private-ip-addresses", "10.0.0.6", "10.0.0.7",
                         "--associate-public-ip-address"});
  EXPECT_FALSE(p.contains("SubnetId"));
  EXPECT_FALSE(p.contains("SecurityGroupIds"));
  EXPECT_FALSE(p.contains("PrivateIpAddress"));
  const auto& nic = p["NetworkInterfaces"][0];
  EXPECT_EQ(nic["DeviceIndex"], 0);
  EXPECT_EQ(nic["SubnetId"], "subnet-1");
  EXPECT_EQ(nic["Groups"], Json::array({"sg-1"}));
  EXPECT_EQ(nic["AssociatePublicIpAddress"], true);
  // --private-ip-address replaces the list the secondary addresses made, as the CLI's fix-up does.
  EXPECT_EQ(nic["PrivateIpAddresses"], Json::parse(R"([{"PrivateIpAddress":"10.0.0.5","Primary":true}])"));
  EXPECT_EQ(params({"ec2", "run-instances", "--image-id", "a", "--no-associate-public-ip-address"})["NetworkInterfaces"][0]["AssociatePublicIpAddress"],
            false);
  // Without an interface option nothing moves.
  EXPECT_EQ(params({"ec2", "run-instances", "--image-id", "a", "--subnet-id", "s"})["SubnetId"], "s");
  EXPECT_EQ(refusal({"ec2", "run-instances", "--image-id", "a", "--secondary-private-ip-address-count", "x"}).exit_code, 2);
  EXPECT_EQ(refusal({"ec2", "run-instances", "--image-id", "a", "--network-interfaces", "DeviceIndex=0", "--associate-public-ip-address"}).message,
            "Mixing the --network-interfaces option with the simple, scalar options is not supported.");
}

TEST(AwsCustomArgs, PutMetricDataBuildsOneEntry) {
  const auto p = params({"cloudwatch", "put-metric-data", "--namespace", "DR", "--metric-name", "Lag", "--value", "3.5", "--unit",
                         "Seconds", "--dimensions", "A=1,B=2", "--statistic-values", "Sum=3,SampleCount=2", "--storage-resolution", "1"});
  EXPECT_EQ(p["MetricData"], Json::parse(R"([{"MetricName":"Lag","Unit":"Seconds","Value":3.5,
      "Dimensions":[{"Name":"A","Value":"1"},{"Name":"B","Value":"2"}],"StatisticValues":{"Sum":3.0,"SampleCount":2.0},
      "StorageResolution":1}])"));
  // --storage-resolution is in neither exclusive group: it lands in --metric-data's first entry.
  EXPECT_EQ(params({"cloudwatch", "put-metric-data", "--namespace", "DR", "--metric-data", "MetricName=a,Value=1",
                    "--storage-resolution", "60"})["MetricData"][0]["StorageResolution"], 60);
  EXPECT_EQ(refusal({"cloudwatch", "put-metric-data", "--namespace", "DR", "--metric-data", "MetricName=a", "--value", "1"}).message,
            "The key \"value\" cannot be specified when one of the following keys are also specified: metric_data");
  EXPECT_EQ(refusal({"cloudwatch", "put-metric-data", "--namespace", "DR", "--metric-name", "m", "--dimensions", "a"}).message,
            "not enough values to unpack (expected 2, got 1)");
}

TEST(AwsCustomArgs, LambdaZipFiles) {
  // The smallest zip: an end-of-central-directory record and no entries.
  const std::string empty_zip("PK\x05\x06" + std::string(18, '\0'));
  const std::vector<std::string> create{"lambda", "create-function", "--function-name", "f", "--role", "r"};
  auto with = [&](std::vector<std::string> more) {
    auto a = create;
    a.insert(a.end(), more.begin(), more.end());
    return a;
  };
  EXPECT_EQ(params(with({"--zip-file", empty_zip, "--code", "S3ObjectVersion=3"}))["Code"], Json({{"S3ObjectVersion", "3"}, {"ZipFile", empty_zip}}));
  EXPECT_EQ(refusal(with({"--zip-file", "fn.zip"})).message,
            "--zip-file must be a zip file with the fileb:// prefix.\nExample usage:  --zip-file fileb://path/to/file.zip");
  EXPECT_EQ(refusal(with({"--code", "ZipFile=abc"})).message,
            "ZipFile cannot be provided as part of the --code argument.  Please use the '--zip-file' option instead to specify a zip file.");
  EXPECT_EQ(refusal({"lambda", "update-function-code", "--function-name", "f", "--zip-file", "PK-not-really"}).exit_code, 255);
  EXPECT_EQ(params({"lambda", "update-function-code", "--function-name", "f", "--zip-file", empty_zip})["ZipFile"], empty_zip);
}

TEST(AwsCustomArgs, SesSendEmailBuildsDestinationAndMessage) {
  // Expected: what awscli's sessendemail builds for the same line (checked with the CLI's --debug).
  const auto p = params({"ses", "send-email", "--from", "dr@example.com", "--to", "a@example.com", "b@example.com", "--cc", "c@example.com",
                         "--bcc", "d@example.com", "--subject", "DR", "--text", "body", "--html", "<b>body</b>"});
  EXPECT_EQ(p["Source"], "dr@example.com");
  EXPECT_EQ(p["Destination"], Json::parse(R"({"ToAddresses":["a@example.com","b@example.com"],"CcAddresses":["c@example.com"],
                                              "BccAddresses":["d@example.com"]})"));
  EXPECT_EQ(p["Message"], Json::parse(R"({"Subject":{"Data":"DR"},"Body":{"Text":{"Data":"body"},"Html":{"Data":"<b>body</b>"}}})"));
  // An empty --text adds nothing (Python's `if value:`); --subject may go with --message.
  const auto q = params({"ses", "send-email", "--from", "x@example.com", "--destination", "ToAddresses=a@example.com", "--text", "",
                         "--subject", "S"});
  EXPECT_EQ(q["Message"], Json::parse(R"({"Subject":{"Data":"S"},"Body":{}})"));
  const auto both = refusal({"ses", "send-email", "--from", "x", "--cc", "a", "--destination", "ToAddresses=b"});
  EXPECT_EQ(both.exit_code, 255);
  EXPECT_EQ(both.message, "The key \"cc\" cannot be specified when one of the following keys are also specified: destination");
  const auto none = refusal({"ses", "send-email", "--from", "x", "--bcc"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.message.find("argument --bcc: expected at least one argument"), std::string::npos) << none.message;
}

TEST(AwsCustomArgs, NetworkAclProtocolNames) {
  EXPECT_EQ(params({"ec2", "create-network-acl-entry", "--network-acl-id", "a", "--rule-number", "1", "--protocol", "udp",
                    "--rule-action", "allow", "--egress"})["Protocol"], "17");
}

TEST(AwsCustomCommands, ReadAgainstTheirArgumentTablesAndClassified) {
  auto r = cli::parse_invocation(catalog(), {"eks", "update-kubeconfig", "--name", "prod", "--alias=p", "--region", "us-west-2"});
  ASSERT_TRUE(std::holds_alternative<cli::Invocation>(r));
  const auto& inv = std::get<cli::Invocation>(r);
  ASSERT_TRUE(inv.custom.has_value());
  EXPECT_EQ(inv.global.region, "us-west-2");
  EXPECT_EQ(*inv.custom->value("alias"), "p");
  EXPECT_EQ(inv.custom->access, model::Access::Write);  // it rewrites a local file
  auto dry = cli::parse_invocation(catalog(), {"eks", "update-kubeconfig", "--name", "prod", "--dry-run"});
  EXPECT_EQ(std::get<cli::Invocation>(dry).custom->access, model::Access::Read);
  auto token = cli::parse_invocation(catalog(), {"rds", "generate-db-auth-token", "--hostname", "h", "--port", "1", "--username", "u"});
  EXPECT_EQ(std::get<cli::Invocation>(token).custom->access, model::Access::Read);
  EXPECT_EQ(refusal({"rds", "generate-db-auth-token", "--hostname", "h"}).message, "the following arguments are required: --port, --username");
  EXPECT_EQ(refusal({"ecr", "get-login-password", "--nope", "1"}).message, "Unknown options: --nope,1");
  EXPECT_EQ(refusal({"eks", "update-kubeconfig", "--name"}).exit_code, 2);
  EXPECT_NE(refusal({"cloudformation", "package", "--template-file", "t"}).message.find("does not provide"), std::string::npos);
  // deploy creates a change set even with --no-execute-changeset: a write, for the guards to refuse.
  auto deploy = cli::parse_invocation(catalog(), {"cloudformation", "deploy", "--template-file", "t", "--stack-name", "s",
                                                  "--no-execute-changeset", "--no-fail-on-empty-changeset", "--fail-on-empty-changeset",
                                                  "--parameter-overrides", "A=1", "B=2", "--disable-rollback"});
  ASSERT_TRUE(std::holds_alternative<cli::Invocation>(deploy));
  const auto& d = *std::get<cli::Invocation>(deploy).custom;
  EXPECT_EQ(d.access, model::Access::Write);
  EXPECT_EQ(d.args.at("parameter-overrides"), (std::vector<std::string>{"A=1", "B=2"}));
  EXPECT_TRUE(d.last_of("fail-on-empty-changeset", "no-fail-on-empty-changeset"));  // argparse keeps the last
  EXPECT_TRUE(d.last_of("disable-rollback", "no-disable-rollback"));
  EXPECT_FALSE(d.last_of("no-disable-rollback", "disable-rollback"));
  EXPECT_EQ(refusal({"cloudformation", "deploy", "--template-file", "t"}).message, "the following arguments are required: --stack-name");
}

TEST(AwsCustomCommands, SplitOnCommasAsAwscli) {
  EXPECT_EQ(*cli::split_on_commas("a=1,b=2"), (std::vector<std::string>{"a=1", "b=2"}));
  EXPECT_EQ(*cli::split_on_commas("a=1\\,2,b=3"), (std::vector<std::string>{"a=1,2", "b=3"}));
  EXPECT_EQ(*cli::split_on_commas("a='1,2',b=3"), (std::vector<std::string>{"a=1,2", "b=3"}));
  EXPECT_EQ(*cli::split_on_commas("a=[1,2],b=3"), (std::vector<std::string>{"a=1,2", "b=3"}));
}

// What awscli's yamlhelper.yaml_parse makes of CloudFormation's short forms (this expectation is its output).
TEST(AwsCustomCommands, PyyamlCloudFormationShortForms) {
  const auto loaded = cli::load_pyyaml(
      "a: !Ref Env\nb: !Sub '${Env}-x'\nc: !GetAtt Topic.Arn.Deep\nd: !GetAtt [Q, Arn]\ne: !Join ['-', [!Ref Env, 12]]\n"
      "f: !Condition IsProd\ng: !If [IsProd, !Ref A, !Ref AWS::NoValue]\nh: !Base64 {x: 1}\ni: !Ref 123\n",
      cli::LocalTags::CloudFormation);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(*loaded, Json::parse(R"({"a": {"Ref": "Env"}, "b": {"Fn::Sub": "${Env}-x"}, "c": {"Fn::GetAtt": ["Topic", "Arn.Deep"]},
    "d": {"Fn::GetAtt": ["Q", "Arn"]}, "e": {"Fn::Join": ["-", [{"Ref": "Env"}, 12]]}, "f": {"Condition": "IsProd"},
    "g": {"Fn::If": ["IsProd", {"Ref": "A"}, {"Ref": "AWS::NoValue"}]}, "h": {"Fn::Base64": {"x": 1}}, "i": {"Ref": "123"}})"));
}

TEST(AwsCustomCommands, PyyamlRoundTrip) {
  const auto loaded = cli::load_pyyaml("a: yes\nb: 'yes'\nc: 012\nd: ~\ne: [x, '']\nf: {}\ng: caf\xc3\xa9\nh: '-x'\n");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ((*loaded)["a"], true);
  EXPECT_EQ((*loaded)["b"], "yes");
  EXPECT_EQ((*loaded)["c"], 10);  // YAML 1.1 octal
  EXPECT_EQ(cli::dump_pyyaml(*loaded), "a: true\nb: 'yes'\nc: 10\nd: null\ne:\n- x\n- ''\nf: {}\ng: \"caf\\xE9\"\nh: -x\n");
  EXPECT_EQ(cli::dump_pyyaml(Json::parse(R"({"l":[{"k":1,"m":[[1,2]]}],"s":"a: b","t":"#c","u":"-"})")),
            "l:\n- k: 1\n  m:\n  - - 1\n    - 2\ns: 'a: b'\nt: '#c'\nu: '-'\n");
}
