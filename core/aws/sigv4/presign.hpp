#pragma once
// SigV4 in the query string (a presigned URL), as botocore's SigV4QueryAuth makes one: the operation's
// parameters, then X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders and (with a session
// token) -Security-Token, all signed, then X-Amz-Signature. Whoever holds the URL can make that one
// request until it expires: rds generate-db-auth-token and eks get-token hand such URLs out as tokens.

#include <string>

#include "aws/sigv4/signer.hpp"

namespace drc::aws::sigv4 {

struct Presigned {
  std::string query;  // the URL's query, without the "?": operation params & auth params & X-Amz-Signature
  Signed stages;      // for tests; the canonical request holds the session token, so never log it
};

// `req.query` holds the operation's parameters in the order they go on the URL; `req.headers` the
// headers the request will carry and sign (Host is added from req.host and req.port). The body must be
// empty: a presigned request carries its parameters in the query.
Presigned presign(const http::Request& req, const Credentials& creds, const Params& p, int expires_seconds);

}  // namespace drc::aws::sigv4
