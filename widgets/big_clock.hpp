#pragma once
// A countdown in large digits, three rows high, readable across a war room: "-0:05:12" included.

#include <string_view>

#include "canvas.hpp"

namespace drc::ui {

inline constexpr int kBigClockHeight = 3;

// Columns the text takes in big digits (digits, ':' and '-'; anything else is skipped).
int big_clock_width(std::string_view text);
void draw_big_clock(Canvas& canvas, int x, int y, std::string_view text, Role role);

}  // namespace drc::ui
