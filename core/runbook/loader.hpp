#pragma once
// Reading a runbook file: the checks a file must pass to be read at all, then the Markdown reading itself.

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "runbook/runbook.hpp"
#include "util/result.hpp"

namespace drc::runbook {

// Runbooks are documents people read; anything larger is not one, and is refused before parsing.
inline constexpr std::uintmax_t kMaxRunbookBytes = 4u * 1024u * 1024u;

// Fails (one clear sentence) for a file that cannot be a runbook: missing, unreadable, a directory, empty,
// binary, not UTF-8, too large. Otherwise the runbook, with its problems listed inside.
Result<Runbook> load_runbook(const std::filesystem::path& path);

// Parses runbook text that passed the file checks. Never fails: every problem is in the result.
Runbook parse_runbook(std::string_view text, std::string path);

}  // namespace drc::runbook
