#pragma once
// An endpoint rule set (endpoint-rule-set-1.json): the model's own program for where a request goes.
// Its parameters (region, FIPS, the endpoint URL, an operation's account id or bucket ...) run through
// tree, endpoint and error rules; the first endpoint rule whose conditions hold gives the URL, the
// signing properties and any headers; an error rule gives the message the user sees. Evaluated as
// botocore's EndpointProvider evaluates it, so the same inputs end in the same place and the same words.

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/endpoints/rule_library.hpp"
#include "util/result.hpp"

namespace drc::aws::endpoints::rules {

struct RuleEndpoint {
  std::string url;
  Value properties;  // e.g. {"authSchemes": [{"name": "sigv4", "signingName": "s3", "signingRegion": "us-east-1"}]}
  std::vector<std::pair<std::string, std::string>> headers;  // each header's first value, as botocore keeps it
};

// The rule set's document as the model file keeps it ({"parameters": ..., "rules": [...]}, in the model's
// order: parameters are checked and listed in it). `params` holds a value for each parameter known
// (absent or null: not set). The error is the rule set's own message ("AccountId must only contain a-z,
// A-Z, 0-9 and `-`."), or why nothing matched.
Result<RuleEndpoint> resolve(const nlohmann::ordered_json& rule_set, const nlohmann::json& params, const PartitionTable& partitions);

}  // namespace drc::aws::endpoints::rules
