// rds generate-db-auth-token (awscli/customizations/rds.py, botocore's generate_db_auth_token): a
// presigned "connect" for the database's host and port, which the database takes as the password of an
// IAM-authenticated user for 15 minutes. Nothing is sent: it is a signature made here.

#include "aws/cli/commands/run_command.hpp"
#include "aws/cli/number_args.hpp"
#include "aws/sigv4/presign.hpp"
#include "util/text.hpp"

namespace drc::aws::cli::detail {

namespace {

constexpr int kTokenLifetimeSeconds = 900;

}  // namespace

CommandOutcome rds_generate_db_auth_token(const CustomCommandCall& call, CommandIo& io) {
  const auto& host = *call.value("hostname");
  const auto port = python_int(*call.value("port"));
  if (!port) return failed(port.error().message);
  const auto& username = *call.value("username");
  auto creds = credentials(io);
  if (!creds) return failed(creds.error().message);

  http::Request req;
  req.method = "GET";
  req.scheme = "https";
  req.host = to_lower(host);  // the Host header botocore signs is the URL's hostname, lower-cased
  req.port = static_cast<int>(*port);
  req.path = "/";
  req.query = {{"Action", "connect"}, {"DBUser", username}};
  sigv4::Params p;
  p.region = io.global.region.empty() ? io.client.default_region() : io.global.region;
  p.service = "rds-db";
  p.time = io.now();
  const auto signed_url = sigv4::presign(req, *creds, p, kTokenLifetimeSeconds);
  // botocore builds "https://HOST:PORT/?...", and the CLI prints it without the scheme.
  CommandOutcome o;
  o.out = host + ":" + std::to_string(*port) + "/?" + signed_url.query + "\n";
  return o;
}

}  // namespace drc::aws::cli::detail
