#include "log_view.hpp"

#include <algorithm>

namespace drc::ui {

void draw_log(Canvas& canvas, Rect area, const LogModel& m) {
  if (area.empty()) return;
  canvas.fill(area, Role::Normal);
  const int count = static_cast<int>(m.lines.size());
  const int back = std::clamp(m.scroll_back, 0, std::max(0, count - area.h));
  const int last = count - 1 - back;
  const int first = std::max(0, last - area.h + 1);
  for (int i = first, y = area.y; i <= last; ++i, ++y) {
    const auto& l = m.lines[static_cast<std::size_t>(i)];
    int x = area.x;
    if (!l.time.empty()) {
      x += canvas.text(x, y, l.time, Role::Dim, area.w);
      x += canvas.text(x, y, " ", Role::Normal);
    }
    canvas.text(x, y, ellipsize(l.text, area.right() - x), l.role);
  }
  if (back > 0 && area.w > 12) canvas.text(area.right() - 11, area.y, " ↑ more ↑ ", Role::Dim);
}

}  // namespace drc::ui
