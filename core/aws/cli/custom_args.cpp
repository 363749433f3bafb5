#include "aws/cli/custom_args.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "aws/cli/custom_args_parts.hpp"
#include "aws/cli/number_args.hpp"

namespace drc::aws::cli {

using detail::Json;

namespace {

// The kinds drconsole provides, with how argparse reads each.
constexpr std::array<std::pair<std::string_view, CustomArity>, 22> kArity{{
    {"PositiveBooleanArgument", CustomArity::Optional},
    {"NegativeBooleanParameter", CustomArity::Flag},
    {"ProtocolArgument", CustomArity::One},
    {"PortArgument", CustomArity::One},
    {"CidrArgument", CustomArity::One},
    {"SourceGroupArgument", CustomArity::One},
    {"GroupOwnerArgument", CustomArity::One},
    {"SecondaryPrivateIpAddressesArgument", CustomArity::Many},
    {"SecondaryPrivateIpAddressCountArgument", CustomArity::One},
    {"AssociatePublicIpAddressArgument", CustomArity::Flag},
    {"NoAssociatePublicIpAddressArgument", CustomArity::Flag},
    {"PutMetricArgument", CustomArity::One},
    {"S3LocationArgument", CustomArity::One},
    {"GitHubLocationArgument", CustomArity::One},
    {"ZipFileArgument", CustomArity::One},
    {"ReplacedZipFileArgument", CustomArity::One},
    {"CountArgument", CustomArity::One},
    {"LaunchKeyArgument", CustomArity::One},
    {"ConfigurationRecorderArgument", CustomArity::One},
    {"RecordingGroupArgument", CustomArity::One},
    {"AddressesArgument", CustomArity::OneOrMore},
    {"BodyArgument", CustomArity::One},
}};

const char* const kZipFileError = "--zip-file must be a zip file with the fileb:// prefix.\nExample usage:  --zip-file fileb://path/to/file.zip";

const model::Shape* member_shape(const CustomArgsInput& in, const std::string& member) {
  const auto* input = in.op.input.empty() ? nullptr : in.model.shape(in.op.input);
  const auto* m = input ? input->find(member) : nullptr;
  return m ? in.model.shape(m->shape) : nullptr;
}

// toplevelbool: a {"Value": boolean} member as --name [VALUE] and --no-name; both at once is refused.
Status check_boolean_pairs(const CustomArgsInput& in) {
  for (const auto& [name, g] : in.custom) {
    if (g.arg->custom != "PositiveBooleanArgument") continue;
    if (in.custom.count("no-" + name)) {
      return make_error("Cannot specify both the \"--" + name + "\" option and the \"--no-" + name + "\" option.");
    }
  }
  return {};
}

Status apply_booleans(const CustomArgsInput& in, Json& params) {
  for (const auto& [name, g] : in.custom) {
    if (g.arg->custom == "NegativeBooleanParameter") {
      params[g.arg->member] = Json{{"Value", false}};
    } else if (g.arg->custom == "PositiveBooleanArgument") {
      if (!g.words) {
        params[g.arg->member] = Json{{"Value", true}};
        continue;
      }
      const auto* shape = member_shape(in, g.arg->member);
      if (!shape) return make_error("the model has no member " + g.arg->member + " for --" + name);
      auto v = in.unpack(*shape, *g.words, "--" + name);
      if (!v) return v.error();
      params[g.arg->member] = std::move(*v);
    }
  }
  return {};
}

// configservice put-configuration-recorder: --recording-group is the recorder's recordingGroup, given on
// its own; --configuration-recorder fills the rest of the structure.
Status apply_configuration_recorder(const CustomArgsInput& in, Json& params) {
  const auto* recorder = member_shape(in, "ConfigurationRecorder");
  for (const char* kind : {"ConfigurationRecorderArgument", "RecordingGroupArgument"}) {  // the CLI's table order
    for (const auto& [name, g] : in.custom) {
      if (g.arg->custom != kind || !g.words) continue;
      if (!recorder) return make_error("the model has no ConfigurationRecorder for --" + name);
      const model::Shape* shape = recorder;
      if (g.arg->custom == "RecordingGroupArgument") {
        const auto* m = recorder->find("recordingGroup");
        shape = m ? in.model.shape(m->shape) : nullptr;
        if (!shape) return make_error("the model has no recordingGroup for --" + name);
      }
      auto v = in.unpack(*shape, *g.words, "--" + name);
      if (!v) return v.error();
      auto& target = params["ConfigurationRecorder"];
      if (!target.is_object()) target = Json::object();
      if (g.arg->custom == "RecordingGroupArgument") {
        target["recordingGroup"] = std::move(*v);
      } else if (v->is_object()) {
        target.update(*v);
      } else {
        target = std::move(*v);
      }
    }
  }
  return {};
}

// codedeploy locationargs: --s3-location and --github-location stand for the whole --revision (the last
// in the CLI's table wins), each checked for the members the CLI requires.
Status apply_deploy_location(const CustomArgsInput& in, Json& params) {
  const auto* revision = member_shape(in, "revision");
  for (const char* kind : {"S3LocationArgument", "GitHubLocationArgument"}) {  // the CLI's table order
    for (const auto& [name, g] : in.custom) {
      if (g.arg->custom != kind || !g.words) continue;
      const bool s3 = g.arg->custom == "S3LocationArgument";
      const auto* m = revision ? revision->find(s3 ? "s3Location" : "gitHubLocation") : nullptr;
      const auto* shape = m ? in.model.shape(m->shape) : nullptr;
      if (!shape) return make_error("the model has no revision location for --" + name);
      auto v = in.unpack(*shape, *g.words, "--" + name);
      if (!v) return v.error();
      // Python's truth test on each required member: missing, empty, 0, false and null all fail it.
      auto truthy = [&](const char* k) {
        if (!v->is_object() || !v->contains(k)) return false;
        const auto& x = (*v)[k];
        return !(x.is_null() || (x.is_string() && x.get_ref<const std::string&>().empty()) || (x.is_boolean() && !x.get<bool>()) ||
                 (x.is_number() && x.get<double>() == 0) || (x.is_structured() && x.empty()));
      };
      Json location = Json::object();
      if (s3) {
        if (!truthy("bucket") || !truthy("key") || !truthy("bundleType")) return make_error("--s3-location must specify bucket, key and bundleType.");
        for (const char* k : {"bucket", "key", "bundleType", "eTag", "version"}) {
          if (v->contains(k)) location[k] = (*v)[k];
        }
        params["revision"] = Json{{"revisionType", "S3"}, {"s3Location", std::move(location)}};
      } else {
        if (!truthy("repository") || !truthy("commitId")) return make_error("--github-location must specify repository and commitId.");
        location["repository"] = (*v)["repository"];
        location["commitId"] = (*v)["commitId"];
        params["revision"] = Json{{"revisionType", "GitHub"}, {"gitHubLocation", std::move(location)}};
      }
    }
  }
  return {};
}

// awslambda: --code / --content without ZipFile (their place is --zip-file), then --zip-file's bytes,
// merged into the same structure.
Status apply_lambda_zip(const CustomArgsInput& in, Json& params) {
  for (const auto& [name, g] : in.custom) {
    if (g.arg->custom != "ReplacedZipFileArgument") continue;
    const auto* shape = member_shape(in, g.arg->member);
    if (!shape) return make_error("the model has no member " + g.arg->member + " for --" + name);
    auto v = in.unpack(*shape, *g.words, "--" + name);
    if (!v) return v.error();
    if (v->is_object() && v->contains("ZipFile")) {
      return make_error("ZipFile cannot be provided as part of the --" + name +
                        " argument.  Please use the '--zip-file' option instead to specify a zip file.");
    }
    if (params.contains(g.arg->member) && params[g.arg->member].is_object() && v->is_object()) {
      params[g.arg->member].update(*v);
    } else {
      params[g.arg->member] = std::move(*v);
    }
  }
  for (const auto& [name, g] : in.custom) {
    if (g.arg->custom != "ZipFileArgument") continue;
    // --zip-file goes into the structure the replaced argument (--code, --content) fills.
    std::string member;
    for (const auto& [other, arg] : in.op.cli_args) {
      if (arg.custom == "ReplacedZipFileArgument") member = arg.member;
    }
    if (member.empty()) return make_error("the model names no structure for --" + name + " to fill");
    const auto& bytes = g.words->at(0);
    if (!detail::is_zip_archive(bytes)) return make_error(kZipFileError);
    if (params.contains(member) && params[member].is_object() && !params[member].empty()) {
      params[member]["ZipFile"] = bytes;
    } else {
      params[member] = Json{{"ZipFile", bytes}};
    }
  }
  // update-function-code's --zip-file is the model's own member, but the CLI checks it is a zip too.
  if (in.model.metadata().service == "lambda" && in.op.name == "UpdateFunctionCode" && in.given.count("zip-file") &&
      params.contains("ZipFile") && params["ZipFile"].is_string() && !detail::is_zip_archive(params["ZipFile"].get<std::string>())) {
    return make_error(kZipFileError);
  }
  return {};
}

}  // namespace

namespace detail {

const std::string* single_value(const GivenCustomArg& g) {
  return g.words && !g.words->empty() ? &g.words->front() : nullptr;
}

const GivenCustomArg* find_given(const CustomArgsInput& in, const std::string& name) {
  const auto it = in.custom.find(name);
  return it == in.custom.end() ? nullptr : &it->second;
}

}  // namespace detail

std::optional<CustomArity> custom_arity(const std::string& kind) {
  for (const auto& [k, a] : kArity) {
    if (k == kind) return a;
  }
  return std::nullopt;
}

std::optional<CustomArgError> check_argument_types(const std::map<std::string, GivenCustomArg>& custom) {
  for (const auto& [name, g] : custom) {
    if (g.arg->custom != "SecondaryPrivateIpAddressCountArgument") continue;  // the one with type=int
    const auto* v = detail::single_value(g);
    if (v && !python_int(*v)) return CustomArgError{2, "argument --" + name + ": invalid int value: '" + *v + "'"};
  }
  return std::nullopt;
}

std::optional<CustomArgError> apply_custom_args(const CustomArgsInput& in, Json& params) {
  // The CLI's operation-args-parsed checks come before any value is used.
  for (auto check : {detail::check_security_group_args, detail::check_run_instances_args, detail::check_put_metric_args,
                     detail::check_send_email_args, check_boolean_pairs}) {
    if (auto st = check(in); !st) return CustomArgError{255, st.error().message};
  }
  for (auto apply : {apply_booleans, apply_lambda_zip, apply_configuration_recorder, apply_deploy_location, detail::apply_security_group_args,
                     detail::apply_run_instances_args,
                     detail::apply_put_metric_args, detail::apply_send_email_args}) {
    if (auto st = apply(in, params); !st) return CustomArgError{255, st.error().message};
  }
  return std::nullopt;
}

void finish_custom_params(const model::ServiceModel& model, const model::Operation& op, Json& params) {
  if (model.metadata().service != "ec2" || !params.is_object()) return;
  if (op.name == "RunInstances") detail::fix_run_instances(params);
  // ec2 protocolarg: the network ACL entry's Protocol is a number, but the CLI takes names for four.
  if ((op.name == "CreateNetworkAclEntry" || op.name == "ReplaceNetworkAclEntry") && params.contains("Protocol") &&
      params["Protocol"].is_string()) {
    static const std::array<std::pair<const char*, const char*>, 4> kNumbers{{{"tcp", "6"}, {"udp", "17"}, {"icmp", "1"}, {"all", "-1"}}};
    for (const auto& [name, number] : kNumbers) {
      if (params["Protocol"] == name) params["Protocol"] = number;
    }
  }
}

std::optional<long long> ec2_default_page_size(const model::ServiceModel& model, const model::Operation& op,
                                               const Json& params, bool paginating) {
  if (!paginating || model.metadata().service != "ec2" || !params.is_object()) return std::nullopt;
  std::vector<std::string_view> allowed{"NextToken", "DryRun"};
  if (op.name == "DescribeSnapshots") {
    allowed.insert(allowed.end(), {"OwnerIds", "RestorableByUserIds"});
  } else if (op.name != "DescribeVolumes") {
    return std::nullopt;
  }
  for (const auto& [k, _] : params.items()) {
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) return std::nullopt;
  }
  return 1000;
}

bool uses_old_list_case(const model::ServiceModel& m, const std::string& operation, const std::string& argument) {
  static const std::array<std::array<const char*, 3>, 8> kCases{{
      {"firehose", "put-record-batch", "records"},
      {"workspaces", "reboot-workspaces", "reboot-workspace-requests"},
      {"workspaces", "rebuild-workspaces", "rebuild-workspace-requests"},
      {"workspaces", "terminate-workspaces", "terminate-workspace-requests"},
      {"elastic-load-balancing", "remove-tags", "tags"},
      {"elastic-load-balancing", "describe-instance-health", "instances"},
      {"elastic-load-balancing", "deregister-instances-from-load-balancer", "instances"},
      {"elastic-load-balancing", "register-instances-with-load-balancer", "instances"},
  }};
  std::string service_id;
  for (char c : m.metadata().service_id) service_id += c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::any_of(kCases.begin(), kCases.end(),
                     [&](const auto& c) { return service_id == c[0] && operation == c[1] && argument == c[2]; });
}

}  // namespace drc::aws::cli
