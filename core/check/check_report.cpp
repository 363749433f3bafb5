#include "check/check_report.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "util/xdg.hpp"

namespace drc::check {

using nlohmann::json;

std::string_view type_name(CheckType t) {
  switch (t) {
    case CheckType::Backup: return "backup";
    case CheckType::Snapshot: return "snapshot";
    case CheckType::Pitr: return "pitr";
    case CheckType::Full: return "full";
  }
  return "backup";
}

std::optional<CheckType> parse_check_type(std::string_view s) {
  for (auto t : {CheckType::Backup, CheckType::Snapshot, CheckType::Pitr, CheckType::Full}) {
    if (type_name(t) == s) return t;
  }
  return std::nullopt;
}

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "PASS";
    case Verdict::Warn: return "WARN";
    case Verdict::Fail: return "FAIL";
    case Verdict::Skip: return "SKIP";
  }
  return "SKIP";
}

Summary CheckReport::summary() const {
  Summary s;
  for (const auto& c : checks) {
    switch (c.status) {
      case Verdict::Pass: ++s.pass; break;
      case Verdict::Warn: ++s.warn; break;
      case Verdict::Fail: ++s.fail; break;
      case Verdict::Skip: ++s.skip; break;
    }
  }
  return s;
}

json report_json(const CheckReport& r) {
  json checks = json::array();
  for (const auto& c : r.checks) {
    checks.push_back({{"type", type_name(c.group)},
                      {"name", c.name},
                      {"status", verdict_name(c.status)},
                      {"detail", c.detail},
                      {"resource", c.resource},
                      {"duration_ms", c.duration.count()}});
  }
  const auto s = r.summary();
  return {{"env", r.env},
          {"type", type_name(r.type)},
          {"started", format_iso8601(r.started)},
          {"duration_ms", r.took.count()},
          {"checks", std::move(checks)},
          {"writes", r.writes},
          {"summary", {{"pass", s.pass}, {"warn", s.warn}, {"fail", s.fail}, {"skip", s.skip}}}};
}

namespace {

std::string paint(Verdict v, bool color) {
  const std::string word(verdict_name(v));
  if (!color) return word;
  const char* code = v == Verdict::Pass ? "32" : v == Verdict::Warn ? "33" : v == Verdict::Fail ? "1;31" : "2";
  return std::string("\x1b[") + code + "m" + word + "\x1b[0m";
}

std::string ms_text(std::chrono::milliseconds d) {
  if (d < std::chrono::seconds{10}) {
    const auto ms = d.count();
    return std::to_string(ms / 1000) + "." + std::to_string((ms % 1000) / 100) + "s";
  }
  return format_age(std::chrono::duration_cast<std::chrono::seconds>(d));
}

}  // namespace

std::string report_text(const CheckReport& r, bool color) {
  std::string out = "drconsole check: " + r.env + ", " + std::string(type_name(r.type)) + ", " +
                    format_datetime_utc(r.started) + "\n";
  for (auto group : {CheckType::Backup, CheckType::Pitr, CheckType::Snapshot, CheckType::Full}) {
    bool header = false;
    for (const auto& c : r.checks) {
      if (c.group != group) continue;
      if (!header) {
        out += "\n" + std::string(type_name(group)) + "\n";
        header = true;
      }
      const std::string name = c.resource.empty() ? c.name : c.resource + ": " + c.name;
      out += "  " + paint(c.status, color) + "  " + name + "  (" + ms_text(c.duration) + ")\n";
      if (!c.detail.empty()) out += "        " + c.detail + "\n";
    }
  }
  if (!r.writes.empty()) {
    out += "\nchanges made\n";
    for (const auto& w : r.writes) out += "  " + w + "\n";
  }
  const auto s = r.summary();
  out += "\n" + std::to_string(s.pass) + " passed, " + std::to_string(s.warn) + " warnings, " + std::to_string(s.fail) +
         " failed, " + std::to_string(s.skip) + " skipped in " + ms_text(r.took) + "\n";
  return out;
}

namespace {

Status write_private(const std::filesystem::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return make_error("cannot write " + path.string() + ": " + std::strerror(errno));
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      return make_error("cannot write " + path.string() + ": " + why);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) return make_error("cannot write " + path.string() + ": " + std::strerror(errno));
  return {};
}

}  // namespace

Result<std::filesystem::path> save_report(const CheckReport& r, const std::filesystem::path& dir) {
  // 20261124T013000Z-prod-backup: sorts by time, says what it was. The environment's name is the user's
  // text: only letters, digits, '-' and '_' reach the file system.
  std::string compact;
  for (char c : format_iso8601(r.started).substr(0, 19)) {
    if (c != '-' && c != ':') compact.push_back(c);
  }
  std::string env;
  for (char c : r.env) env.push_back(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_');
  const auto base = compact + "Z-" + env + "-" + std::string(type_name(r.type));
  if (auto made = make_private_dir(dir); !made) return made.error();
  // mkdir, not "create if missing": two runs in the same second each get a folder of their own.
  std::filesystem::path folder;
  for (int n = 1;; ++n) {
    folder = dir / (n == 1 ? base : base + "-" + std::to_string(n));
    if (::mkdir(folder.c_str(), 0700) == 0) break;
    if (errno != EEXIST || n > 1000) return make_error("cannot make " + folder.string() + ": " + std::strerror(errno));
  }
  if (auto w = write_private(folder / "report.json", report_json(r).dump(2) + "\n"); !w) return w.error();
  if (auto w = write_private(folder / "report.txt", report_text(r, false)); !w) return w.error();
  return folder;
}

}  // namespace drc::check
