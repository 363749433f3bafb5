#include "aws/jmespath/python_number.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "aws/jmespath/utf8.hpp"

namespace drc::aws::jmespath {

namespace {

using detail::is_python_space;
using detail::next_code_point;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// int() and float() skip ASCII whitespace and Unicode spaces, but not the ASCII separators \x1c-\x1f
// that str.isspace() also counts.
std::string_view strip_number_space(std::string_view s) {
  const auto is_space = [](char32_t c) { return is_python_space(c) && !(c >= 0x1C && c <= 0x1F); };
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t next = begin;
    if (!is_space(next_code_point(s, next))) break;
    begin = next;
  }
  std::size_t end = begin;
  for (std::size_t i = begin; i < s.size();) {
    if (!is_space(next_code_point(s, i))) end = i;
  }
  return s.substr(begin, end - begin);
}

// digit ('_'? digit)*, as PEP 515 allows in int() and float(); appends the digits without underscores.
bool read_digit_part(std::string_view s, std::size_t& i, std::string& digits) {
  if (i >= s.size() || !is_digit(s[i])) return false;
  digits += s[i++];
  while (i < s.size()) {
    if (is_digit(s[i])) {
      digits += s[i++];
    } else if (s[i] == '_' && i + 1 < s.size() && is_digit(s[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return true;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

std::optional<nlohmann::json> parse_int(std::string_view s) {
  std::size_t i = 0;
  const bool negative = i < s.size() && s[i] == '-';
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  std::string digits;
  if (!read_digit_part(s, i, digits) || i != s.size()) return std::nullopt;
  std::uint64_t magnitude = 0;
  bool overflow = false;
  for (char c : digits) {
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (magnitude > (std::numeric_limits<std::uint64_t>::max() - d) / 10) {
      overflow = true;
      break;
    }
    magnitude = magnitude * 10 + d;
  }
  if (!overflow) {
    constexpr auto kMaxInt = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (!negative) {
      if (magnitude <= kMaxInt) return nlohmann::json(static_cast<std::int64_t>(magnitude));
      return nlohmann::json(magnitude);
    }
    if (magnitude <= kMaxInt + 1) {
      return nlohmann::json(magnitude == kMaxInt + 1 ? std::numeric_limits<std::int64_t>::min()
                                                     : -static_cast<std::int64_t>(magnitude));
    }
  }
  // Python keeps such integers exact; the nearest double is the closest nlohmann can hold.
  double value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return nlohmann::json(negative ? -value : value);
}

std::optional<nlohmann::json> parse_float(std::string_view s) {
  std::size_t i = 0;
  const bool negative = i < s.size() && s[i] == '-';
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  const std::string_view body = s.substr(i);
  if (equals_ignoring_case(body, "inf") || equals_ignoring_case(body, "infinity")) {
    return nlohmann::json(negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity());
  }
  if (equals_ignoring_case(body, "nan")) return nlohmann::json(std::numeric_limits<double>::quiet_NaN());

  std::string text;  // the number without sign and underscores, for from_chars
  std::string int_digits;
  std::string frac_digits;
  const bool has_int = read_digit_part(s, i, int_digits);
  bool has_frac = false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    has_frac = read_digit_part(s, i, frac_digits);
  }
  if (!has_int && !has_frac) return std::nullopt;
  text = (int_digits.empty() ? "0" : int_digits) + "." + (frac_digits.empty() ? "0" : frac_digits);
  long exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    std::string exp_text;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) exp_text += s[i++];
    std::string exp_digits;
    if (!read_digit_part(s, i, exp_digits)) return std::nullopt;
    text += "e" + exp_text + exp_digits;
    exp_digits = exp_digits.substr(0, std::min<std::size_t>(exp_digits.size(), 9));
    exponent = std::stol(exp_digits) * (exp_text == "-" ? -1 : 1);
  }
  if (i != s.size()) return std::nullopt;

  double value = 0;
  const auto res = std::from_chars(text.data(), text.data() + text.size(), value);
  if (res.ec == std::errc::result_out_of_range) {
    // Out of double range: python rounds to infinity or to zero, depending on which end it fell off.
    const std::string all = int_digits + frac_digits;
    const std::size_t first = all.find_first_not_of('0');
    const long magnitude = first == std::string::npos ? -1 : static_cast<long>(int_digits.size()) - static_cast<long>(first) + exponent;
    value = magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  }
  return nlohmann::json(negative ? -value : value);
}

}  // namespace

std::optional<nlohmann::json> parse_python_number(std::string_view text) {
  const std::string_view s = strip_number_space(text);
  if (auto i = parse_int(s)) return i;
  return parse_float(s);
}

}  // namespace drc::aws::jmespath
