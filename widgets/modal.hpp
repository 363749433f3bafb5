#pragma once
// A box over the rest of the screen (help, a detail view): centred, cleared, framed and titled, with a
// hint line along its bottom edge. The caller draws the contents into the body it returns.

#include <string_view>

#include "canvas.hpp"

namespace drc::ui {

// At most w x h, shrunk to leave a column and a row of the screen showing on every side. Returns the
// body: inside the frame, a column of margin left and right. Empty when the canvas is too small.
Rect draw_modal(Canvas& canvas, int w, int h, std::string_view title, std::string_view hint = {});

}  // namespace drc::ui
