#pragma once
// Paragraphs word-wrapped into a rectangle; what does not fit is cut with "…" on the last line.

#include <string>
#include <string_view>
#include <vector>

#include "canvas.hpp"

namespace drc::ui {

// Wraps at spaces to `width` cells; a word longer than the width is broken. Keeps blank lines.
std::vector<std::string> wrap_text(std::string_view text, int width);

// Returns the rows used.
int draw_text_block(Canvas& canvas, Rect area, std::string_view text, Role role);

}  // namespace drc::ui
