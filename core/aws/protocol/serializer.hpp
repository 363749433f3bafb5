#pragma once
// Turns an operation's input (JSON, as the aws CLI and botocore take it) into an HTTP request, for each
// wire protocol: query and ec2 (form bodies), json (X-Amz-Target), rest-json and rest-xml (URI labels,
// query string, headers, and a JSON or XML body). The request has no host yet: the endpoint does that.

#include <string>

#include <nlohmann/json.hpp>

#include "aws/http/request.hpp"
#include "aws/model/service_model.hpp"
#include "util/result.hpp"

namespace drc::aws::protocol {

struct Serialized {
  http::Request request;    // method, path, query, headers, body
  std::string host_prefix;  // prepended to the endpoint's host, e.g. "data-" or "123456789012."
};

// The error says which parameter is wrong and how, e.g. "Invalid type for parameter Filters[0].Values,
// value: 3, type: int, valid types: list".
Result<Serialized> serialize(const model::ServiceModel& service, const model::Operation& op,
                             const nlohmann::ordered_json& params);

}  // namespace drc::aws::protocol
