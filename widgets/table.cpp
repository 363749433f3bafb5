#include "table.hpp"

#include <algorithm>

namespace drc::ui {

namespace {

// Each column's width; -1 for a column left out at this width.
std::vector<int> column_widths(const TableModel& m, int total) {
  std::vector<int> w;
  int fixed = 0, flex = 0, shown = 0;
  for (const auto& c : m.columns) {
    if (!column_shown(c, total)) {
      w.push_back(-1);
      continue;
    }
    w.push_back(c.width);
    fixed += c.width;
    flex += c.width == 0;
    ++shown;
  }
  const int gaps = std::max(0, shown - 1);
  const int left = std::max(0, total - fixed - gaps);
  for (auto& x : w) {
    if (x == 0) x = flex ? left / flex : 0;
  }
  return w;
}

void draw_row(Canvas& canvas, int x, int y, const std::vector<int>& widths, const TableModel& m,
              const std::vector<std::string>& cells, Role role) {
  for (std::size_t c = 0; c < widths.size(); ++c) {
    if (widths[c] < 0) continue;
    const auto text = ellipsize(c < cells.size() ? cells[c] : std::string(), widths[c]);
    const int pad = m.columns[c].right_align ? widths[c] - display_width(text) : 0;
    canvas.text(x + pad, y, text, role, widths[c]);
    x += widths[c] + 1;
  }
}

}  // namespace

bool column_shown(const TableColumn& column, int table_width) { return table_width >= column.min_table_width; }

void draw_table(Canvas& canvas, Rect area, const TableModel& m) {
  if (area.empty()) return;
  canvas.fill(area, Role::Normal);
  const auto widths = column_widths(m, area.w);
  std::vector<std::string> header;
  for (std::size_t c = 0; c < m.columns.size(); ++c) {
    header.push_back(m.columns[c].title);
    if (static_cast<int>(c) != m.sort_column || widths[c] < 1) continue;
    // The marker always shows: closer to the title, then in place of its end, when the column is narrow.
    const std::string mark = m.ascending ? "▲" : "▼";
    const int room = widths[c] - display_width(m.columns[c].title);
    header.back() = room >= 2   ? m.columns[c].title + " " + mark
                    : room == 1 ? m.columns[c].title + mark
                                : ellipsize(m.columns[c].title, widths[c] - 1) + mark;
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
    if (selected) role = m.focused ? Role::Selected : Role::Accent;
    const int y = area.y + 1 + r;
    if (role != Role::Normal) canvas.fill({area.x, y, area.w, 1}, role);
    if (row.span) {
      canvas.text(area.x, y, ellipsize(row.cells.empty() ? std::string() : row.cells[0], area.w), role);
    } else {
      draw_row(canvas, area.x, y, widths, m, row.cells, role);
    }
  }
}

}  // namespace drc::ui
