#include "aws/credentials/role_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "aws/credentials/provider.hpp"
#include "aws/protocol/values.hpp"
#include "util/path_expand.hpp"
#include "util/sha256.hpp"

namespace drc::aws::credentials {

namespace {

using Json = nlohmann::ordered_json;

// A JSON string as Python's json.dumps writes it (ensure_ascii: every non-ASCII character as \uXXXX).
std::string python_json_string(const std::string& s) { return Json(s).dump(-1, ' ', true, Json::error_handler_t::replace); }

}  // namespace

std::optional<Timestamp> cache_time(std::string text) {
  if (text.size() > 3 && text.compare(text.size() - 3, 3, "UTC") == 0) text.replace(text.size() - 3, 3, "Z");
  const auto t = protocol::parse_timestamp_text(text);
  if (!t) return std::nullopt;
  return std::chrono::floor<std::chrono::milliseconds>(*t);
}

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
  // os.path.expanduser: HOME when it is set (an empty one is the root), else the password database.
  const auto home = env("HOME");
  const std::string base = home ? (home->empty() ? "/" : *home) : expand_user("~");
  return std::filesystem::path(base) / ".aws" / "cli" / "cache";
}

std::optional<Credentials> read_cached_role(const std::filesystem::path& dir, const std::string& key, Timestamp now) {
  std::ifstream in(dir / (key + ".json"));
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  Json j;
  try {
    j = Json::parse(text.str());
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (!j.is_object() || !j.contains("Credentials") || !j["Credentials"].is_object()) return std::nullopt;
  auto creds = j["Credentials"];
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
    if (const auto t = cache_time(e["Expiration"].get<std::string>())) {
      const auto secs = std::chrono::floor<std::chrono::seconds>(*t).time_since_epoch().count();
      const std::time_t tt = static_cast<std::time_t>(secs);
      std::tm tm{};
      gmtime_r(&tt, &tm);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SUTC", &tm);
      e["Expiration"] = buf;
    }
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::string temp = (dir / (key + ".XXXXXX.tmp")).string();
  const int fd = ::mkstemps(temp.data(), 4);  // mode 0600, as Python's mkstemp
  if (fd < 0) return;
  const std::string body = out.dump(-1, ' ', false, Json::error_handler_t::replace);
  bool ok = ::write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size()) && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(temp.c_str(), (dir / (key + ".json")).c_str()) != 0) ::unlink(temp.c_str());
}

}  // namespace drc::aws::credentials
