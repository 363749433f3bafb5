#pragma once
// Flexible checksums, as botocore applies them by default ("when_supported"): a request whose operation
// names a checksum algorithm member (S3 PutObject, UploadPart ...) carries x-amz-checksum-crc32 of its
// body (or of the algorithm the caller chose), and an operation with a validation-mode member (GetObject)
// asks for the object's checksum and has the body checked against it. An upload of a backup is then
// verified end to end, not only by TCP.

#include <string>

#include <nlohmann/json.hpp>

#include "aws/http/request.hpp"
#include "aws/http/response.hpp"
#include "aws/model/service_model.hpp"
#include "util/result.hpp"

namespace drc::aws::client {

struct ChecksumSettings {
  bool request_when_supported = true;   // request_checksum_calculation: when_supported | when_required
  bool response_when_supported = true;  // response_checksum_validation: when_supported | when_required
};

// Sets the validation-mode member (ChecksumMode=ENABLED) when the caller left it out.
void request_response_checksum(const model::Operation& op, const ChecksumSettings& s, nlohmann::ordered_json& params);

// Adds the checksum headers to a serialized request; an algorithm the client cannot compute is an error.
Result<void> add_request_checksum(const model::ServiceModel& svc, const model::Operation& op, const ChecksumSettings& s,
                                  const nlohmann::ordered_json& params, http::Request& wire);

// Checks a whole-body response against the checksum header the service sent, when validation was asked.
Result<void> verify_response_checksum(const model::Operation& op, const nlohmann::ordered_json& params,
                                      const http::Request& wire, const http::Response& response);

// base64 of the digest, as the x-amz-checksum-* headers carry it: "crc32", "sha1", "sha256", "sha512"; and
// "md5", as Content-MD5 and SSE-C's key MD5 carry it.
std::string checksum_base64(const std::string& algorithm, const std::string& body);

}  // namespace drc::aws::client
