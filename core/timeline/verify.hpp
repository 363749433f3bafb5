#pragma once
// `timeline verify`: the whole journal, line by line, against its hash chain.

#include <filesystem>
#include <optional>

#include "timeline/record.hpp"

namespace drc::timeline {

struct VerifyReport {
  std::size_t events = 0;
  std::optional<BadLine> bad;  // the first line that does not verify, a torn last line included
};

// Fails only when the file cannot be read at all.
Result<VerifyReport> verify_journal(const std::filesystem::path& path);

}  // namespace drc::timeline
