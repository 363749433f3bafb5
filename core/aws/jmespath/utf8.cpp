#include "aws/jmespath/utf8.hpp"

namespace drc::aws::jmespath::detail {

namespace {

// Length of the sequence a lead byte starts, or 0 when it cannot start one.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t n = sequence_length(lead);
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if (!is_continuation(static_cast<unsigned char>(s[i + k]))) return false;
    }
    const auto second = static_cast<unsigned char>(n > 1 ? s[i + 1] : 0);
    if (lead == 0xE0 && second < 0xA0) return false;  // overlong
    if (lead == 0xED && second > 0x9F) return false;  // surrogate
    if (lead == 0xF0 && second < 0x90) return false;  // overlong
    if (lead == 0xF4 && second > 0x8F) return false;  // above U+10FFFF
    i += n;
  }
  return true;
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const std::size_t n = sequence_length(lead);
  if (n <= 1 || i + n > s.size()) {
    ++i;
    return lead;
  }
  char32_t cp = lead & (0xFF >> (n + 1));
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if (!is_continuation(c)) {
      ++i;
      return lead;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += n;
  return cp;
}

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    next_code_point(s, i);
    ++n;
  }
  return n;
}

std::string reverse_code_points(std::string_view s) {
  std::string out(s.size(), '\0');
  std::size_t write = s.size();
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    next_code_point(s, i);
    write -= i - start;
    out.replace(write, i - start, s.substr(start, i - start));
  }
  return out;
}

bool is_python_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

std::string_view lstrip_python_space(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t next = i;
    if (!is_python_space(next_code_point(s, next))) break;
    i = next;
  }
  return s.substr(i);
}

std::string_view strip_python_space(std::string_view s) {
  s = lstrip_python_space(s);
  // Walk forward remembering where the last non-space ended: UTF-8 is awkward to scan backwards.
  std::size_t end = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (!is_python_space(next_code_point(s, i))) end = i;
  }
  return s.substr(0, end);
}

}  // namespace drc::aws::jmespath::detail
