#pragma once
// What the inventory pane shows and how the operator is looking at it. The loop refreshes the first half
// from the Collection (when answers arrive, and each second, as ages grow); keys change the second half.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "inventory/collection.hpp"
#include "inventory/posture.hpp"
#include "widgets/table.hpp"
#include "widgets/table_view.hpp"

namespace drc::tui {

struct InventoryPane {
  // What the cloud said so far, judged as of the last refresh.
  inventory::Inventory found;
  std::vector<inventory::Posture> posture;
  std::string region, dr_region;  // the scope's
  std::size_t calls_out = 0;
  Timestamp as_of{};
  std::string unavailable;  // why there is no inventory (no AWS configuration, ...): one line under the header

  // The rows: protected resources' posture, then the rest, then the regions and services that did not
  // answer. Ids: see inventory_rows.hpp.
  std::vector<ui::TableRow> rows;
  std::string title;

  // How the operator looks at them.
  ui::TableView view;
  std::string selected;             // the selected row's id
  std::optional<std::string> detail;  // the row whose detail view is open
  int detail_selected = 0;          // the recovery point selected in it
  bool refresh_requested = false;
};

}  // namespace drc::tui
