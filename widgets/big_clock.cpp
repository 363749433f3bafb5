#include "big_clock.hpp"

#include <array>

namespace drc::ui {

namespace {

// Each glyph is three rows of three cells drawn with box-drawing pieces.
struct Glyph {
  std::array<std::string_view, 3> rows;
  int width;
};

const Glyph* glyph_for(char c) {
  static const std::array<Glyph, 10> kDigits{{
      {{"╭─╮", "│ │", "╰─╯"}, 3}, {{" ╶┐", "  │", "  ╵"}, 3}, {{"╶─╮", "╭─╯", "╰─╴"}, 3},
      {{"╶─╮", " ─┤", "╶─╯"}, 3}, {{"╷ ╷", "╰─┤", "  ╵"}, 3}, {{"╭─╴", "╰─╮", "╶─╯"}, 3},
      {{"╭─╴", "├─╮", "╰─╯"}, 3}, {{"╶─┐", "  │", "  ╵"}, 3}, {{"╭─╮", "├─┤", "╰─╯"}, 3},
      {{"╭─╮", "╰─┤", "╶─╯"}, 3},
  }};
  static const Glyph kColon{{" ", "∙", "∙"}, 1};
  static const Glyph kMinus{{"  ", "──", "  "}, 2};
  if (c >= '0' && c <= '9') return &kDigits[static_cast<std::size_t>(c - '0')];
  if (c == ':') return &kColon;
  if (c == '-') return &kMinus;
  return nullptr;
}

}  // namespace

int big_clock_width(std::string_view text) {
  int w = 0;
  for (char c : text) {
    if (const auto* g = glyph_for(c)) w += g->width + 1;
  }
  return w > 0 ? w - 1 : 0;
}

void draw_big_clock(Canvas& canvas, int x, int y, std::string_view text, Role role) {
  for (char c : text) {
    const auto* g = glyph_for(c);
    if (!g) continue;
    for (int r = 0; r < kBigClockHeight; ++r) canvas.text(x, y + r, g->rows[static_cast<std::size_t>(r)], role);
    x += g->width + 1;
  }
}

}  // namespace drc::ui
