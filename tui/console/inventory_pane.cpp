#include "console/inventory_pane.hpp"

#include "console/inventory_rows.hpp"
#include "widgets/table.hpp"
#include "widgets/table_view.hpp"

namespace drc::tui {

using ui::Role;

void draw_inventory_pane(ui::Canvas& c, ui::Rect r, const InventoryPane& pane, bool focused) {
  c.frame(r, focused ? Role::Accent : Role::Border, pane.title.empty() ? "Inventory" : pane.title);
  ui::TableModel t;
  t.columns = inventory_columns();
  const auto shown = ui::arrange(pane.rows, pane.view);
  ui::show_rows(t, pane.rows, shown, pane.selected);
  if (!focused) t.selected = -1;
  t.focused = focused;
  t.sort_column = pane.view.sort_column;
  t.ascending = pane.view.ascending;
  t.empty_text = !pane.view.filter.empty() && !pane.rows.empty() ? "no row matches the filter"
                 : pane.calls_out > 0                            ? "asking the cloud…"
                                                                 : "nothing found";
  ui::draw_table(c, {r.x + 1, r.y + 1, r.w - 2, r.h - 2}, t);
  // What narrows or orders the rows, where the operator looks for it: on the bottom edge.
  std::string how;
  if (!pane.view.filter.empty()) {
    how = "/" + pane.view.filter + "  " + std::to_string(shown.size()) + " of " + std::to_string(pane.rows.size());
  }
  if (pane.view.sort_column >= 0) {
    const auto& col = t.columns[static_cast<std::size_t>(pane.view.sort_column)];
    how += (how.empty() ? "" : "  ") + std::string("sorted by ") + col.title + (pane.view.ascending ? " ▲" : " ▼");
  }
  if (!how.empty() && r.w > 8) {
    const auto text = ui::ellipsize(" " + how + " ", r.w - 4);
    c.text(r.x + 2, r.bottom() - 1, text, Role::Accent);
  }
}

}  // namespace drc::tui
