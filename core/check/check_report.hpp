#pragma once
// The result of a `drconsole check` run: each check's verdict with its reason and duration, grouped by
// type, as a person reads it (text) and as a script reads it (JSON); and where runs are kept.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/result.hpp"
#include "util/time_format.hpp"

namespace drc::check {

enum class CheckType { Backup, Snapshot, Pitr, Full };
std::string_view type_name(CheckType t);  // "backup"
std::optional<CheckType> parse_check_type(std::string_view s);

enum class Verdict { Pass, Warn, Fail, Skip };
std::string_view verdict_name(Verdict v);  // "PASS"

struct CheckResult {
  CheckType group = CheckType::Backup;  // the kind of check this line is (a full run holds several kinds)
  std::string name;
  Verdict status = Verdict::Skip;
  std::string detail;
  std::string resource;
  std::chrono::milliseconds duration{0};
};

struct Summary {
  int pass = 0, warn = 0, fail = 0, skip = 0;
};

struct CheckReport {
  std::string env;
  CheckType type = CheckType::Backup;
  Timestamp started{};
  std::chrono::milliseconds took{0};
  std::vector<CheckResult> checks;
  std::vector<std::string> writes;  // every change made, as "rds CreateDBSnapshot {…}"
  Summary summary() const;
  bool failed() const { return summary().fail > 0; }
};

nlohmann::json report_json(const CheckReport& r);
// Grouped by type, one line per check; colour only when asked (a terminal without NO_COLOR).
std::string report_text(const CheckReport& r, bool color);

// Saves report.json and report.txt under dir/TIMESTAMP/ (folders 0700, files 0600); returns that folder.
Result<std::filesystem::path> save_report(const CheckReport& r, const std::filesystem::path& dir);

}  // namespace drc::check
