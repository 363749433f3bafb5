#pragma once
// Reads an HTTP response into the operation's output (JSON, member names as the model has them), or into
// the service's error, for each wire protocol. Values come out as the aws CLI prints them by default:
// timestamps as they were on the wire, blobs as base64.

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/http/response.hpp"
#include "aws/model/service_model.hpp"
#include "util/result.hpp"

namespace drc::aws::protocol {

using HttpResponse = http::Response;

struct ParseOptions {
  // The aws CLI's cli_timestamp_format: "wire" (as sent) or "iso8601" (2026-11-23T21:00:00+00:00).
  bool iso_timestamps = false;
};

struct Parsed {
  nlohmann::ordered_json output = nlohmann::ordered_json::object();
  std::string request_id;
};

struct ServiceError {
  std::string code;       // "DBInstanceNotFound", "Throttling", or the HTTP status when there is nothing else
  std::string message;
  std::string request_id;
  int status = 0;
  // The XML error's other elements by name, present even when empty (S3's Region, Endpoint, BucketName).
  std::map<std::string, std::string> fields;
};

// A successful (2xx) response. A body that cannot be read as the protocol's XML or JSON is an error that
// names the operation.
Result<Parsed> parse_response(const model::ServiceModel& service, const model::Operation& op, const HttpResponse& response,
                              const ParseOptions& options = {});

// An error response, however malformed: what cannot be read from the body comes from the status line.
ServiceError parse_error(const model::ServiceModel& service, const HttpResponse& response);

// "Not Found" for 404, and so on; empty for an unknown status.
std::string_view reason_phrase(int status);

}  // namespace drc::aws::protocol
