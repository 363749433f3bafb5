#include "aws/cli/commands/run_command.hpp"

#include <future>

#include "aws/protocol/values.hpp"

namespace drc::aws::cli {

namespace detail {

CommandOutcome failed(const std::string& message) {
  CommandOutcome o;
  o.exit_code = 255;
  o.err = "\n" + message + "\n";
  return o;
}

client::CallResult call_aws(CommandIo& io, const std::string& service, const std::string& operation, nlohmann::ordered_json params,
                            CallFlags flags, std::optional<Credentials> creds) {
  client::CallRequest req;
  req.service = service;
  req.operation = operation;
  req.params = std::move(params);
  if (flags.region) req.region = io.global.region;
  req.use_endpoint_flag = flags.endpoint_url;
  req.credentials = std::move(creds);
  return io.client.call_sync(std::move(req));
}

Result<Credentials> credentials(CommandIo& io) {
  std::promise<Result<Credentials>> done;
  auto f = done.get_future();
  io.client.get_credentials([&done](Result<Credentials> c) { done.set_value(std::move(c)); });
  return f.get();
}

Result<Credentials> assume_role(CommandIo& io, const std::string& role_arn, const std::string& session_name, CallFlags flags) {
  auto res = call_aws(io, "sts", "AssumeRole", {{"RoleArn", role_arn}, {"RoleSessionName", session_name}}, flags);
  if (!res.ok()) return make_error(res.error_text());
  const auto& got = (*res.output)["Credentials"];
  Credentials c;
  c.access_key_id = got.value("AccessKeyId", "");
  c.secret_access_key = Secret(got.value("SecretAccessKey", ""));
  c.session_token = Secret(got.value("SessionToken", ""));
  return c;
}

namespace {

// ecr's authorizationToken is base64 of "AWS:password".
Result<std::pair<std::string, std::string>> user_and_password(const nlohmann::ordered_json& auth) {
  const auto decoded = protocol::base64_decode(auth.value("authorizationToken", ""));
  if (!decoded) return make_error("the authorization token ECR returned is not base64");
  const auto colon = decoded->find(':');
  // Python's `username, password = token.split(':')`: exactly one colon.
  if (colon == std::string::npos) return make_error("not enough values to unpack (expected 2, got 1)");
  if (decoded->find(':', colon + 1) != std::string::npos) return make_error("too many values to unpack (expected 2)");
  return std::pair{decoded->substr(0, colon), decoded->substr(colon + 1)};
}

}  // namespace

// awscli/customizations/ecr.py ECRGetLoginPassword: the first registry's password, for
// `docker login --password-stdin`.
CommandOutcome ecr_get_login_password(const CustomCommandCall&, CommandIo& io) {
  auto res = call_aws(io, "ecr", "GetAuthorizationToken", nlohmann::ordered_json::object());
  if (!res.ok()) return failed(res.error_text());
  const auto& data = (*res.output)["authorizationData"];
  if (!data.is_array() || data.empty()) return failed("list index out of range");
  auto up = user_and_password(data[0]);
  if (!up) return failed(up.error().message);
  CommandOutcome o;
  o.out = up->second + "\n";
  return o;
}

// ECRLogin: a `docker login` line per registry (deprecated in the CLI, kept as it is there).
CommandOutcome ecr_get_login(const CustomCommandCall& call, CommandIo& io) {
  nlohmann::ordered_json params = nlohmann::ordered_json::object();
  if (call.has("registry-ids")) params["registryIds"] = call.args.at("registry-ids");
  auto res = call_aws(io, "ecr", "GetAuthorizationToken", std::move(params));
  if (!res.ok()) return failed(res.error_text());
  // --include-email and --no-include-email share one destination, which defaults to true: the last given wins.
  const bool include_email = !call.last_of("no-include-email", "include-email");
  CommandOutcome o;
  for (const auto& auth : (*res.output)["authorizationData"]) {
    auto up = user_and_password(auth);
    if (!up) return failed(up.error().message);
    o.out += "docker login -u " + up->first + " -p " + up->second + (include_email ? " -e none" : "") + " " +
             auth.value("proxyEndpoint", "") + "\n";
  }
  return o;
}

}  // namespace detail

CommandOutcome run_custom_command(const CustomCommandCall& call, CommandIo& io) {
  const auto& key = call.spec->service + " " + call.spec->name;
  if (key == "ecr get-login-password") return detail::ecr_get_login_password(call, io);
  if (key == "ecr get-login") return detail::ecr_get_login(call, io);
  if (key == "rds generate-db-auth-token") return detail::rds_generate_db_auth_token(call, io);
  if (key == "eks get-token") return detail::eks_get_token(call, io);
  if (key == "eks update-kubeconfig") return detail::eks_update_kubeconfig(call, io);
  if (key == "cloudformation deploy") return detail::cloudformation_deploy(call, io);
  return detail::failed("\"aws " + key + "\" is one of the aws CLI's own commands, which drconsole does not provide");
}

}  // namespace drc::aws::cli
