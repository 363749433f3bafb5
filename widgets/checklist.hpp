#pragma once
// A scrolling list of items with a status mark, a label and right-aligned text ("2m10s / 5m"); the
// selected row is highlighted and kept in view.

#include <string>
#include <vector>

#include "canvas.hpp"

namespace drc::ui {

struct ChecklistItem {
  std::string mark;  // e.g. "✓", "▶", " "
  Role mark_role = Role::Normal;
  std::string label;
  Role label_role = Role::Normal;
  std::string right;
  Role right_role = Role::Dim;
};

struct ChecklistModel {
  std::vector<ChecklistItem> items;
  int selected = -1;  // -1: none
  bool focused = true;
};

// Returns the first visible item index (to keep scrolling stable the caller may ignore it).
int draw_checklist(Canvas& canvas, Rect area, const ChecklistModel& model);

}  // namespace drc::ui
