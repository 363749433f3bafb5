#include "aws/credentials/cache_file.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "aws/protocol/values.hpp"
#include "util/path_expand.hpp"

namespace drc::aws::credentials {

using Json = nlohmann::ordered_json;

std::filesystem::path aws_home_dir(const config::Env& env) {
  const auto home = env("HOME");
  return std::filesystem::path(home ? (home->empty() ? "/" : *home) : expand_user("~")) / ".aws";
}

std::optional<Json> read_cache_file(const std::filesystem::path& dir, const std::string& key) {
  std::ifstream in(dir / (key + ".json"));
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  try {
    auto j = Json::parse(text.str());
    if (!j.is_object()) return std::nullopt;
    return j;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool write_cache_file(const std::filesystem::path& dir, const std::string& key, const Json& value) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::string temp = (dir / (key + ".XXXXXX.tmp")).string();
  const int fd = ::mkstemps(temp.data(), 4);  // mode 0600, as Python's mkstemp
  if (fd < 0) return false;
  const std::string body = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  bool ok = ::write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size()) && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(temp.c_str(), (dir / (key + ".json")).c_str()) != 0) {
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

std::optional<Timestamp> cache_time(std::string text) {
  if (text.size() > 3 && text.compare(text.size() - 3, 3, "UTC") == 0) text.replace(text.size() - 3, 3, "Z");
  const auto t = protocol::parse_timestamp_text(text);
  if (!t) return std::nullopt;
  return std::chrono::floor<std::chrono::milliseconds>(*t);
}

std::string cache_time_text(Timestamp t, std::string_view zone) {
  const std::time_t secs = static_cast<std::time_t>(std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count());
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return std::string(buf).append(zone);
}

}  // namespace drc::aws::credentials
