#include "aws/credentials/sso_token.hpp"

#include "aws/credentials/cache_file.hpp"
#include "util/sha256.hpp"

namespace drc::aws::credentials {

namespace {

using Json = nlohmann::ordered_json;

bool has_string(const Json& j, const char* key) { return j.contains(key) && j[key].is_string(); }
Json field(const Json& j, const char* key) { return j.contains(key) ? j[key] : Json(); }

}  // namespace

std::string sso_token_key(const std::string& name) { return sha1_hex(name); }

Result<SsoToken> load_sso_token(const std::filesystem::path& dir, const std::string& name, const std::string& start_url) {
  auto cached = read_cache_file(dir, sso_token_key(name));
  if (!cached) return make_error("Error loading SSO Token: Token for " + name + " does not exist");
  const auto expires = has_string(*cached, "expiresAt") ? cache_time((*cached)["expiresAt"].get<std::string>()) : std::nullopt;
  if (!has_string(*cached, "accessToken") || !expires) {
    return make_error("Error loading SSO Token: Token for " + start_url + " is invalid");
  }
  SsoToken t;
  t.access_token = Secret((*cached)["accessToken"].get<std::string>());
  t.expires = *expires;
  t.cached = std::move(*cached);
  return t;
}

std::optional<SsoTokenCall> sso_refresh_call(const SsoToken& token, const std::string& region, Timestamp now) {
  const auto& c = token.cached;
  for (const char* key : {"refreshToken", "clientId", "clientSecret", "registrationExpiresAt"}) {
    if (!has_string(c, key)) return std::nullopt;
  }
  const auto registration = cache_time(c["registrationExpiresAt"].get<std::string>());
  if (!registration || *registration <= now) return std::nullopt;
  return SsoTokenCall{region, c["clientId"].get<std::string>(), Secret(c["clientSecret"].get<std::string>()),
                      Secret(c["refreshToken"].get<std::string>())};
}

Result<SsoToken> sso_renewed_token(const SsoToken& old, const Json& response, const std::string& start_url, const std::string& region,
                                   Timestamp now) {
  if (!response.is_object() || !has_string(response, "accessToken") || !response.contains("expiresIn") ||
      !response["expiresIn"].is_number_integer()) {
    return make_error("Error when retrieving token from sso: the SSO OIDC service answered CreateToken without a token");
  }
  SsoToken t;
  t.access_token = Secret(response["accessToken"].get<std::string>());
  t.expires = now + std::chrono::seconds{response["expiresIn"].get<long long>()};
  // botocore's order and keys: what it writes is all that is kept (an answer without a new refresh token
  // leaves none: the old one is not carried over).
  t.cached = Json{{"startUrl", start_url},
                  {"region", region},
                  {"accessToken", t.access_token.reveal()},
                  {"expiresAt", cache_time_text(t.expires, "Z")},
                  {"clientId", field(old.cached, "clientId")},
                  {"clientSecret", field(old.cached, "clientSecret")},
                  {"registrationExpiresAt", field(old.cached, "registrationExpiresAt")}};
  if (response.contains("refreshToken")) t.cached["refreshToken"] = response["refreshToken"];
  return t;
}

}  // namespace drc::aws::credentials
