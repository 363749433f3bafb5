#include "aws/client/rule_endpoint.hpp"

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

Result<bool> outpost_arn(nlohmann::ordered_json& params, const char* member, const char* kind, const char* refusal) {
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

}  // namespace

Result<bool> s3control_arn_params(const model::Operation& op, nlohmann::ordered_json& params) {
  // CreateBucket and ListRegionalBuckets go by their OutpostId, and CreateAccessPoint's Name is a name.
  if (op.name == "CreateBucket" || op.name == "ListRegionalBuckets") return false;
  bool changed = false;
  if (op.name != "CreateAccessPoint") {
    auto r = outpost_arn(params, "Name", "accesspoint", "The Name parameter does not support the provided ARN");
    if (!r) return r;
    changed = *r;
  }
  auto r = outpost_arn(params, "Bucket", "bucket", "The Bucket parameter does not support the provided ARN");
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
  auto found = endpoints::rules::RuleSet(*doc).resolve(inputs, partitions);
  if (!found) return found.error();
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
      return make_error("the endpoint needs an auth scheme drconsole does not provide (" + schemes->front().value("name", "?") + ")");
    }
  }
  return out;
}

}  // namespace drc::aws::client
