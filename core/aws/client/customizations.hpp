#pragma once
// The few places where the aws CLI (through botocore's handlers) changes a request or a response beyond
// what the model says, kept so drconsole's output matches: S3 listings ask for URL-encoded keys and decode
// them (so keys with any characters survive XML), IAM's policy documents, sent URL-encoded, come back
// as JSON objects, and Route 53 takes "/hostedzone/Z123" where it wants "Z123".

#include <nlohmann/json.hpp>

#include "aws/model/service_model.hpp"

namespace drc::aws::client {

struct CustomizationState {
  bool encoding_type_auto_set = false;
};

void customize_request(const model::ServiceModel& svc, const model::Operation& op, nlohmann::ordered_json& params,
                       CustomizationState& state);
void customize_response(const model::ServiceModel& svc, const model::Operation& op, nlohmann::ordered_json& output,
                        const CustomizationState& state);

// Percent-decoding as Python's urllib.parse.unquote (invalid escapes are left as they are).
std::string url_unquote(const std::string& s);

}  // namespace drc::aws::client
