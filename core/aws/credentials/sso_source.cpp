#include "aws/credentials/sso_source.hpp"

#include <vector>

#include "aws/credentials/cache_file.hpp"
#include "aws/credentials/sso_token.hpp"

namespace drc::aws::credentials {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kExpired =
    "The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run "
    "aws sso login with the corresponding profile.";

struct SsoConfig {
  std::string start_url, region, account_id, role_name, session;  // session: the sso-session's name, if any
};

// GetRoleCredentials with the token, the role's keys out of the answer.
void role_credentials(const SsoConfig& config, const SsoGetRoleCredentials& call, const SsoToken& token, Timestamp now,
                      const std::function<void(Lookup)>& done) {
  if (token.expires <= now) {
    // botocore's words differ: an sso-session's provider failed to renew; a legacy token is just old.
    return done(Lookup::failed(config.session.empty() ? kExpired : "Error when retrieving token from sso: Token has expired and refresh failed"));
  }
  if (!call) return done(Lookup::failed("SSO needs the SSO portal, which is not available here"));
  SsoRoleCall request{config.region, config.role_name, config.account_id, token.access_token.reveal()};
  call(request, [done](Result<Json> r) {
    if (!r) {
      // The portal refuses a token it no longer honours (UnauthorizedException): botocore's words.
      if (r.error().message.find("(UnauthorizedException)") != std::string::npos) return done(Lookup::failed(kExpired));
      return done(Lookup::failed(r.error().message));
    }
    const auto& rc = (*r).contains("roleCredentials") ? (*r)["roleCredentials"] : Json::object();
    Credentials c;
    c.access_key_id = rc.value("accessKeyId", "");
    c.secret_access_key = Secret(rc.value("secretAccessKey", ""));
    c.session_token = Secret(rc.value("sessionToken", ""));
    if (rc.contains("expiration") && rc["expiration"].is_number()) {
      // Milliseconds since the epoch.
      c.expiration = Timestamp{std::chrono::milliseconds{rc["expiration"].get<long long>()}};
    }
    if (c.access_key_id.empty() || c.secret_access_key.empty()) return done(Lookup::failed("the SSO portal answered without credentials"));
    c.source = "SSO";
    done(Lookup::found(std::move(c)));
  });
}

class SsoSource final : public Source {
 public:
  SsoSource(SsoConfig config, SsoGetRoleCredentials call, SsoCreateToken renew, std::filesystem::path cache_dir,
            std::function<Timestamp()> now, std::string profile)
      : config_(std::move(config)), call_(std::move(call)), renew_(std::move(renew)), cache_dir_(std::move(cache_dir)),
        now_(std::move(now)), profile_(std::move(profile)) {}
  std::string describe() const override { return "SSO role " + config_.role_name + " of profile " + profile_; }
  void load(std::function<void(Lookup)> done) override {
    const std::string name = config_.session.empty() ? config_.start_url : config_.session;
    auto token = load_sso_token(cache_dir_, name, config_.start_url);
    if (!token) return done(Lookup::failed(token.error().message));
    const Timestamp now = now_();
    std::optional<SsoTokenCall> renewal;
    if (!config_.session.empty() && token->expires - now < kSsoRefreshWindow && renew_) {
      renewal = sso_refresh_call(*token, config_.region, now);
    }
    if (!renewal) return role_credentials(config_, call_, *token, now, done);
    // The answer may come on the I/O thread: it carries copies, not this source.
    renew_(*renewal, [config = config_, call = call_, dir = cache_dir_, now_fn = now_, old = std::move(*token), name,
                      done](SsoTokenAnswer answer) {
      const Timestamp at = now_fn();
      if (!answer.output) {
        // A refusal leaves the old token to serve while it lasts; no answer at all is the error.
        if (!answer.refused) return done(Lookup::failed(answer.error));
        return role_credentials(config, call, old, at, done);
      }
      auto renewed = sso_renewed_token(old, *answer.output, config.start_url, config.region, at);
      if (!renewed) return done(Lookup::failed(renewed.error().message));
      // Where the aws CLI looks next; failing to write loses only that (this call has its token).
      write_cache_file(dir, sso_token_key(name), renewed->cached);
      role_credentials(config, call, *renewed, at, done);
    });
  }

 private:
  SsoConfig config_;
  SsoGetRoleCredentials call_;
  SsoCreateToken renew_;
  std::filesystem::path cache_dir_;
  std::function<Timestamp()> now_;
  std::string profile_;
};

std::string get(const config::Section& s, const std::string& k) {
  const auto it = s.find(k);
  return it == s.end() ? std::string() : it->second;
}

}  // namespace

std::optional<std::unique_ptr<Source>> sso_source(const ChainInputs& in, const std::string& profile, const config::Section& section) {
  if (!section.count("sso_role_name") && !section.count("sso_account_id")) return std::nullopt;
  const std::string where = "SSO profile " + profile;
  config::Section resolved = section;
  std::vector<std::string> required{"sso_role_name", "sso_account_id", "sso_start_url", "sso_region"};
  if (const auto it = section.find("sso_session"); it != section.end()) {
    const auto s = in.config->sso_sessions.find(it->second);
    if (s == in.config->sso_sessions.end()) {
      return failing_source(where, "The specified sso-session does not exist: \"" + it->second + "\"");
    }
    for (const auto& [k, v] : s->second) {
      if (const auto own = section.find(k); own != section.end() && own->second != v) {
        return failing_source(where, "The value for " + k + " is inconsistent between profile (" + own->second +
                                                      ") and sso-session (" + v + ").");
      }
      resolved[k] = v;
    }
    required.push_back("sso_session");
  }
  std::string missing;
  for (const auto& k : required) {
    if (!resolved.count(k)) missing += (missing.empty() ? "" : ", ") + k;
  }
  if (!missing.empty()) {
    return failing_source(where, "The profile \"" + profile + "\" is configured to use SSO but is missing required configuration: " + missing);
  }
  const std::filesystem::path cache = aws_home_dir(in.env) / "sso" / "cache";
  SsoConfig c{get(resolved, "sso_start_url"), get(resolved, "sso_region"), get(resolved, "sso_account_id"),
              get(resolved, "sso_role_name"), get(resolved, "sso_session")};
  return std::make_unique<SsoSource>(std::move(c), in.sso_get_role_credentials, in.sso_create_token, cache, in.now, profile);
}

}  // namespace drc::aws::credentials
