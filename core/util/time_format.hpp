#pragma once
// Timestamps and durations as people and the journal read them.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace drc {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

// "2026-11-23T18:46:40.123Z": the journal's form.
std::string format_iso8601(Timestamp t);
std::optional<Timestamp> parse_iso8601(std::string_view s);
// "18:46:40" / "2026-11-23 18:46 UTC": for people.
std::string format_clock_utc(Timestamp t);
std::string format_datetime_utc(Timestamp t);

// "1:05:09", "-0:03:12" past zero: the countdown form.
std::string format_hms(std::chrono::seconds d);
// "45s", "30m", "1h30m", "2d4h": compact, as runbooks write them.
std::string format_compact(std::chrono::seconds d);
// A timeout or a short wait: "350ms" under a second, "2.5s" for a fraction, else as format_compact.
std::string format_duration_ms(std::chrono::milliseconds d);
// An age at a glance: the two most significant units, "4m12s", "3h", "5h50m", "2d", "1d20h".
std::string format_age(std::chrono::seconds d);

}  // namespace drc
