#include "key_bar.hpp"

namespace drc::ui {

void draw_key_bar(Canvas& canvas, Rect area, const std::vector<KeyHint>& hints, std::string_view right_text) {
  if (area.empty()) return;
  canvas.fill({area.x, area.y, area.w, 1}, Role::Normal);
  const int right_w = display_width(right_text);
  const int limit = area.right() - (right_w ? right_w + 1 : 0);
  int x = area.x;
  for (const auto& h : hints) {
    const int need = display_width(h.key) + 1 + display_width(h.label) + 2;
    if (x + need > limit) break;
    x += canvas.text(x, area.y, h.key, Role::Key);
    x += canvas.text(x, area.y, " ", Role::Normal);
    x += canvas.text(x, area.y, h.label, Role::Dim);
    x += canvas.text(x, area.y, "  ", Role::Normal);
  }
  if (right_w && right_w < area.w) canvas.text(area.right() - right_w, area.y, right_text, Role::Dim);
}

}  // namespace drc::ui
