#include "console/inventory_keys.hpp"

#include <algorithm>

#include "console/inventory_detail.hpp"
#include "console/inventory_rows.hpp"
#include "console/keys.hpp"

namespace drc::tui {

using T = KeyEvent::Type;

namespace {

void move(InventoryPane& pane, int delta) {
  const auto shown = ui::arrange(pane.rows, pane.view);
  pane.selected = ui::step_selection(pane.rows, shown, pane.selected, delta);
}

void open_detail(InventoryPane& pane) {
  const auto shown = ui::arrange(pane.rows, pane.view);
  if (shown.empty()) return;
  const int at = ui::position_of(pane.rows, shown, pane.selected);
  pane.selected = pane.rows[shown[static_cast<std::size_t>(std::max(0, at))]].id;
  pane.detail = pane.selected;
  pane.detail_selected = 0;
}

}  // namespace

bool inventory_key(ConsoleModel& m, const KeyEvent& k) {
  auto& pane = m.inventory;
  const int big = static_cast<int>(pane.rows.size());
  switch (k.type) {
    case T::Up: move(pane, -1); return true;
    case T::Down: move(pane, 1); return true;
    case T::Home: move(pane, -big); return true;
    case T::End: move(pane, big); return true;
    case T::Enter: open_detail(pane); return true;
    case T::Escape:
      pane.view.filter.clear();  // a kept filter goes as it would from its prompt
      return true;
    case T::Char: break;
    default: return false;
  }
  const auto& c = k.text;
  if (c == "k") move(pane, -1);
  else if (c == "j") move(pane, 1);
  else if (c == "o") ui::cycle_sort(pane.view, static_cast<int>(inventory_columns().size()));
  else if (c == "O") pane.view.ascending = !pane.view.ascending;
  else if (c == "/") {
    m.prompt = Prompt::Filter;
    m.editor = ui::LineEditor(256);
    m.editor.insert(pane.view.filter);  // refine what is there; Escape still clears it
  } else {
    return false;
  }
  return true;
}

void detail_key(ConsoleModel& m, const KeyEvent& k) {
  auto& pane = m.inventory;
  const bool up = k.type == T::Up || (k.type == T::Char && k.text == "k");
  const bool down = k.type == T::Down || (k.type == T::Char && k.text == "j");
  if (up || down) {
    pane.detail_selected = std::clamp(pane.detail_selected + (up ? -1 : 1), 0, std::max(0, detail_point_count(pane) - 1));
  } else if (k.type == T::Escape || k.type == T::Enter || (k.type == T::Char && k.text == "q")) {
    pane.detail.reset();
  }
}

void filter_key(ConsoleModel& m, const KeyEvent& k) {
  switch (k.type) {
    case T::Escape:
      m.editor = ui::LineEditor();
      m.prompt = Prompt::None;
      m.inventory.view.filter.clear();
      return;
    case T::Enter:
      m.editor = ui::LineEditor();
      m.prompt = Prompt::None;
      return;
    default: edit_key(m.editor, k); break;
  }
  m.inventory.view.filter = m.editor.text();
}

}  // namespace drc::tui
