#pragma once
// Text as the terminal lays it out: glyphs of 0, 1 or 2 columns. Widths come from wcwidth() under the
// process's locale, which is what curses uses to place characters, so the canvas and the screen agree on
// where every column lands (CJK and most emoji take two).

#include <string_view>

namespace drc::ui {

struct Glyph {
  std::string_view bytes;  // a base character and the zero-width marks that follow it
  int width = 1;           // 1 or 2 columns
};

// Calls fn(Glyph) for each glyph of utf8, in order. Control characters come out as a one-column space,
// malformed bytes as U+FFFD. Emoji-presentation selectors (U+FE0F) are dropped: terminals disagree on
// whether they widen the character before them, and a one-column ⚠ is better than a shifted row.
template <class Fn>
void for_each_glyph(std::string_view utf8, Fn&& fn);

// The next glyph of utf8 starting at byte i; sets i past it (and any marks it absorbed). Requires i < size.
Glyph next_glyph(std::string_view utf8, std::size_t& i);

template <class Fn>
void for_each_glyph(std::string_view utf8, Fn&& fn) {
  for (std::size_t i = 0; i < utf8.size();) fn(next_glyph(utf8, i));
}

}  // namespace drc::ui
