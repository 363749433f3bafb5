#include "cli/debug_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "util/xdg.hpp"

namespace drc::cli {

namespace {

DebugSink sink_of(std::shared_ptr<spdlog::logger> log) {
  log->set_level(spdlog::level::debug);
  log->set_pattern("%Y-%m-%d %H:%M:%S,%e drconsole %l: %v");
  log->flush_on(spdlog::level::debug);
  return [log](const std::string& line) { log->debug(line); };
}

}  // namespace

bool debug_wanted(bool flag) {
  const char* level = std::getenv("DRC_LOG");
  return flag || (level && std::string_view(level) == "debug");
}

DebugSink stderr_debug_log() {
  auto log = spdlog::get("drconsole-stderr");
  if (!log) log = spdlog::stderr_logger_mt("drconsole-stderr");
  return sink_of(log);
}

Result<DebugSink> file_debug_log() {
  auto dir = state_dir();
  if (!dir) return dir.error();
  if (auto made = make_private_dir(*dir); !made) return made.error();
  const auto path = *dir / "drconsole.log";
  // Made here first, so it is private whatever the umask; spdlog then appends to it.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return make_error("cannot open " + path.string() + ": " + std::strerror(errno));
  ::close(fd);
  auto log = spdlog::get("drconsole-file");
  if (!log) {
    try {
      log = spdlog::basic_logger_mt("drconsole-file", path.string());
    } catch (const spdlog::spdlog_ex& e) {
      return make_error("cannot open " + path.string() + ": " + e.what());
    }
  }
  return sink_of(log);
}

}  // namespace drc::cli
