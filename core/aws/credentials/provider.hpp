#pragma once
// Where credentials come from: the standard chain, in the aws CLI's order. Environment variables (not
// when --profile is given), then the profile: an assumed role (role_arn with source_profile or
// credential_source, through STS, an MFA code asked for when it names mfa_serial), a web identity
// (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, or the profile's web_identity_token_file), an SSO role
// (with the token `aws sso login` cached, renewed when an sso-session's nears expiry), static keys
// in the credentials or config file, credential_process; then container credentials, then EC2 instance
// metadata (IMDSv2, short timeouts). Assumed roles are shared with the aws CLI through its file cache. The first source
// that is configured answers; one that is configured and fails is an error, not a reason to go on.
// Credentials are kept until five minutes before they expire, and callers asking at the same time
// share one lookup. Lookups that need the network or a process never block the caller.

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/config/shared_config.hpp"
#include "aws/credentials/credentials.hpp"
#include "aws/http/client.hpp"
#include "util/result.hpp"

namespace drc::aws::credentials {

using Done = std::function<void(Result<Credentials>)>;

struct Lookup {
  enum class State { NotConfigured, Found, Failed } state = State::NotConfigured;
  Credentials creds;
  std::string error;
  static Lookup not_configured() { return {}; }
  static Lookup found(Credentials c) { return {State::Found, std::move(c), {}}; }
  static Lookup failed(std::string e) { return {State::Failed, {}, std::move(e)}; }
};

// One place credentials can come from.
class Source {
 public:
  virtual ~Source() = default;
  virtual std::string describe() const = 0;  // for "looked in ..." messages
  virtual void load(std::function<void(Lookup)> done) = 0;
};

// A role to assume, as a profile or the environment configures it. Empty strings are "not configured":
// STS then gets no such member (and a session name is made up per call, kept out of the cache key).
struct AssumeRoleParams {
  std::string role_arn;
  std::string session_name;
  std::string external_id;
  std::optional<int> duration_seconds;
  std::string mfa_serial;               // an MFA code is asked for (SerialNumber, TokenCode)
  std::string web_identity_token_file;  // set: AssumeRoleWithWebIdentity with the file's token
  std::string region;
};
// One STS call: AssumeRole signed with `source`, or (with web_identity_token) the unsigned
// AssumeRoleWithWebIdentity. `session_name` and `token_code` are this call's.
struct RoleCall {
  AssumeRoleParams params;
  std::string session_name;
  std::string token_code;
  std::string web_identity_token;
};
// Makes the call; supplied by the AWS client, which owns the HTTP path. `done` gets STS's response.
using AssumeRole = std::function<void(const Credentials& source, const RoleCall&, std::function<void(Result<nlohmann::ordered_json>)>)>;
// The SSO portal's GetRoleCredentials (unsigned; the access token in a header); supplied by the AWS client.
struct SsoRoleCall {
  std::string region, role_name, account_id, access_token;
};
using SsoGetRoleCredentials = std::function<void(const SsoRoleCall&, std::function<void(Result<nlohmann::ordered_json>)>)>;
// SSO OIDC's CreateToken with a refresh token (unsigned), to renew an sso-session's access token.
struct SsoTokenCall {
  std::string region, client_id;
  Secret client_secret, refresh_token;
};
// Its answer: the response, or why not. `refused` when the service answered with an error (botocore's
// ClientError: the old token serves while it lasts); otherwise (no connection, ...) the failure stands.
struct SsoTokenAnswer {
  std::optional<nlohmann::ordered_json> output;
  std::string error;
  bool refused = false;
};
using SsoCreateToken = std::function<void(const SsoTokenCall&, std::function<void(SsoTokenAnswer)>)>;
// Asks the person at the terminal for an MFA code (the prompt names the device); nullopt when nobody
// can be asked (the console's screen, no terminal).
using MfaPrompt = std::function<std::optional<std::string>(const std::string& prompt)>;

struct ChainInputs {
  config::Env env;
  std::shared_ptr<const config::SharedConfig> config;
  std::string profile;            // already resolved (flag, AWS_PROFILE, ...)
  bool profile_from_flag = false;  // --profile: environment credentials are skipped
  std::string region;             // for STS
  http::Client* http = nullptr;   // for container and instance metadata
  AssumeRole assume_role;
  SsoGetRoleCredentials sso_get_role_credentials;
  SsoCreateToken sso_create_token;
  MfaPrompt mfa_prompt;
  std::function<Timestamp()> now;
};

class Provider {
 public:
  explicit Provider(std::vector<std::unique_ptr<Source>> chain, std::function<Timestamp()> now);
  // The cached credentials, or a fresh lookup; `done` may run on another thread.
  void get(Done done);

 private:
  void lookup(std::size_t index, std::vector<std::string> looked);
  void finish(Result<Credentials> r);

  std::vector<std::unique_ptr<Source>> chain_;
  std::function<Timestamp()> now_;
  std::mutex mutex_;
  std::optional<Credentials> cached_;
  std::vector<Done> waiting_;
  bool looking_ = false;
};

std::shared_ptr<Provider> default_chain(ChainInputs inputs);

// The individual sources, for the chain and for tests.
std::unique_ptr<Source> environment_source(config::Env env);
std::unique_ptr<Source> profile_source(ChainInputs inputs);  // role, static keys, or credential_process
std::unique_ptr<Source> container_source(ChainInputs inputs);
std::unique_ptr<Source> instance_metadata_source(ChainInputs inputs);
// A source that is configured but cannot work: its lookup fails with `error`.
std::unique_ptr<Source> failing_source(std::string where, std::string error);

// The JSON both credential_process and the metadata services answer with, as credentials.
Result<Credentials> credentials_from_json(const std::string& text, const std::string& source);

}  // namespace drc::aws::credentials
