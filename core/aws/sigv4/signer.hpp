#pragma once
// AWS Signature Version 4, stage by stage as the specification (and botocore) defines it, so each stage
// can be checked on its own: canonical request → string to sign → signing key → signature.

#include <array>
#include <string>
#include <string_view>

#include "aws/credentials/credentials.hpp"
#include "aws/http/request.hpp"
#include "util/time_format.hpp"

namespace drc::aws::sigv4 {

inline constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";
inline constexpr std::string_view kEmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

struct Params {
  std::string region;
  std::string service;  // the signing name, e.g. "rds", "s3", "execute-api"
  Timestamp time;
  // S3 signs the path as sent (no second encoding, no dot-segment removal) and sends its payload hash in
  // X-Amz-Content-SHA256.
  bool s3 = false;
  bool unsigned_payload = false;  // "UNSIGNED-PAYLOAD" in place of the body's hash (S3: only over TLS with a checksum header)
};

using Key = std::array<unsigned char, 32>;

// "20261123T211900Z"
std::string amz_date(Timestamp t);
// "20261123/us-east-1/rds/aws4_request"
std::string credential_scope(const Params& p);
// The hex SHA-256 of the body, or UNSIGNED-PAYLOAD.
std::string payload_hash(const http::Request& req, const Params& p);

// The headers that are signed: all but hop-by-hop ones and User-Agent, lower-cased and sorted, with Host
// added from the URL when absent. "host;x-amz-date"
std::string signed_headers(const http::Request& req);
std::string canonical_request(const http::Request& req, const Params& p, std::string_view payload_hash);
std::string string_to_sign(const Params& p, std::string_view canonical_request);
Key signing_key(const Secret& secret, const Params& p);
std::string signature(const Key& key, std::string_view string_to_sign);

// The headers signing adds before the canonical request is formed: X-Amz-Date, X-Amz-Security-Token
// (with a session token) and X-Amz-Content-SHA256 (S3, or an unsigned payload), replacing any from an
// earlier attempt, and no Authorization. Returns the payload hash to sign.
std::string prepare(http::Request& req, const Credentials& creds, const Params& p);

struct Signed {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;
};

// prepare(), then the stages, then the Authorization header. Returns the stages, which hold nothing
// secret (the signature is one-way), for the debug log.
Signed sign(http::Request& req, const Credentials& creds, const Params& p);

}  // namespace drc::aws::sigv4
