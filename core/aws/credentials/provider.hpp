#pragma once
// Where credentials come from: the standard chain, in the aws CLI's order. Environment variables (not
// when --profile is given), then the profile: an assumed role (role_arn with source_profile or
// credential_source, through STS), static keys in the credentials or config file, credential_process;
// then container credentials, then EC2 instance metadata (IMDSv2, short timeouts). The first source
// that is configured answers; one that is configured and fails is an error, not a reason to go on.
// Credentials are kept until five minutes before they expire, and callers asking at the same time
// share one lookup. Lookups that need the network or a process never block the caller.

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

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

struct AssumeRoleParams {
  std::string role_arn;
  std::string session_name;
  std::string external_id;
  int duration_seconds = 3600;
  std::string region;
};
// Calls STS AssumeRole signed with `source`; supplied by the AWS client, which owns the HTTP path.
using AssumeRole = std::function<void(const Credentials& source, const AssumeRoleParams&, Done)>;

struct ChainInputs {
  config::Env env;
  std::shared_ptr<const config::SharedConfig> config;
  std::string profile;            // already resolved (flag, AWS_PROFILE, ...)
  bool profile_from_flag = false;  // --profile: environment credentials are skipped
  std::string region;             // for STS
  http::Client* http = nullptr;   // for container and instance metadata
  AssumeRole assume_role;
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

// The JSON both credential_process and the metadata services answer with, as credentials.
Result<Credentials> credentials_from_json(const std::string& text, const std::string& source);

}  // namespace drc::aws::credentials
