#include "modal.hpp"

#include <algorithm>

namespace drc::ui {

Rect draw_modal(Canvas& canvas, int w, int h, std::string_view title, std::string_view hint) {
  w = std::min(w, canvas.width() - 2);
  h = std::min(h, canvas.height() - 2);
  if (w < 6 || h < 3) return {};
  const Rect r{(canvas.width() - w) / 2, (canvas.height() - h) / 2, w, h};
  canvas.fill(r, Role::Normal);
  canvas.frame(r, Role::Accent, title);
  if (!hint.empty() && w > 6) {
    const auto shown = ellipsize(hint, w - 6);
    const int x = r.right() - 3 - display_width(shown);
    canvas.text(x - 1, r.bottom() - 1, " ", Role::Accent);
    canvas.text(x, r.bottom() - 1, shown, Role::Dim);
    canvas.text(x + display_width(shown), r.bottom() - 1, " ", Role::Accent);
  }
  return {r.x + 2, r.y + 1, r.w - 4, r.h - 2};
}

}  // namespace drc::ui
