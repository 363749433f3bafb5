#pragma once
// Durations as runbooks write them: "45s", "30m", "1h30m", "30 minutes", "1-2 hours", "< 1 hour", "~20 min".

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace drc::runbook {

struct DurationRange {
  std::chrono::seconds min{};
  std::chrono::seconds max{};
  friend bool operator==(const DurationRange&, const DurationRange&) = default;
};

// The whole text must be one duration ("1h30m", "30 minutes"); anything else is nullopt.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// A duration or range at the start of prose: "30-60 minutes (depending on size)" gives 30m..60m,
// "< 1 hour" gives 0..1h, "N/A" or "varies" gives nullopt.
std::optional<DurationRange> parse_duration_range(std::string_view text);

// "5m", or "15m-20m" for a range: how estimates are shown everywhere.
std::string format_range(const DurationRange& r);
std::string format_range(const std::optional<DurationRange>& r);  // "" when unknown

// A trailing "(5 minutes)" or "(~10 min)" on a title: the range, and where the parenthesis starts.
struct TrailingEstimate {
  DurationRange range;
  std::size_t paren_pos;
};
std::optional<TrailingEstimate> find_trailing_estimate(std::string_view title);

}  // namespace drc::runbook
