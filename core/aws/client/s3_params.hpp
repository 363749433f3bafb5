#pragma once
// botocore's before-parameter-build handlers for S3, which the aws CLI runs on every s3api call (and its s3
// commands): the bucket name checked, CopySource percent-encoded, metadata kept to ASCII, and SSE-C keys
// sent as base64 with their MD5. Each refusal is a parameter validation error, in botocore's words.

#include <nlohmann/json.hpp>

#include "aws/model/service_model.hpp"
#include "util/result.hpp"

namespace drc::aws::client {

// For an S3 operation's parameters, in botocore's order (the operation's handlers, then the service's);
// nothing for other services. The error is the report that follows "Parameter validation failed:".
Status prepare_s3_params(const model::ServiceModel& svc, const model::Operation& op, nlohmann::ordered_json& params);

}  // namespace drc::aws::client
