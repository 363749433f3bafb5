#include "aws/client/rule_endpoint.hpp"

#include <cctype>

#include "aws/endpoints/rule_set.hpp"

namespace drc::aws::client {

namespace {

using Json = nlohmann::json;
using endpoints::rules::Value;

// botocore's ArnParser: six colon-separated fields (it does not ask for the "arn" prefix), the resource
// split on '/' and ':'.
struct Arn {
  std::string partition, service, region, account;
  std::vector<std::string> resources;
};

std::optional<Arn> parse_arn(const std::string& s) {
  std::vector<std::string> f;
  std::size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    const auto colon = s.find(':', start);
    if (colon == std::string::npos) return std::nullopt;
    f.push_back(s.substr(start, colon - start));
    start = colon + 1;
  }
  Arn a{f[1], f[2], f[3], f[4], {}};
  const auto resource = s.substr(start);
  std::size_t from = 0;
  while (true) {
    const auto sep = resource.find_first_of("/:", from);
    a.resources.push_back(resource.substr(from, sep == std::string::npos ? std::string::npos : sep - from));
    if (sep == std::string::npos) break;
    from = sep + 1;
  }
  return a;
}

Result<bool> outpost_arn(nlohmann::ordered_json& params, const char* member, const char* kind, const char* refusal, bool accelerate) {
  if (!params.contains(member) || !params[member].is_string()) return false;
  const auto original = params[member].get<std::string>();
  const auto arn = parse_arn(original);
  if (!arn) return false;
  auto refuse = [&](const std::string& msg) {
    return make_error("S3 ARN \"" + original + "\" provided is invalid for this operation. " + msg);
  };
  if (arn->region.rfind("fips-", 0) == 0 || (arn->region.size() >= 5 && arn->region.compare(arn->region.size() - 5, 5, "fips-") == 0)) {
    return refuse("Invalid ARN, FIPS region not allowed in ARN.");
  }
  if (accelerate) return make_error("Unsupported configuration when using S3 Control: S3 control client does not support accelerate endpoints");
  const auto& r = arn->resources;
  if (arn->service != "s3-outposts" || r.size() != 4 || r[0] != "outpost" || r[2] != kind) return refuse(refusal);
  if (params.contains("AccountId") && params["AccountId"] != arn->account) {
    const auto given = params["AccountId"].is_string() ? params["AccountId"].get<std::string>() : params["AccountId"].dump();
    return refuse("Account ID in arn does not match the AccountId parameter provided: \"" + given + "\"");
  }
  // The ARN stays in Name or Bucket: the rule set reads the Outpost from it.
  params["AccountId"] = arn->account;
  return true;
}

// The value of a rule set parameter for this call: the operation's fixed value, a member the model marks
// as the parameter, then the built-ins.
Value parameter(const std::string& name, const Json& spec, const model::ServiceModel& svc, const model::Operation& op,
                const nlohmann::ordered_json& params, const RuleSettings& s) {
  if (auto it = op.static_context_params.find(name); it != op.static_context_params.end()) return it->second;
  if (const auto* in = op.input.empty() ? nullptr : svc.shape(op.input)) {
    for (const auto& m : in->members) {
      if (m.context_param == name && params.contains(m.name)) return Value(params[m.name]);
    }
  }
  const auto builtin = spec.value("builtIn", "");
  if (builtin == "AWS::Region") return s.region.empty() ? Value() : Value(s.region);
  if (builtin == "AWS::UseFIPS") return s.use_fips;
  if (builtin == "AWS::UseDualStack") return s.use_dualstack;
  if (builtin == "SDK::Endpoint") return s.endpoint_url ? Value(*s.endpoint_url) : Value();
  if (builtin == "AWS::S3Control::UseArnRegion") return s.use_arn_region;
  return Value();
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// botocore's ensure_boolean for a configured string.
bool truthy(const std::string& v) {
  std::string lower;
  for (char c : v) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "true";
}

// botocore's ruleset_error_to_botocore_exception: some rule set errors reach the user as the exceptions
// botocore raised before rule sets, in their words.
std::string botocore_words(const std::string& service, const std::string& msg, const Json& inputs) {
  if (starts_with(msg, "Invalid region in ARN: ")) {
    const auto open = msg.find('`');
    const auto close = open == std::string::npos ? std::string::npos : msg.find('`', open + 1);
    const auto label = close == std::string::npos ? msg : msg.substr(open + 1, close - open - 1);
    return "Invalid host label to be bound to the hostname of the endpoint: \"" + label + "\".";
  }
  std::string lower = msg;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (service == "s3") {
    if (msg == "S3 Object Lambda does not support S3 Accelerate" || msg == "Accelerate cannot be used with FIPS") {
      return "Unsupported configuration when using S3: " + msg;
    }
    for (const char* p : {"S3 Outposts does not support", "S3 MRAP does not support", "S3 Object Lambda does not support",
                          "Access Points do not support", "Invalid configuration:", "Client was configured for partition"}) {
      if (starts_with(msg, p)) return "Unsupported configuration when using S3 access-points: " + msg;
    }
    if (starts_with(lower, "invalid arn:")) return "Parameter validation failed:\n" + msg;
  }
  if (service == "s3control") {
    if (starts_with(msg, "Invalid ARN:")) {
      const auto bucket = inputs.contains("Bucket") && inputs["Bucket"].is_string() ? inputs["Bucket"].get<std::string>() : "None";
      return "S3 ARN \"" + bucket + "\" provided is invalid for this operation. " + msg;
    }
    if (starts_with(msg, "Invalid configuration:") || starts_with(msg, "Client was configured for partition")) {
      return "Unsupported configuration when using S3 Control: " + msg;
    }
    if (msg == "AccountId is required but not set") return "Parameter validation failed:\n" + msg;
  }
  if (service == "events" && (starts_with(msg, "Invalid Configuration: FIPS is not supported with EventBridge multi-region endpoints.") ||
                              msg == "EndpointId must be a valid host label.")) {
    return "Invalid endpoint configuration: " + msg;
  }
  return msg;
}

}  // namespace

RuleSettings rule_settings(const config::Env& env, const config::SharedConfig& cfg, const std::string& profile,
                           const std::string& region, std::optional<std::string> endpoint_url) {
  RuleSettings s;
  auto get = [&](const char* env_name, const char* key) { return config::setting(env, cfg, profile, env_name, key); };
  // A FIPS pseudo-region (fips-us-east-1, us-east-1-fips) is its region with FIPS on, as botocore reads it.
  s.region = region;
  bool fips_region = false;
  for (const char* mark : {"fips-", "-fips"}) {
    for (auto at = s.region.find(mark); at != std::string::npos; at = s.region.find(mark)) {
      s.region.erase(at, 5);
      fips_region = true;
    }
  }
  s.endpoint_url = std::move(endpoint_url);
  // An endpoint of one's own turns FIPS and dual-stack off, as botocore's built-ins do. S3 and S3 Control
  // read dual-stack from the profile's s3 section first.
  s.use_fips = !s.endpoint_url && (fips_region || truthy(get("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint")));
  auto dualstack = get(nullptr, "s3.use_dualstack_endpoint");
  if (dualstack.empty()) dualstack = get("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint");
  s.use_dualstack = !s.endpoint_url && truthy(dualstack);
  auto arn_region = get("AWS_S3_USE_ARN_REGION", "s3_use_arn_region");
  if (arn_region.empty()) arn_region = get(nullptr, "s3.use_arn_region");
  s.use_arn_region = truthy(arn_region);
  s.accelerate = truthy(get(nullptr, "s3.use_accelerate_endpoint"));
  return s;
}

Result<bool> s3control_arn_params(const model::Operation& op, nlohmann::ordered_json& params, bool accelerate) {
  // CreateBucket and ListRegionalBuckets go by their OutpostId, and CreateAccessPoint's Name is a name.
  if (op.name == "CreateBucket" || op.name == "ListRegionalBuckets") return false;
  bool changed = false;
  if (op.name != "CreateAccessPoint") {
    auto r = outpost_arn(params, "Name", "accesspoint", "The Name parameter does not support the provided ARN", accelerate);
    if (!r) return r;
    changed = *r;
  }
  auto r = outpost_arn(params, "Bucket", "bucket", "The Bucket parameter does not support the provided ARN", accelerate);
  if (!r) return r;
  return changed || *r;
}

Result<RuleResolved> resolve_by_rules(const model::ServiceModel& svc, const model::Operation& op,
                                      const nlohmann::ordered_json& params, const RuleSettings& settings,
                                      const endpoints::rules::PartitionTable& partitions) {
  const auto* doc = svc.endpoint_rule_set();
  if (!doc) return make_error(svc.last_error());
  Json inputs = Json::object();
  for (const auto& [name, spec] : doc->at("parameters").items()) {
    if (auto v = parameter(name, spec, svc, op, params, settings); !v.is_null()) inputs[name] = std::move(v);
  }
  auto found = endpoints::rules::resolve(*doc, inputs, partitions);
  if (!found) return make_error(botocore_words(svc.metadata().service, found.error().message, inputs));
  auto parsed = endpoints::parse_endpoint_url(found->url);
  if (!parsed) return make_error("the endpoint rule set gave " + found->url + ", which is not a URL drconsole can use: " + parsed.error().message);
  RuleResolved out;
  out.endpoint = *parsed;
  out.endpoint.signing_region = settings.region;
  out.signing_name = svc.metadata().signing_name;
  out.headers = std::move(found->headers);
  // botocore signs with the first scheme it supports; without its CRT package that is sigv4, not sigv4a.
  if (auto schemes = found->properties.find("authSchemes"); schemes != found->properties.end() && schemes->is_array()) {
    bool supported = false;
    for (const auto& scheme : *schemes) {
      if (scheme.value("name", "") != "sigv4") continue;
      out.signing_name = scheme.value("signingName", out.signing_name);
      out.endpoint.signing_region = scheme.value("signingRegion", out.endpoint.signing_region);
      supported = true;
      break;
    }
    if (!supported && !schemes->empty()) {
      // botocore's words up to its remedy (pip install botocore[crt]), which is no use here.
      return make_error("Missing Dependency: This operation requires an additional dependency. drconsole does not sign with " +
                        schemes->front().value("name", "?") + ", which this endpoint asks for (botocore needs its CRT package for it).");
    }
  }
  return out;
}

}  // namespace drc::aws::client
