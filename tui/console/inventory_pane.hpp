#pragma once
// The inventory pane: a frame titled with the counts and the calls still out, the rows as the operator
// sorts and filters them, and (along the bottom edge) the filter and sort in force.

#include "console/inventory_model.hpp"
#include "widgets/canvas.hpp"

namespace drc::tui {

void draw_inventory_pane(ui::Canvas& canvas, ui::Rect area, const InventoryPane& pane, bool focused);

}  // namespace drc::tui
