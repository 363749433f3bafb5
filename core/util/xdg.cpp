#include "util/xdg.hpp"

#include <sys/stat.h>

#include <cstdlib>

namespace drc {

namespace fs = std::filesystem;

namespace {

Result<fs::path> base(const char* var, const char* fallback_under_home) {
  // The spec says relative values are invalid and are to be ignored.
  if (const char* v = std::getenv(var); v != nullptr && v[0] == '/') return fs::path(v) / "drconsole";
  if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/') {
    return fs::path(home) / fallback_under_home / "drconsole";
  }
  return make_error(std::string("neither ") + var + " nor HOME is set to an absolute path; set one of them");
}

}  // namespace

Result<fs::path> state_dir() { return base("XDG_STATE_HOME", ".local/state"); }
Result<fs::path> config_dir() { return base("XDG_CONFIG_HOME", ".config"); }

Status make_private_dir(const fs::path& dir) {
  std::error_code ec;
  const bool existed = fs::is_directory(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) return make_error(dir.string() + ": cannot create: " + ec.message());
  if (!existed && ::chmod(dir.c_str(), 0700) != 0) return make_error(dir.string() + ": cannot make it private (0700)");
  return {};
}

}  // namespace drc
