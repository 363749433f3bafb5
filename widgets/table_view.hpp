#pragma once
// How a person looks at a table: sorted by a column, narrowed by a filter, with a selection that follows
// a row (by its id) rather than a position, so rows arriving or re-sorting never move it to another one.
// The rows themselves are never changed: a view is an order of their indices.

#include <string>
#include <string_view>
#include <vector>

#include "table.hpp"

namespace drc::ui {

struct TableView {
  int sort_column = -1;  // -1: the rows' own order
  bool ascending = true;  // false with no sort column: the rows' own order backwards
  std::string filter;  // a case-insensitive substring of any cell; empty: every row
};

// Whether any cell holds the filter, ignoring ASCII case.
bool row_matches(const TableRow& row, std::string_view filter);

// The indices of the rows the view shows, in the order it shows them: filtered, then sorted by the sort
// column within each group (groups keep their order, lowest first; equal rows keep theirs).
std::vector<std::size_t> arrange(const std::vector<TableRow>& rows, const TableView& view);

// The next sort column: none → 0 → 1 → … → the last → none; each new column starts ascending.
void cycle_sort(TableView& view, int columns);

// Where the row named `id` is among those shown (its index into `shown`); -1 when it is not shown.
int position_of(const std::vector<TableRow>& rows, const std::vector<std::size_t>& shown, std::string_view id);

// The id of the row `delta` places from the one named `id` (from the first when it is not shown),
// stopping at either end; empty when nothing is shown.
std::string step_selection(const std::vector<TableRow>& rows, const std::vector<std::size_t>& shown,
                           std::string_view id, int delta);

// The shown rows as a table model's rows, with the selection as a position (the first row when the
// selected one is not shown).
void show_rows(TableModel& table, const std::vector<TableRow>& rows, const std::vector<std::size_t>& shown,
               std::string_view selected_id);

}  // namespace drc::ui
