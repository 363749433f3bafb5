#include "checklist.hpp"

#include <algorithm>

namespace drc::ui {

int draw_checklist(Canvas& canvas, Rect area, const ChecklistModel& model) {
  if (area.empty()) return 0;
  const int count = static_cast<int>(model.items.size());
  int first = 0;
  if (model.selected >= area.h) first = model.selected - area.h + 1;
  first = std::clamp(first, 0, std::max(0, count - area.h));
  for (int row = 0; row < area.h; ++row) {
    const int i = first + row;
    const int y = area.y + row;
    canvas.fill({area.x, y, area.w, 1}, Role::Normal);
    if (i >= count) continue;
    const auto& item = model.items[static_cast<std::size_t>(i)];
    const bool selected = i == model.selected;
    const Role base = selected ? (model.focused ? Role::Selected : Role::Accent) : Role::Normal;
    if (selected) canvas.fill({area.x, y, area.w, 1}, base);
    int x = area.x;
    x += canvas.text(x, y, " ", base);
    x += canvas.text(x, y, item.mark.empty() ? " " : item.mark, selected ? base : item.mark_role, 1);
    x += canvas.text(x, y, " ", base);
    const int right_w = display_width(item.right);
    const int label_w = std::max(0, area.right() - x - (right_w ? right_w + 2 : 0));
    canvas.text(x, y, ellipsize(item.label, label_w), selected ? base : item.label_role);
    if (right_w && right_w + 2 < area.w - 3) {
      canvas.text(area.right() - right_w - 1, y, item.right, selected ? base : item.right_role);
    }
  }
  return first;
}

}  // namespace drc::ui
