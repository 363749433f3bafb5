#include "table_view.hpp"

#include <algorithm>

namespace drc::ui {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

std::string sort_key(const TableRow& row, std::size_t column) {
  if (column < row.sort_keys.size() && !row.sort_keys[column].empty()) return row.sort_keys[column];
  return column < row.cells.size() ? lowered(row.cells[column]) : std::string();
}

}  // namespace

bool row_matches(const TableRow& row, std::string_view filter) {
  if (filter.empty()) return true;
  const auto needle = lowered(filter);
  return std::any_of(row.cells.begin(), row.cells.end(),
                     [&](const std::string& cell) { return lowered(cell).find(needle) != std::string::npos; });
}

std::vector<std::size_t> arrange(const std::vector<TableRow>& rows, const TableView& view) {
  std::vector<std::size_t> shown;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (row_matches(rows[i], view.filter)) shown.push_back(i);
  }
  // Groups first, in the order they come; the sort column only within a group.
  std::stable_sort(shown.begin(), shown.end(), [&](std::size_t a, std::size_t b) { return rows[a].group < rows[b].group; });
  if (view.sort_column < 0) {
    if (!view.ascending) {
      // The rows' own order backwards, each group still in its place.
      for (auto a = shown.begin(); a != shown.end();) {
        auto b = std::find_if(a, shown.end(), [&](std::size_t i) { return rows[i].group != rows[*a].group; });
        std::reverse(a, b);
        a = b;
      }
    }
    return shown;
  }
  const auto col = static_cast<std::size_t>(view.sort_column);
  std::stable_sort(shown.begin(), shown.end(), [&](std::size_t a, std::size_t b) {
    if (rows[a].group != rows[b].group) return rows[a].group < rows[b].group;
    const auto ka = sort_key(rows[a], col), kb = sort_key(rows[b], col);
    return view.ascending ? ka < kb : kb < ka;
  });
  return shown;
}

void cycle_sort(TableView& view, int columns) {
  view.sort_column = view.sort_column + 1 >= columns ? -1 : view.sort_column + 1;
  view.ascending = true;
}

int position_of(const std::vector<TableRow>& rows, const std::vector<std::size_t>& shown, std::string_view id) {
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (rows[shown[i]].id == id) return static_cast<int>(i);
  }
  return -1;
}

std::string step_selection(const std::vector<TableRow>& rows, const std::vector<std::size_t>& shown,
                           std::string_view id, int delta) {
  if (shown.empty()) return {};
  const int at = std::max(0, position_of(rows, shown, id));
  const int to = std::clamp(at + delta, 0, static_cast<int>(shown.size()) - 1);
  return rows[shown[static_cast<std::size_t>(to)]].id;
}

void show_rows(TableModel& table, const std::vector<TableRow>& rows, const std::vector<std::size_t>& shown,
               std::string_view selected_id) {
  table.rows.clear();
  for (auto i : shown) table.rows.push_back(rows[i]);
  table.selected = shown.empty() ? -1 : std::max(0, position_of(rows, shown, selected_id));
}

}  // namespace drc::ui
