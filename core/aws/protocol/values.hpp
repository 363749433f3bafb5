#pragma once
// How scalar values are written on the wire, exactly as botocore writes them: timestamps in the
// protocol's formats, floats as Python prints them, blobs as base64.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace drc::aws::protocol {

// AWS timestamps carry microseconds (botocore keeps them; the CLI prints them).
using AwsTime = std::chrono::sys_time<std::chrono::microseconds>;

// A timestamp given by a caller: epoch seconds (a number, or a string of one), ISO 8601 (a date alone,
// or with a time, 'T' or a space between, fractions, Z or an offset; no zone is UTC), or RFC 822.
std::optional<AwsTime> parse_timestamp(const nlohmann::ordered_json& value);
std::optional<AwsTime> parse_timestamp_text(std::string_view text);

// "2026-11-23T21:19:00Z", or with ".123456" when there are microseconds.
std::string format_iso8601(AwsTime t);
// "Mon, 23 Nov 2026 21:19:00 GMT"
std::string format_rfc822(AwsTime t);
// Whole seconds since the epoch.
std::int64_t unix_seconds(AwsTime t);

// A double as Python's repr() prints it ("5.0", "1e-05", "1e+16", "inf" → "Infinity" for the wire).
std::string python_float(double v);

std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace drc::aws::protocol
