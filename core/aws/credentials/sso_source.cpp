#include "aws/credentials/sso_source.hpp"

#include <fstream>
#include <sstream>
#include <vector>

#include "aws/credentials/role_cache.hpp"
#include "util/path_expand.hpp"
#include "util/sha256.hpp"

namespace drc::aws::credentials {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kExpired =
    "The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run "
    "aws sso login with the corresponding profile.";

struct SsoConfig {
  std::string start_url, region, account_id, role_name, session;  // session: the sso-session's name, if any
};

class SsoSource final : public Source {
 public:
  SsoSource(SsoConfig config, SsoGetRoleCredentials call, std::filesystem::path cache_dir, std::function<Timestamp()> now,
            std::string profile)
      : config_(std::move(config)), call_(std::move(call)), cache_dir_(std::move(cache_dir)), now_(std::move(now)),
        profile_(std::move(profile)) {}
  std::string describe() const override { return "SSO role " + config_.role_name + " of profile " + profile_; }
  void load(std::function<void(Lookup)> done) override {
    // The token `aws sso login` cached, named by the SHA-1 of the session's name (or of the start URL).
    const std::string name = config_.session.empty() ? config_.start_url : config_.session;
    std::ifstream in(cache_dir_ / (sha1_hex(name) + ".json"));
    Json token;
    if (in) {
      std::ostringstream text;
      text << in.rdbuf();
      try {
        token = Json::parse(text.str());
      } catch (const std::exception&) {
        token = nullptr;
      }
    }
    if (!in || !token.is_object()) return done(Lookup::failed("Error loading SSO Token: Token for " + name + " does not exist"));
    if (!token.contains("accessToken") || !token.contains("expiresAt") || !token["accessToken"].is_string() ||
        !token["expiresAt"].is_string()) {
      return done(Lookup::failed("Error loading SSO Token: Token for " + config_.start_url + " is invalid"));
    }
    const auto expires = cache_time(token["expiresAt"].get<std::string>());
    if (!expires || *expires <= now_()) {
      // botocore refreshes an sso-session's token with its refresh token; drconsole does not (yet).
      return done(Lookup::failed(config_.session.empty() ? kExpired
                                                          : "Error when retrieving token from sso: Token has expired and refresh failed"));
    }
    if (!call_) return done(Lookup::failed("SSO needs the SSO portal, which is not available here"));
    SsoRoleCall call{config_.region, config_.role_name, config_.account_id, token["accessToken"].get<std::string>()};
    call_(call, [done](Result<Json> r) {
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

 private:
  SsoConfig config_;
  SsoGetRoleCredentials call_;
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
  const auto home = in.env("HOME");
  const std::filesystem::path cache = std::filesystem::path(home ? (home->empty() ? "/" : *home) : expand_user("~")) / ".aws" / "sso" / "cache";
  SsoConfig c{get(resolved, "sso_start_url"), get(resolved, "sso_region"), get(resolved, "sso_account_id"),
              get(resolved, "sso_role_name"), get(resolved, "sso_session")};
  return std::make_unique<SsoSource>(std::move(c), in.sso_get_role_credentials, cache, in.now, profile);
}

}  // namespace drc::aws::credentials
