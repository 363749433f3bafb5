#pragma once
// The detail view of one inventory row, over the screen: for a resource, its posture and why, status,
// PITR window, retention, replication and DR copy, then every recovery point (time, age, source, region,
// status, id); for a region and service that did not answer, each failed call and its error.

#include "console/inventory_model.hpp"
#include "widgets/canvas.hpp"

namespace drc::tui {

// Draws the view of the row pane.detail names (nothing when none is open).
void draw_inventory_detail(ui::Canvas& canvas, const InventoryPane& pane);

// How many recovery points the open detail view lists (what its selection moves through).
int detail_point_count(const InventoryPane& pane);

}  // namespace drc::tui
