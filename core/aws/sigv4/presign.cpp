#include "aws/sigv4/presign.hpp"

#include "aws/http/uri.hpp"

namespace drc::aws::sigv4 {

namespace {

// botocore's percent_encode_sequence: key=value pairs joined by '&', each encoded with only the
// unreserved characters kept.
std::string encode_sequence(const http::Pairs& pairs) {
  std::string out;
  for (const auto& [k, v] : pairs) {
    if (!out.empty()) out += '&';
    out += http::percent_encode(k) + "=" + http::percent_encode(v);
  }
  return out;
}

}  // namespace

Presigned presign(const http::Request& req, const Credentials& creds, const Params& p, int expires_seconds) {
  http::Request signing = req;
  signing.body.clear();
  http::Pairs auth{{"X-Amz-Algorithm", "AWS4-HMAC-SHA256"},
                   {"X-Amz-Credential", creds.access_key_id + "/" + credential_scope(p)},
                   {"X-Amz-Date", amz_date(p.time)},
                   {"X-Amz-Expires", std::to_string(expires_seconds)},
                   {"X-Amz-SignedHeaders", signed_headers(signing)}};
  if (!creds.session_token.empty()) auth.emplace_back("X-Amz-Security-Token", creds.session_token.reveal());
  for (const auto& kv : auth) signing.query.push_back(kv);

  Presigned out;
  // The payload is the empty body's (the parameters travel in the signed query), except that S3's
  // presigned URLs leave it unsigned, as botocore's S3SigV4QueryAuth does: whoever holds the URL may send a body.
  out.stages.canonical_request = canonical_request(signing, p, p.s3 || p.unsigned_payload ? "UNSIGNED-PAYLOAD" : kEmptySha256);
  out.stages.string_to_sign = string_to_sign(p, out.stages.canonical_request);
  out.stages.signature = signature(signing_key(creds.secret_access_key, p), out.stages.string_to_sign);
  out.query = (req.query.empty() ? "" : encode_sequence(req.query) + "&") + encode_sequence(auth) +
              "&X-Amz-Signature=" + out.stages.signature;
  return out;
}

}  // namespace drc::aws::sigv4
