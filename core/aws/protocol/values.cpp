#include "aws/protocol/values.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace drc::aws::protocol {

using namespace std::chrono;

namespace {

constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

std::optional<AwsTime> make_time(int y, int mo, int d, int h, int mi, int s, long micros, long offset_seconds) {
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  return AwsTime{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{s} + microseconds{micros} - seconds{offset_seconds};
}

std::optional<AwsTime> parse_epoch(std::string_view s) {
  double v = 0;
  const auto* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || p != end || !std::isfinite(v) || std::fabs(v) > 1e13) return std::nullopt;
  return AwsTime{microseconds{static_cast<std::int64_t>(std::llround(v * 1e6))}};
}

std::optional<AwsTime> parse_iso(std::string_view s) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  std::size_t pos = 0;
  const bool dashed = s.size() >= 10 && s[4] == '-';
  if (!digits(s, 0, 4, y)) return std::nullopt;
  if (dashed) {
    if (!digits(s, 5, 2, mo) || s[7] != '-' || !digits(s, 8, 2, d)) return std::nullopt;
    pos = 10;
  } else {
    if (!digits(s, 4, 2, mo) || !digits(s, 6, 2, d)) return std::nullopt;
    pos = 8;
  }
  long micros = 0, offset = 0;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
    ++pos;
    if (!digits(s, pos, 2, h)) return std::nullopt;
    pos += 2;
    if (pos < s.size() && s[pos] == ':') ++pos;
    if (!digits(s, pos, 2, mi)) return std::nullopt;
    pos += 2;
    if (pos < s.size() && (s[pos] == ':' || (s[pos] >= '0' && s[pos] <= '9'))) {
      if (s[pos] == ':') ++pos;
      if (!digits(s, pos, 2, sec)) return std::nullopt;
      pos += 2;
      if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        long scale = 100000;
        std::size_t n = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
          if (n++ < 6) {
            micros += (s[pos] - '0') * scale;
            scale /= 10;
          }
          ++pos;
        }
        if (n == 0) return std::nullopt;
      }
    }
  }
  if (pos < s.size()) {
    if (s[pos] == 'Z' || s[pos] == 'z') {
      ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
      const int sign = s[pos] == '-' ? -1 : 1;
      int oh = 0, om = 0;
      ++pos;
      if (!digits(s, pos, 2, oh)) return std::nullopt;
      pos += 2;
      if (pos < s.size() && s[pos] == ':') ++pos;
      if (pos < s.size() && !digits(s, pos, 2, om)) return std::nullopt;
      if (pos < s.size()) pos += 2;
      offset = sign * (oh * 3600L + om * 60L);
    }
  }
  if (pos != s.size()) return std::nullopt;
  return make_time(y, mo, d, h, mi, sec, micros, offset);
}

// "Tue, 29 Apr 2014 18:30:38 GMT"
std::optional<AwsTime> parse_rfc822(std::string_view s) {
  char wd[4] = {}, mon[4] = {}, zone[8] = {};
  int d = 0, y = 0, h = 0, mi = 0, sec = 0;
  const std::string copy(s);
  if (std::sscanf(copy.c_str(), "%3[A-Za-z], %d %3s %d %d:%d:%d %7s", wd, &d, mon, &y, &h, &mi, &sec, zone) != 8) {
    return std::nullopt;
  }
  if (std::strcmp(zone, "GMT") != 0 && std::strcmp(zone, "UTC") != 0 && std::strcmp(zone, "Z") != 0) return std::nullopt;
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (std::strcmp(mon, kMonths[m]) == 0) return make_time(y, static_cast<int>(m) + 1, d, h, mi, sec, 0, 0);
  }
  return std::nullopt;
}

}  // namespace

std::optional<AwsTime> parse_timestamp_text(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (auto t = parse_epoch(text)) return t;
  if (auto t = parse_iso(text)) return t;
  return parse_rfc822(text);
}

std::optional<AwsTime> parse_timestamp(const nlohmann::ordered_json& value) {
  if (value.is_number()) return parse_epoch(value.dump());
  if (value.is_string()) return parse_timestamp_text(value.get_ref<const std::string&>());
  return std::nullopt;
}

std::string format_iso8601(AwsTime t) {
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[64];
  const auto micros = hms.subseconds().count();
  if (micros > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%06ldZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()), static_cast<long>(micros));
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  }
  return buf;
}

std::string format_rfc822(AwsTime t) {
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const weekday wd{day};
  const hh_mm_ss hms{floor<seconds>(t) - day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02d:%02d:%02d GMT", kDays[wd.c_encoding()],
                static_cast<unsigned>(ymd.day()), kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::int64_t unix_seconds(AwsTime t) { return floor<seconds>(t).time_since_epoch().count(); }

std::string python_float(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  // The shortest digits that read back as v, then laid out as repr() does: plain between 1e-4 and 1e16,
  // scientific outside, and always with a decimal point or an exponent.
  char sci[64];
  auto [end, ec] = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific);
  if (ec != std::errc()) return "0.0";
  std::string s(sci, end);
  const auto e_pos = s.find('e');
  const int exp = std::stoi(s.substr(e_pos + 1));
  std::string mantissa = s.substr(0, e_pos);
  const bool negative = mantissa.front() == '-';
  if (negative) mantissa.erase(0, 1);
  std::string digits_only;
  for (char c : mantissa) {
    if (c != '.') digits_only += c;
  }
  std::string out = negative ? "-" : "";
  if (exp >= -4 && exp < 16) {
    if (exp < 0) {
      out += "0." + std::string(static_cast<std::size_t>(-exp - 1), '0') + digits_only;
    } else if (static_cast<int>(digits_only.size()) <= exp + 1) {
      out += digits_only + std::string(static_cast<std::size_t>(exp + 1) - digits_only.size(), '0') + ".0";
    } else {
      out += digits_only.substr(0, static_cast<std::size_t>(exp) + 1) + "." + digits_only.substr(static_cast<std::size_t>(exp) + 1);
    }
    return out;
  }
  out += digits_only.substr(0, 1);
  if (digits_only.size() > 1) out += "." + digits_only.substr(1);
  char e[16];
  std::snprintf(e, sizeof e, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  return out + e;
}

std::string base64_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const auto n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                   static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i + 1 == bytes.size()) {
    const auto n = static_cast<unsigned char>(bytes[i]) << 16;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const auto n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  std::size_t padding = 0;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == ' ') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding) return std::nullopt;  // data after padding
    const int v = value(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  if (padding > 2) return std::nullopt;
  return out;
}

}  // namespace drc::aws::protocol
