#pragma once
// The inventory pane's rows, made from the Collection's inventory and the RPO posture as of now: each
// protected resource's posture first (worst first), then everything else found, then one row for each
// region and service that did not answer. Row ids name what a row is about, for the selection and the
// detail view: "r/<kind>/<region>/<name>" for a resource, "g/<region>/<service>/<unreachable|error>".

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "console/inventory_model.hpp"

namespace drc::tui {

// Status, resource, kind, region, newest point, age, DR copy.
enum InventoryColumn { kStatusColumn, kResourceColumn, kKindColumn, kRegionColumn, kNewestColumn, kAgeColumn, kDrColumn };
std::vector<ui::TableColumn> inventory_columns();

// Judges the inventory as of now and rebuilds the pane's rows and title.
void refresh_pane(InventoryPane& pane, const inventory::Inventory& found, const inventory::Scope& scope,
                  std::optional<std::chrono::seconds> rpo, std::size_t calls_out, Timestamp now);

std::string resource_id(const inventory::Resource& r);
std::string posture_id(const inventory::Posture& p);

// What a row id names, for the detail view; null / empty when it names nothing the pane holds.
const inventory::Resource* resource_of(const InventoryPane& pane, std::string_view id);
const inventory::Posture* posture_of(const InventoryPane& pane, std::string_view id);
std::vector<const inventory::Gap*> gaps_of(const InventoryPane& pane, std::string_view id);

// "RDS", "Aurora", "DynamoDB", "S3", "EBS": a kind in a narrow column.
std::string_view short_kind(inventory::ResourceKind k);
// "PITR", "automated", "snapshot", "Backup", ...: where the newest point comes from, in a narrow column.
std::string newest_label(const inventory::Newest& n);

}  // namespace drc::tui
