#pragma once
// Columns with a header, rows with a role each (a breach row in the alarm colour), a selected row kept in
// view, and a sort marker on the sorted column. A column may ask to be left out of a narrow table, and a
// row may span the whole width (a message rather than a record).

#include <string>
#include <vector>

#include "canvas.hpp"

namespace drc::ui {

struct TableColumn {
  std::string title;
  int width = 0;  // 0: share what is left
  bool right_align = false;
  int min_table_width = 0;  // left out when the table is narrower than this (the least needed first)
};

struct TableRow {
  std::vector<std::string> cells;
  Role role = Role::Normal;  // colours the whole row, so an alarm reads at a glance
  // What the selection follows when rows are added, sorted or filtered out: stable across redraws.
  std::string id{};
  // Per column, when the shown text does not sort as it should ("4m12s" before "3h"): compared instead
  // of the cell. Empty or missing: the cell, case-insensitively.
  std::vector<std::string> sort_keys{};
  int group = 0;      // sorting reorders rows within a group, never across groups
  bool span = false;  // cells[0] across the whole row
};

struct TableModel {
  std::vector<TableColumn> columns;
  std::vector<TableRow> rows;
  int selected = -1;
  int sort_column = -1;
  bool ascending = true;
  bool focused = false;
  std::string empty_text = "nothing yet";
};

void draw_table(Canvas& canvas, Rect area, const TableModel& model);

// Whether the column is shown in a table this wide.
bool column_shown(const TableColumn& column, int table_width);

}  // namespace drc::ui
