// The credential sources of the standard chain that need no network (environment variables, a
// profile's static keys, credential_process), and the profile's choice among them and the roles.

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <optional>
#include <thread>

#include "aws/credentials/provider.hpp"
#include "aws/credentials/role_cache.hpp"
#include "aws/credentials/role_source.hpp"
#include "aws/credentials/sso_source.hpp"

namespace drc::aws::credentials {

namespace {

class EnvironmentSource final : public Source {
 public:
  explicit EnvironmentSource(config::Env env) : env_(std::move(env)) {}
  std::string describe() const override { return "environment variables (AWS_ACCESS_KEY_ID)"; }
  void load(std::function<void(Lookup)> done) override {
    const auto key = env_("AWS_ACCESS_KEY_ID");
    const auto secret = env_("AWS_SECRET_ACCESS_KEY");
    if (!key || key->empty()) return done(Lookup::not_configured());
    if (!secret || secret->empty()) {
      return done(Lookup::failed("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"));
    }
    Credentials c;
    c.access_key_id = *key;
    c.secret_access_key = Secret(*secret);
    if (auto t = env_("AWS_SESSION_TOKEN"); t && !t->empty()) c.session_token = Secret(*t);
    c.source = "environment";
    done(Lookup::found(std::move(c)));
  }

 private:
  config::Env env_;
};

// Runs credential_process off the caller's thread; its stdout is the JSON answer.
class ProcessSource final : public Source {
 public:
  ProcessSource(std::string command, std::string profile) : command_(std::move(command)), profile_(std::move(profile)) {}
  ~ProcessSource() override {
    if (worker_.joinable()) worker_.join();
  }
  std::string describe() const override { return "credential_process of profile " + profile_; }
  void load(std::function<void(Lookup)> done) override {
    if (worker_.joinable()) worker_.join();
    worker_ = std::thread([this, done = std::move(done)] { done(run()); });
  }

 private:
  Lookup run() const {
    const std::string what = "credential_process of profile " + profile_;
    FILE* p = ::popen(command_.c_str(), "r");
    if (!p) return Lookup::failed(what + " could not be started");
    std::string out;
    std::array<char, 4096> buf{};
    while (out.size() < (1u << 20)) {
      const auto n = std::fread(buf.data(), 1, buf.size(), p);
      if (n == 0) break;
      out.append(buf.data(), n);
    }
    const int status = ::pclose(p);
    if (status != 0) {
      return Lookup::failed(what + " exited with status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : status));
    }
    auto c = credentials_from_json(out, what);
    if (!c) return Lookup::failed(c.error().message);
    return Lookup::found(std::move(*c));
  }

  std::string command_;
  std::string profile_;
  std::thread worker_;
};

class StaticSource final : public Source {
 public:
  StaticSource(Credentials c, std::string where) : creds_(std::move(c)), where_(std::move(where)) {}
  std::string describe() const override { return where_; }
  void load(std::function<void(Lookup)> done) override { done(Lookup::found(creds_)); }

 private:
  Credentials creds_;
  std::string where_;
};

class NothingSource final : public Source {
 public:
  explicit NothingSource(std::string where) : where_(std::move(where)) {}
  std::string describe() const override { return where_; }
  void load(std::function<void(Lookup)> done) override { done(Lookup::not_configured()); }

 private:
  std::string where_;
};

class FailingSource final : public Source {
 public:
  FailingSource(std::string where, std::string error) : where_(std::move(where)), error_(std::move(error)) {}
  std::string describe() const override { return where_; }
  void load(std::function<void(Lookup)> done) override { done(Lookup::failed(error_)); }

 private:
  std::string where_, error_;
};

std::string get(const config::Section& s, const std::string& k) {
  auto it = s.find(k);
  return it == s.end() ? std::string() : it->second;
}

// int(text) as Python reads a profile's duration_seconds: optional spaces around an optional sign and digits.
std::optional<int> parse_int(const std::string& text) {
  const auto first = text.find_first_not_of(" \t"), last = text.find_last_not_of(" \t");
  if (first == std::string::npos) return std::nullopt;
  const auto digits = text.substr(first, last - first + 1);
  std::size_t i = digits[0] == '-' || digits[0] == '+' ? 1 : 0;
  if (i == digits.size() || digits.size() - i > 9) return std::nullopt;
  for (std::size_t j = i; j < digits.size(); ++j) {
    if (digits[j] < '0' || digits[j] > '9') return std::nullopt;
  }
  return std::stoi(digits);
}

std::unique_ptr<Source> profile_chain(const ChainInputs& in, const std::string& profile, int depth) {
  const std::string where = "profile " + profile + " (" + in.config->credentials_file.string() + ", " +
                            in.config->config_file.string() + ")";
  if (depth > 8) return std::make_unique<FailingSource>(where, "profile " + profile + ": source_profile goes round in a circle");
  const auto* p = in.config->profile(profile);
  if (!p && (profile != "default" || depth > 0)) {
    // A profile asked for by name that does not exist is an error; the implicit "default" is just absent.
    return std::make_unique<FailingSource>(where, "The config profile (" + profile + ") could not be found");
  }
  const config::Section none;
  const auto& section = p ? *p : none;
  const RoleDeps deps{in.assume_role, in.mfa_prompt, role_cache_dir(in.env), in.now};
  const auto role = get(section, "role_arn");
  // A source profile with keys of its own lends those; one with only a role assumes it in turn. A role
  // with a web identity token file is the web identity's (below), as in botocore.
  const bool keys_here = !get(section, "aws_access_key_id").empty();
  if (!role.empty() && get(section, "web_identity_token_file").empty() && !(depth > 0 && keys_here)) {
    AssumeRoleParams params;
    params.role_arn = role;
    params.session_name = get(section, "role_session_name");
    params.external_id = get(section, "external_id");
    // botocore passes over a duration_seconds that is not a whole number.
    if (auto d = get(section, "duration_seconds"); !d.empty()) params.duration_seconds = parse_int(d);
    params.mfa_serial = get(section, "mfa_serial");
    params.region = in.region;
    std::unique_ptr<Source> source;
    if (const auto sp = get(section, "source_profile"); !sp.empty()) {
      source = profile_chain(in, sp, depth + 1);
    } else if (const auto cs = get(section, "credential_source"); cs == "Environment") {
      source = environment_source(in.env);
    } else if (cs == "EcsContainer") {
      source = container_source(in);
    } else if (cs == "Ec2InstanceMetadata") {
      source = instance_metadata_source(in);
    } else {
      return std::make_unique<FailingSource>(where, "profile " + profile + " has role_arn but neither source_profile nor a "
                                                    "credential_source of Environment, EcsContainer or Ec2InstanceMetadata");
    }
    return assume_role_source(std::move(source), params, deps, profile);
  }
  {
    // A web identity: each setting from the environment first (a variable that is set counts, even
    // empty), then the profile, as botocore reads them. The environment is not read when --profile names
    // the profile, nor for a source profile, whose role botocore does not keep in the file cache either.
    const bool env_too = depth == 0 && !in.profile_from_flag;
    auto setting = [&](const char* env_name, const char* key) {
      if (env_too) {
        if (const auto v = in.env(env_name)) return *v;
      }
      return get(section, key);
    };
    AssumeRoleParams params;
    params.web_identity_token_file = setting("AWS_WEB_IDENTITY_TOKEN_FILE", "web_identity_token_file");
    if (!params.web_identity_token_file.empty()) {
      params.role_arn = setting("AWS_ROLE_ARN", "role_arn");
      params.session_name = setting("AWS_ROLE_SESSION_NAME", "role_session_name");
      params.region = in.region;
      auto web_deps = deps;
      if (depth > 0) web_deps.cache_dir.clear();
      return web_identity_source(std::move(params), web_deps);
    }
  }
  if (!p) return std::make_unique<NothingSource>(where);
  if (depth == 0) {
    if (auto sso = sso_source(in, profile, *p)) return std::move(*sso);
  }
  const auto key = get(*p, "aws_access_key_id");
  if (!key.empty()) {
    const auto secret = get(*p, "aws_secret_access_key");
    if (secret.empty()) return std::make_unique<FailingSource>(where, "profile " + profile + " has aws_access_key_id but no aws_secret_access_key");
    Credentials c;
    c.access_key_id = key;
    c.secret_access_key = Secret(secret);
    if (auto t = get(*p, "aws_session_token"); !t.empty()) c.session_token = Secret(t);
    c.source = "profile " + profile;
    return std::make_unique<StaticSource>(std::move(c), where);
  }
  if (auto cmd = get(*p, "credential_process"); !cmd.empty()) return std::make_unique<ProcessSource>(cmd, profile);
  return std::make_unique<NothingSource>(where);
}

}  // namespace

std::unique_ptr<Source> failing_source(std::string where, std::string error) {
  return std::make_unique<FailingSource>(std::move(where), std::move(error));
}

std::unique_ptr<Source> environment_source(config::Env env) { return std::make_unique<EnvironmentSource>(std::move(env)); }

std::unique_ptr<Source> profile_source(ChainInputs inputs) { return profile_chain(inputs, inputs.profile, 0); }

std::shared_ptr<Provider> default_chain(ChainInputs in) {
  if (!in.now) in.now = [] { return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()); };
  std::vector<std::unique_ptr<Source>> chain;
  if (!in.profile_from_flag) chain.push_back(environment_source(in.env));
  chain.push_back(profile_source(in));
  chain.push_back(container_source(in));
  chain.push_back(instance_metadata_source(in));
  return std::make_shared<Provider>(std::move(chain), in.now);
}

}  // namespace drc::aws::credentials
