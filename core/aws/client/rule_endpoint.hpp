#pragma once
// Endpoints from a service's rule set (botocore's EndpointRulesetResolver), for the services whose model
// carries one: the rule set's parameters from the client's settings and the call's own members, its
// answer turned into the request's endpoint, signing name and region, and headers. Also S3 Control's
// handling of Outposts ARNs in Name and Bucket, which botocore does just before (S3ControlArnParamHandlerv2).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/config/shared_config.hpp"
#include "aws/endpoints/endpoints.hpp"
#include "aws/endpoints/rule_library.hpp"
#include "aws/model/service_model.hpp"
#include "util/result.hpp"

namespace drc::aws::client {

// The client's side of the rule set's built-in parameters.
struct RuleSettings {
  std::string region;                       // AWS::Region
  std::optional<std::string> endpoint_url;  // SDK::Endpoint: --endpoint-url or a configured one
  bool use_fips = false;                    // AWS::UseFIPS: AWS_USE_FIPS_ENDPOINT / use_fips_endpoint
  bool use_dualstack = false;               // AWS::UseDualStack: AWS_USE_DUALSTACK_ENDPOINT / use_dualstack_endpoint
  bool use_arn_region = false;              // AWS::S3Control::UseArnRegion: AWS_S3_USE_ARN_REGION / s3_use_arn_region
  bool accelerate = false;                  // the profile's s3.use_accelerate_endpoint, which S3 Control refuses with ARNs
};

// The settings as botocore reads them: FIPS pseudo-regions, the s3 section of the profile, and an endpoint
// of one's own turning FIPS and dual-stack off.
RuleSettings rule_settings(const config::Env& env, const config::SharedConfig& cfg, const std::string& profile,
                           const std::string& region, std::optional<std::string> endpoint_url);

struct RuleResolved {
  endpoints::Endpoint endpoint;  // its signing_region is the auth scheme's
  std::string signing_name;
  std::vector<std::pair<std::string, std::string>> headers;
};

// An Outposts access point or bucket ARN given as Name or Bucket gives the AccountId (and the rule set
// the Outpost), as botocore's S3ControlArnParamHandlerv2; any other ARN there is refused in its words.
Result<bool> s3control_arn_params(const model::Operation& op, nlohmann::ordered_json& params, bool accelerate = false);

// The rule set's endpoint for this call. The error is the rule set's message, as botocore shows it.
Result<RuleResolved> resolve_by_rules(const model::ServiceModel& svc, const model::Operation& op,
                                      const nlohmann::ordered_json& params, const RuleSettings& settings,
                                      const endpoints::rules::PartitionTable& partitions);

}  // namespace drc::aws::client
