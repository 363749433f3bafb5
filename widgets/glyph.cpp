#include "glyph.hpp"

#include <cwchar>

namespace drc::ui {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::string_view kSpace = " ";
constexpr char32_t kBad = 0xFFFFFFFF;

// Decodes one code point at i (advancing i); kBad for a malformed or overlong sequence, consuming one byte.
char32_t decode(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t n = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 && b0 < 0xE0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) {
    ++i;
    return kBad;
  }
  char32_t cp = b0 & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kBad;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  const char32_t min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kBad;
  }
  i += n;
  return cp;
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0); }

// Columns for a code point: wcwidth's answer, except that a code point the locale cannot judge (a C
// locale answers -1 for all of non-ASCII) is given one column rather than none.
int columns(char32_t cp) {
  const int w = ::wcwidth(static_cast<wchar_t>(cp));
  if (w < 0) return 1;
  return w > 2 ? 2 : w;
}

}  // namespace

Glyph next_glyph(std::string_view s, std::size_t& i) {
  const std::size_t start = i;
  const char32_t cp = decode(s, i);
  if (cp == kBad) return {kReplacement, 1};
  if (is_control(cp)) return {kSpace, 1};
  int w = columns(cp);
  if (w == 0) return {kSpace, 1};  // a mark with nothing to sit on
  std::size_t end = i;
  bool open = true;  // still adding marks to the bytes
  while (i < s.size()) {
    std::size_t j = i;
    const char32_t next = decode(s, j);
    if (next == kBad || is_control(next) || columns(next) != 0) break;
    if (next == 0xFE0F) open = false;
    i = j;
    if (open) end = j;
  }
  return {s.substr(start, end - start), w};
}

}  // namespace drc::ui
