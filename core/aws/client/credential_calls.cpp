#include "aws/client/credential_calls.hpp"

#include "aws/client/aws_client.hpp"

namespace drc::aws::client {

namespace {

using Json = nlohmann::ordered_json;

// The output, or the CLI's error line.
void answer(AwsClient& client, CallRequest r, std::function<void(Result<Json>)> done) {
  client.call(std::move(r), [done = std::move(done)](CallResult res) {
    if (!res.ok()) return done(make_error(res.error_text()));
    done(std::move(*res.output));
  });
}

}  // namespace

credentials::AssumeRole sts_role_calls(AwsClient& client) {
  return [&client](const Credentials& source, const credentials::RoleCall& call, std::function<void(Result<Json>)> done) {
    const auto& p = call.params;
    CallRequest r;
    r.service = "sts";
    r.params = {{"RoleArn", p.role_arn}, {"RoleSessionName", call.session_name}};
    if (!call.web_identity_token.empty()) {
      r.operation = "AssumeRoleWithWebIdentity";
      r.params["WebIdentityToken"] = call.web_identity_token;
      r.anonymous = true;  // unsigned (as its model says): the chain is not asked while it is looking up
    } else {
      r.operation = "AssumeRole";
      r.credentials = source;
      if (!p.external_id.empty()) r.params["ExternalId"] = p.external_id;
      if (!p.mfa_serial.empty()) {
        r.params["SerialNumber"] = p.mfa_serial;
        r.params["TokenCode"] = call.token_code;
      }
    }
    if (p.duration_seconds) r.params["DurationSeconds"] = *p.duration_seconds;
    r.region = p.region.empty() ? "us-east-1" : p.region;
    r.use_endpoint_flag = false;  // AWS_ENDPOINT_URL_STS and the profile's settings apply, not --endpoint-url
    answer(client, std::move(r), std::move(done));
  };
}

credentials::SsoGetRoleCredentials sso_role_calls(AwsClient& client) {
  return [&client](const credentials::SsoRoleCall& call, std::function<void(Result<Json>)> done) {
    CallRequest r;
    r.service = "sso";
    r.operation = "GetRoleCredentials";
    r.anonymous = true;  // unsigned, as its model says
    r.params = {{"roleName", call.role_name}, {"accountId", call.account_id}, {"accessToken", call.access_token}};
    r.region = call.region;
    r.use_endpoint_flag = false;
    answer(client, std::move(r), std::move(done));
  };
}

credentials::SsoCreateToken sso_token_calls(AwsClient& client) {
  return [&client](const credentials::SsoTokenCall& call, std::function<void(credentials::SsoTokenAnswer)> done) {
    CallRequest r;
    r.service = "sso-oidc";
    r.operation = "CreateToken";
    r.anonymous = true;  // unsigned, as botocore's client for it is
    r.params = {{"grantType", "refresh_token"},
                {"clientId", call.client_id},
                {"clientSecret", call.client_secret.reveal()},
                {"refreshToken", call.refresh_token.reveal()}};
    r.region = call.region;
    r.use_endpoint_flag = false;
    client.call(std::move(r), [done = std::move(done)](CallResult res) {
      credentials::SsoTokenAnswer answer;
      if (res.ok()) {
        answer.output = std::move(*res.output);
      } else {
        answer.error = res.error_text();
        answer.refused = res.error.has_value();
      }
      done(std::move(answer));
    });
  };
}

}  // namespace drc::aws::client
