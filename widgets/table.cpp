#include "table.hpp"

#include <algorithm>

namespace drc::ui {

namespace {

std::vector<int> column_widths(const TableModel& m, int total) {
  std::vector<int> w;
  int fixed = 0, flex = 0;
  for (const auto& c : m.columns) {
    w.push_back(c.width);
    fixed += c.width;
    flex += c.width == 0;
  }
  const int gaps = std::max(0, static_cast<int>(m.columns.size()) - 1);
  const int left = std::max(0, total - fixed - gaps);
  for (auto& x : w) {
    if (x == 0) x = flex ? left / flex : 0;
  }
  return w;
}

void draw_row(Canvas& canvas, int x, int y, const std::vector<int>& widths, const TableModel& m,
              const std::vector<std::string>& cells, Role role) {
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const auto text = ellipsize(c < cells.size() ? cells[c] : std::string(), widths[c]);
    const int pad = m.columns[c].right_align ? widths[c] - display_width(text) : 0;
    canvas.text(x + pad, y, text, role, widths[c]);
    x += widths[c] + 1;
  }
}

}  // namespace

void draw_table(Canvas& canvas, Rect area, const TableModel& m) {
  if (area.empty()) return;
  canvas.fill(area, Role::Normal);
  const auto widths = column_widths(m, area.w);
  std::vector<std::string> header;
  for (std::size_t c = 0; c < m.columns.size(); ++c) {
    header.push_back(m.columns[c].title +
                     (static_cast<int>(c) == m.sort_column ? (m.ascending ? " ▲" : " ▼") : ""));
  }
  draw_row(canvas, area.x, area.y, widths, m, header, Role::Title);
  const int body_h = area.h - 1;
  const int count = static_cast<int>(m.rows.size());
  if (count == 0 && body_h > 0) {
    canvas.text(area.x, area.y + 1, ellipsize(m.empty_text, area.w), Role::Dim);
    return;
  }
  int first = 0;
  if (m.selected >= body_h) first = m.selected - body_h + 1;
  first = std::clamp(first, 0, std::max(0, count - body_h));
  for (int r = 0; r < body_h && first + r < count; ++r) {
    const auto& row = m.rows[static_cast<std::size_t>(first + r)];
    const bool selected = first + r == m.selected;
    Role role = row.role;
    if (selected) {
      role = m.focused ? Role::Selected : Role::Accent;
      canvas.fill({area.x, area.y + 1 + r, area.w, 1}, role);
    }
    draw_row(canvas, area.x, area.y + 1 + r, widths, m, row.cells, role);
  }
}

}  // namespace drc::ui
