// The request half of AwsClient: what a call sends. The parameters as the CLI and botocore prepare them,
// the endpoint (the rule set's, for a service whose model has one), validation, serialization, the
// host, checksums and what to sign with. aws_client.cpp runs the call: credentials, sending, retries.

#include "aws/client/aws_client.hpp"

#include <algorithm>

#include "aws/client/redact.hpp"
#include "aws/client/rule_endpoint.hpp"
#include "aws/client/s3_params.hpp"
#include "aws/http/uri.hpp"
#include "aws/protocol/param_validator.hpp"
#include "aws/protocol/serializer.hpp"

namespace drc::aws::client {

using Json = nlohmann::ordered_json;

namespace {

// A bucket that can be a host name label: lower case, digits and hyphens, 3 to 63 long, starting and
// ending with a letter or digit.
bool virtual_hostable(const std::string& bucket) {
  if (bucket.size() < 3 || bucket.size() > 63 || bucket.front() == '-' || bucket.back() == '-') return false;
  return std::all_of(bucket.begin(), bucket.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

model::Operation without_host_prefix(const model::Operation& op) {
  auto copy = op;
  copy.host_prefix.clear();
  return copy;
}

}  // namespace

Result<endpoints::Endpoint> AwsClient::endpoint(const model::ServiceMetadata& md, const std::string& region, bool with_flag) const {
  if (auto url = endpoints::configured_endpoint_url(md, with_flag ? config_.endpoint_url_flag : "", config_.env, *shared_, profile_)) {
    auto parsed = endpoints::parse_endpoint_url(*url);
    if (!parsed) return parsed.error();
    auto ep = *parsed;
    ep.signing_region = region;
    // A global service behind a custom endpoint still signs for its partition's region.
    if (auto std_ep = partitions_->resolve(md, region)) ep.signing_region = std_ep->signing_region;
    return ep;
  }
  return partitions_->resolve(md, region);
}

Result<std::shared_ptr<const endpoints::rules::PartitionTable>> AwsClient::rule_partitions() const {
  std::lock_guard lock(rule_partitions_mutex_);
  if (!rule_partitions_) {
    auto loaded = endpoints::rules::PartitionTable::load(config_.models_dir / "partitions.json");
    if (!loaded) return loaded.error();
    rule_partitions_ = std::make_shared<const endpoints::rules::PartitionTable>(std::move(*loaded));
  }
  return rule_partitions_;
}

Result<AwsClient::Wire> AwsClient::build_wire(const model::ServiceModel& svc, const model::Operation& op, Json& params,
                                               const std::string& region, bool use_endpoint_flag, bool presigning,
                                               CustomizationState& custom) const {
  customize_request(svc, op, params, custom);
  if (auto s3 = prepare_s3_params(svc, op, params); !s3) return make_error("Parameter validation failed:\n" + s3.error().message);
  const auto& md = svc.metadata();
  // A service with a rule set (s3control) is resolved by it before the parameters are validated, as
  // botocore does: its errors (an account id that cannot be a host label) come first.
  std::optional<RuleResolved> ruled;
  if (svc.has_endpoint_rule_set()) {
    const auto settings = rule_settings(config_.env, *shared_, profile_, region,
                                        endpoints::configured_endpoint_url(md, use_endpoint_flag ? config_.endpoint_url_flag : "",
                                                                           config_.env, *shared_, profile_));
    if (md.service == "s3control") {
      if (auto arn = s3control_arn_params(op, params, settings.accelerate); !arn) return arn.error();
    }
    auto partitions = rule_partitions();
    if (!partitions) return partitions.error();
    auto r = resolve_by_rules(svc, op, params, settings, **partitions);
    if (!r) return r.error();
    ruled = std::move(*r);
  }
  // A presigned URL carries no checksum of a body it does not have, and asks for none (as botocore).
  if (!presigning) request_response_checksum(op, checksums_, params);
  // Validated as a whole first, as botocore does: a user sees every mistake in the command at once.
  if (auto problems = protocol::validate_parameters(svc, op, params); !problems.empty()) {
    std::string report = "Parameter validation failed:";
    for (const auto& p : problems) report += "\n" + p;
    return make_error(std::move(report));
  }
  // The rule set puts the account id in the host itself; botocore drops the model's "{AccountId}." prefix
  // then (remove_accid_host_prefix_from_model), or the host would carry it twice.
  const auto requires_account = op.static_context_params.find("RequiresAccountId");
  const bool drop_prefix = ruled && op.host_prefix == "{AccountId}." && requires_account != op.static_context_params.end() &&
                           requires_account->second == true;
  auto serialized = drop_prefix ? protocol::serialize(svc, without_host_prefix(op), params) : protocol::serialize(svc, op, params);
  if (!serialized) return make_error("Parameter validation failed:\n" + serialized.error().message);

  Result<endpoints::Endpoint> resolved = ruled ? Result<endpoints::Endpoint>(ruled->endpoint) : endpoint(md, region, use_endpoint_flag);
  if (!resolved) return resolved.error();
  const auto ep = *resolved;
  Wire out;
  auto& w = out.request;
  w = std::move(serialized->request);
  if (ruled) {
    for (const auto& [name, value] : ruled->headers) {
      auto& hs = w.headers;
      hs.erase(std::remove_if(hs.begin(), hs.end(), [&](const auto& h) { return http::iequals(h.first, name); }), hs.end());
      hs.emplace_back(name, value);
    }
  }
  w.scheme = ep.scheme;
  w.host = ep.host;
  w.port = ep.port;
  // The model's host prefix goes on every endpoint, a configured one too, as botocore puts it.
  if (!serialized->host_prefix.empty()) {
    w.host = serialized->host_prefix + w.host;
  }
  const bool s3 = md.signing_name == "s3";
  if (s3 && !ep.custom && params.contains("Bucket") && op.request_uri.rfind("/{Bucket}", 0) == 0) {
    const auto bucket = params["Bucket"].get<std::string>();
    const auto prefix = "/" + http::percent_encode(bucket, "~");
    if (virtual_hostable(bucket) && w.path.rfind(prefix, 0) == 0) {
      out.s3_virtual_host = true;
      w.host = bucket + "." + w.host;
      w.path = w.path.substr(prefix.size());
      if (w.path.empty() || w.path[0] != '/') w.path = "/" + w.path;
    }
  }
  w.path = ep.base_path + w.path;
  // botocore's inject_api_version_header_if_needed.
  if (op.endpoint_operation) w.headers.emplace_back("x-amz-api-version", md.api_version);
  if (!presigning) {
    if (auto added = add_request_checksum(svc, op, checksums_, params, w); !added) return added.error();
  }
  out.signing.region = ep.signing_region;
  out.signing.service = ruled ? ruled->signing_name : md.signing_name;
  out.signing.s3 = s3;
  if (!presigning) out.cross_region = plan_cross_region_copy(md, op, w, out.signing);
  return out;
}

}  // namespace drc::aws::client
