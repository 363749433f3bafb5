#pragma once
// Columns with a header, rows with a role each (a breach row in the alarm colour), a selected row kept in
// view, and a sort marker on the sorted column.

#include <string>
#include <vector>

#include "canvas.hpp"

namespace drc::ui {

struct TableColumn {
  std::string title;
  int width = 0;  // 0: share what is left
  bool right_align = false;
};

struct TableRow {
  std::vector<std::string> cells;
  Role role = Role::Normal;
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

}  // namespace drc::ui
