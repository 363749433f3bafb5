#include "aws/credentials/role_source.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "aws/credentials/role_cache.hpp"

namespace drc::aws::credentials {

namespace {

using Json = nlohmann::ordered_json;

std::string made_up_session_name(Timestamp now) {
  return "drconsole-session-" + std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
}

// STS's answer as credentials, and into the cache.
Lookup from_response(const Result<Json>& response, const RoleDeps& deps, const std::string& key, const std::string& role) {
  if (!response) return Lookup::failed("assuming " + role + " failed: " + response.error().message);
  const auto& r = *response;
  if (!r.is_object() || !r.contains("Credentials") || !r["Credentials"].is_object()) {
    return Lookup::failed("assuming " + role + " failed: STS answered without Credentials");
  }
  auto c = credentials_from_json(r["Credentials"].dump(), "STS for " + role);
  if (!c) return Lookup::failed(c.error().message);
  c->source = "role " + role;
  if (!deps.cache_dir.empty()) write_cached_role(deps.cache_dir, key, r);
  return Lookup::found(std::move(*c));
}

std::optional<Lookup> from_cache(const RoleDeps& deps, const std::string& key, const std::string& role) {
  if (deps.cache_dir.empty()) return std::nullopt;
  auto cached = read_cached_role(deps.cache_dir, key, deps.now());
  if (!cached) return std::nullopt;
  cached->source = "role " + role + " (cached)";
  return Lookup::found(std::move(*cached));
}

class AssumeRoleSource final : public Source {
 public:
  AssumeRoleSource(std::unique_ptr<Source> source, AssumeRoleParams params, RoleDeps deps, std::string profile)
      : source_(std::move(source)), params_(std::move(params)), deps_(std::move(deps)), profile_(std::move(profile)) {}
  std::string describe() const override { return "role " + params_.role_arn + " of profile " + profile_; }
  void load(std::function<void(Lookup)> done) override {
    const auto key = role_cache_key(params_);
    if (auto hit = from_cache(deps_, key, params_.role_arn)) return done(std::move(*hit));
    source_->load([this, done, key](Lookup l) {
      if (l.state == Lookup::State::Failed) return done(l);
      if (l.state == Lookup::State::NotConfigured) {
        return done(Lookup::failed("profile " + profile_ + " assumes " + params_.role_arn + " but its source (" +
                                   source_->describe() + ") has no credentials"));
      }
      if (!deps_.call) return done(Lookup::failed("assuming a role needs STS, which is not available here"));
      RoleCall call;
      call.params = params_;
      call.session_name = params_.session_name.empty() ? made_up_session_name(deps_.now()) : params_.session_name;
      if (!params_.mfa_serial.empty()) {
        auto code = deps_.prompt ? deps_.prompt("Enter MFA code for " + params_.mfa_serial + ": ") : std::nullopt;
        if (!code) {
          return done(Lookup::failed("profile " + profile_ + " needs an MFA code for " + params_.mfa_serial +
                                     ", and there is no terminal to ask for it here: run `drconsole aws sts get-caller-identity "
                                     "--profile " + profile_ + "` (or any aws CLI command with that profile) in a terminal "
                                     "first; the role is then kept in ~/.aws/cli/cache until it nears expiry"));
        }
        call.token_code = *code;
      }
      deps_.call(l.creds, call, [this, done, key](Result<Json> r) { done(from_response(r, deps_, key, params_.role_arn)); });
    });
  }

 private:
  std::unique_ptr<Source> source_;
  AssumeRoleParams params_;
  RoleDeps deps_;
  std::string profile_;
};

class WebIdentitySource final : public Source {
 public:
  WebIdentitySource(AssumeRoleParams params, RoleDeps deps) : params_(std::move(params)), deps_(std::move(deps)) {}
  std::string describe() const override {
    return "web identity " + params_.web_identity_token_file + " for role " + params_.role_arn;
  }
  void load(std::function<void(Lookup)> done) override {
    if (params_.role_arn.empty()) {
      return done(Lookup::failed("a web identity token file (" + params_.web_identity_token_file +
                                 ") is configured without a role: set AWS_ROLE_ARN, or role_arn in the profile"));
    }
    const auto key = role_cache_key(params_);
    if (auto hit = from_cache(deps_, key, params_.role_arn)) return done(std::move(*hit));
    // The token is read at each call: the platform that writes it replaces it before it expires.
    std::ifstream in(params_.web_identity_token_file, std::ios::binary);
    if (!in) {
      return done(Lookup::failed("the web identity token file " + params_.web_identity_token_file +
                                 " could not be read: " + std::strerror(errno)));
    }
    std::ostringstream token;
    token << in.rdbuf();
    if (!deps_.call) return done(Lookup::failed("assuming a role needs STS, which is not available here"));
    RoleCall call;
    call.params = params_;
    call.session_name = params_.session_name.empty() ? made_up_session_name(deps_.now()) : params_.session_name;
    call.web_identity_token = token.str();
    deps_.call(Credentials{}, call, [this, done, key](Result<Json> r) { done(from_response(r, deps_, key, params_.role_arn)); });
  }

 private:
  AssumeRoleParams params_;
  RoleDeps deps_;
};

}  // namespace

std::unique_ptr<Source> assume_role_source(std::unique_ptr<Source> source, AssumeRoleParams params, RoleDeps deps, std::string profile) {
  return std::make_unique<AssumeRoleSource>(std::move(source), std::move(params), std::move(deps), std::move(profile));
}

std::unique_ptr<Source> web_identity_source(AssumeRoleParams params, RoleDeps deps) {
  return std::make_unique<WebIdentitySource>(std::move(params), std::move(deps));
}

}  // namespace drc::aws::credentials
