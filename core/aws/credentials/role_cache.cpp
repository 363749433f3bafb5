#include "aws/credentials/role_cache.hpp"

#include <vector>

#include "aws/credentials/cache_file.hpp"
#include "aws/credentials/provider.hpp"
#include "util/sha256.hpp"

namespace drc::aws::credentials {

namespace {

using Json = nlohmann::ordered_json;

// A JSON string as Python's json.dumps writes it (ensure_ascii: every non-ASCII character as \uXXXX).
std::string python_json_string(const std::string& s) { return Json(s).dump(-1, ' ', true, Json::error_handler_t::replace); }

}  // namespace

std::string role_cache_key(const AssumeRoleParams& p) {
  // sort_keys order: DurationSeconds, ExternalId, RoleArn, RoleSessionName, SerialNumber.
  std::vector<std::string> fields;
  if (p.duration_seconds) fields.push_back("\"DurationSeconds\": " + std::to_string(*p.duration_seconds));
  if (!p.external_id.empty()) fields.push_back("\"ExternalId\": " + python_json_string(p.external_id));
  fields.push_back("\"RoleArn\": " + python_json_string(p.role_arn));
  if (!p.session_name.empty()) fields.push_back("\"RoleSessionName\": " + python_json_string(p.session_name));
  if (!p.mfa_serial.empty()) fields.push_back("\"SerialNumber\": " + python_json_string(p.mfa_serial));
  std::string args = "{";
  for (std::size_t i = 0; i < fields.size(); ++i) args += (i ? ", " : "") + fields[i];
  return sha1_hex(args + "}");
}

std::filesystem::path role_cache_dir(const config::Env& env) {
  return aws_home_dir(env) / "cli" / "cache";
}

std::optional<Credentials> read_cached_role(const std::filesystem::path& dir, const std::string& key, Timestamp now) {
  const auto j = read_cache_file(dir, key);
  if (!j || !j->contains("Credentials") || !(*j)["Credentials"].is_object()) return std::nullopt;
  auto creds = (*j)["Credentials"];
  const auto exp = creds.contains("Expiration") && creds["Expiration"].is_string() ? cache_time(creds["Expiration"].get<std::string>())
                                                                                     : std::nullopt;
  if (!exp || *exp - now < std::chrono::minutes(15)) return std::nullopt;
  creds.erase("Expiration");
  auto c = credentials_from_json(creds.dump(), "the role cache");
  if (!c) return std::nullopt;
  c->expiration = exp;
  return *c;
}

void write_cached_role(const std::filesystem::path& dir, const std::string& key, const Json& response) {
  if (!response.is_object() || !response.contains("Credentials") || !response["Credentials"].is_object()) return;
  Json out = response;  // the whole answer, as botocore keeps it
  if (auto& e = out["Credentials"]; e.contains("Expiration") && e["Expiration"].is_string()) {
    if (const auto t = cache_time(e["Expiration"].get<std::string>())) e["Expiration"] = cache_time_text(*t, "UTC");
  }
  write_cache_file(dir, key, out);  // failing to write only loses the cache
}

}  // namespace drc::aws::credentials
