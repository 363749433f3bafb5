#include <gtest/gtest.h>

#include <fstream>

#include "aws/model/model_catalog.hpp"
#include "support/temp_dir.hpp"

using namespace drc::aws::model;

namespace {

std::shared_ptr<ModelCatalog> catalog() {
  auto c = ModelCatalog::open(DRC_MODELS_DIR);
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
  return c.ok() ? *c : nullptr;
}

std::shared_ptr<const ServiceModel> service(const std::string& name) {
  auto s = catalog()->service(name);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return s.ok() ? *s : nullptr;
}

}  // namespace

TEST(AwsModel, CatalogFindsServicesByCliAndBotocoreNames) {
  auto c = catalog();
  ASSERT_TRUE(c);
  auto a = c->service("s3api");
  auto b = c->service("s3");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->get(), b->get());  // loaded once
  EXPECT_EQ((*a)->metadata().protocol, Protocol::RestXml);
  EXPECT_EQ((*a)->metadata().cli_name, "s3api");
  auto cfg = c->service("configservice");
  ASSERT_TRUE(cfg.ok());
  EXPECT_EQ((*cfg)->metadata().service, "config");
  auto none = c->service("no-such-service");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("no-such-service"), std::string::npos);
  const auto names = c->cli_names();
  for (const char* s : {"rds", "ec2", "backup", "s3api", "route53", "ecs", "sts", "dynamodb", "cloudwatch", "logs",
                        "elbv2", "lambda", "eks", "ssm", "secretsmanager", "autoscaling", "iam"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), s), names.end()) << s;
  }
}

TEST(AwsModel, EveryWireProtocolIsRepresented) {
  EXPECT_EQ(service("rds")->metadata().protocol, Protocol::Query);
  EXPECT_EQ(service("ec2")->metadata().protocol, Protocol::Ec2);
  EXPECT_EQ(service("dynamodb")->metadata().protocol, Protocol::Json);
  EXPECT_EQ(service("lambda")->metadata().protocol, Protocol::RestJson);
  EXPECT_EQ(service("route53")->metadata().protocol, Protocol::RestXml);
  const auto ddb_model = service("dynamodb");
  const auto& ddb = ddb_model->metadata();
  EXPECT_EQ(ddb.json_version, "1.0");
  EXPECT_EQ(ddb.target_prefix, "DynamoDB_20120810");
}

TEST(AwsModel, QueryOperationWithPaginatorAndCliArguments) {
  auto rds = service("rds");
  ASSERT_TRUE(rds);
  const auto* op = rds->operation("DescribeDBInstances");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->input, "DescribeDBInstancesMessage");
  EXPECT_EQ(op->output, "DBInstanceMessage");
  EXPECT_EQ(op->result_wrapper, "DescribeDBInstancesResult");
  EXPECT_EQ(op->access, Access::Read);
  ASSERT_TRUE(op->paginator);
  EXPECT_EQ(op->paginator->input_tokens, std::vector<std::string>{"Marker"});
  EXPECT_EQ(op->paginator->result_keys, std::vector<std::string>{"DBInstances"});
  EXPECT_EQ(op->paginator->limit_key, "MaxRecords");
  ASSERT_TRUE(op->cli_args.count("db-instance-identifier"));
  EXPECT_EQ(op->cli_args.at("db-instance-identifier").member, "DBInstanceIdentifier");
  EXPECT_EQ(op->cli_args.at("max-items").kind, CliArg::Kind::Page);
  EXPECT_EQ(rds->cli_commands().at("describe-db-instances"), "DescribeDBInstances");
  EXPECT_EQ(rds->cli_commands().at("add-option-to-option-group"), "ModifyOptionGroup");  // the CLI's alias
  EXPECT_EQ(rds->cli_waiters().at("db-instance-available"), "DBInstanceAvailable");
  ASSERT_NE(rds->waiter("DBInstanceAvailable"), nullptr);
  EXPECT_EQ(rds->waiter("DBInstanceAvailable")->at("operation"), "DescribeDBInstances");

  const auto* create = rds->operation("CreateDBInstance");
  ASSERT_NE(create, nullptr);
  EXPECT_EQ(create->access, Access::Write);
  EXPECT_TRUE(create->cli_args.at("master-user-password").required == false);
  const auto* input = rds->shape(create->input);
  ASSERT_NE(input, nullptr);
  EXPECT_TRUE(input->is_required("DBInstanceIdentifier"));
  const auto* pw = input->find("MasterUserPassword");
  ASSERT_NE(pw, nullptr);
  const auto* pw_shape = rds->shape(pw->shape);
  ASSERT_NE(pw_shape, nullptr);
  EXPECT_TRUE(pw_shape->sensitive);
  const auto* multi_az = rds->shape(input->find("MultiAZ")->shape);
  ASSERT_NE(multi_az, nullptr);
  EXPECT_EQ(multi_az->type, ShapeType::Boolean);
  EXPECT_EQ(create->cli_args.at("no-multi-az").kind, CliArg::Kind::Boolean);
  EXPECT_FALSE(create->cli_args.at("no-multi-az").value);
  EXPECT_TRUE(create->cli_args.at("multi-az").value);
}

TEST(AwsModel, RestXmlLocationsPayloadAndNamespace) {
  auto s3 = service("s3");
  const auto* op = s3->operation("PutBucketVersioning");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->http_method, "PUT");
  EXPECT_EQ(op->request_uri, "/{Bucket}?versioning");
  EXPECT_TRUE(op->checksum_required);
  EXPECT_EQ(op->access, Access::Write);
  const auto* in = s3->shape(op->input);
  ASSERT_NE(in, nullptr);
  EXPECT_EQ(in->payload, "VersioningConfiguration");
  const auto* bucket = in->find("Bucket");
  ASSERT_NE(bucket, nullptr);
  EXPECT_EQ(bucket->location, Location::Uri);
  const auto* mfa = in->find("MFA");
  ASSERT_NE(mfa, nullptr);
  EXPECT_EQ(mfa->location, Location::Header);
  EXPECT_EQ(mfa->location_name, "x-amz-mfa");
  const auto* cfg = in->find("VersioningConfiguration");
  ASSERT_TRUE(cfg && cfg->xml_namespace);
  EXPECT_EQ(cfg->xml_namespace->uri, "http://s3.amazonaws.com/doc/2006-03-01/");
  EXPECT_EQ(s3->operation("GetBucketVersioning")->access, Access::Read);
  EXPECT_EQ(s3->operation("HeadObject")->access, Access::Read);
}

TEST(AwsModel, Ec2CustomArgumentsAndQueryNames) {
  auto ec2 = service("ec2");
  const auto* run = ec2->operation("RunInstances");
  ASSERT_NE(run, nullptr);
  ASSERT_TRUE(run->cli_args.count("count"));
  EXPECT_EQ(run->cli_args.at("count").kind, CliArg::Kind::Custom);
  EXPECT_EQ(run->cli_args.at("count").custom, "CountArgument");
  const auto* in = ec2->shape("DescribeInstancesRequest");
  ASSERT_NE(in, nullptr);
  const auto* filters = in->find("Filters");
  ASSERT_NE(filters, nullptr);
  EXPECT_EQ(filters->location_name, "Filter");
  const auto* list = ec2->shape(filters->shape);
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->type, ShapeType::List);
  EXPECT_EQ(list->member->location_name, "Filter");
  EXPECT_GT(ec2->operation_names().size(), 700u);
}

TEST(AwsModel, ClassifiesReadsAndWrites) {
  EXPECT_EQ(classify("DescribeDBInstances", "POST", std::nullopt), Access::Read);
  EXPECT_EQ(classify("ListTagsForResource", "POST", std::nullopt), Access::Read);
  EXPECT_EQ(classify("GetObject", "GET", std::nullopt), Access::Read);
  EXPECT_EQ(classify("Getaway", "POST", std::nullopt), Access::Write);  // the verb must end
  EXPECT_EQ(classify("DeleteDBInstance", "POST", std::nullopt), Access::Write);
  EXPECT_EQ(classify("RestoreDBInstanceFromDBSnapshot", "POST", std::nullopt), Access::Write);
  EXPECT_EQ(classify("UpdateService", "POST", std::nullopt), Access::Write);
  EXPECT_EQ(classify("CreateFoo", "GET", std::nullopt), Access::Read);   // a GET changes nothing
  EXPECT_EQ(classify("DescribeX", "POST", false), Access::Write);        // the model's own flag wins
}

TEST(AwsModel, DamagedModelFilesAreClearErrors) {
  drc::test::TempDir tmp;
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(tmp / name) << text;
    return tmp / name;
  };
  auto no_header = ServiceModel::open(write("a.jsonl", "{\"metadata\":"));
  ASSERT_FALSE(no_header.ok());
  EXPECT_NE(no_header.error().message.find("a.jsonl:1"), std::string::npos) << no_header.error().message;

  const std::string header =
      R"({"cli":{"commands":{},"custom_commands":[],"name":"x","waiters":{}},"metadata":{"protocol":"json"}})" "\n";
  auto bad_line = ServiceModel::open(write("b.jsonl", header + "{\"s\":\"A\",\"type\":\"string\"}\nnot json\n"));
  ASSERT_FALSE(bad_line.ok());
  EXPECT_NE(bad_line.error().message.find("b.jsonl:3"), std::string::npos) << bad_line.error().message;

  auto bad_protocol = ServiceModel::open(write("c.jsonl", R"({"cli":{"commands":{},"custom_commands":[],"name":"x","waiters":{}},"metadata":{"protocol":"smoke"}})" "\n"));
  ASSERT_FALSE(bad_protocol.ok());
  EXPECT_NE(bad_protocol.error().message.find("smoke"), std::string::npos);

  auto m = ServiceModel::open(write("d.jsonl", header + "{\"s\":\"Good\",\"type\":\"string\"}\n{\"s\":\"Odd\",\"type\":\"quantum\"}\n{\"s\":\"L\",\"type\":\"list\"}\n"));
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_NE((*m)->shape("Good"), nullptr);
  EXPECT_EQ((*m)->shape("Missing"), nullptr);
  EXPECT_EQ((*m)->shape("Odd"), nullptr);
  EXPECT_NE((*m)->last_error().find("quantum"), std::string::npos) << (*m)->last_error();
  EXPECT_EQ((*m)->shape("L"), nullptr);
  EXPECT_NE((*m)->last_error().find("list without a member"), std::string::npos);
  EXPECT_EQ((*m)->metadata().protocol, Protocol::Json);
}
