#pragma once
// A small inventory as the Collection would make it, for the console's unit tests: three protected RDS
// instances (within the RPO, close to it, over it), a table in the DR region, a region that did not
// answer and a service that refused.

#include "inventory/collection.hpp"
#include "inventory/inventory.hpp"

namespace drc::test {

inline const Timestamp kNow{std::chrono::milliseconds{1'795'000'000'000}};

inline inventory::Resource rds(std::string name, std::optional<std::chrono::seconds> pitr_age, int retention) {
  inventory::Resource r;
  r.kind = inventory::ResourceKind::RdsInstance;
  r.name = std::move(name);
  r.region = "us-east-1";
  r.status = "available";
  r.retention_days = retention;
  if (pitr_age) r.pitr = inventory::PitrWindow{kNow - std::chrono::hours(24 * 7), kNow - *pitr_age};
  return r;
}

inline inventory::Inventory sample_inventory() {
  using namespace std::chrono;
  inventory::Inventory inv;
  inv.resources.push_back(rds("orders-db", minutes(2), 7));   // 2m of a 5m RPO: ok
  inv.resources.push_back(rds("ledger", std::nullopt, 0));    // retention 0, one old snapshot: breach
  inventory::RecoveryPoint manual;
  manual.id = "ledger-manual";
  manual.source = inventory::PointSource::ManualSnapshot;
  manual.region = "us-east-1";
  manual.time = kNow - hours(24 * 9);
  manual.status = "available";
  manual.usable = true;
  inv.resources.back().points.push_back(manual);
  inv.resources.push_back(rds("payments-db", minutes(4), 7));  // 4m of 5m: over 75 %, a warning
  inventory::RecoveryPoint copy = manual;
  copy.id = "payments-copy";
  copy.region = "us-west-2";
  copy.time = kNow - hours(15);
  inv.resources.back().points.push_back(copy);
  inventory::Resource table;
  table.kind = inventory::ResourceKind::DynamoTable;
  table.name = "sessions";
  table.region = "us-west-2";
  table.status = "ACTIVE";
  inv.resources.push_back(table);
  inv.gaps.push_back({"us-west-2", "rds", "DescribeDBInstances", "Timeout", "no answer within 10s", ""});
  inv.gaps.push_back({"us-west-2", "rds", "DescribeDBSnapshots", "Timeout", "no answer within 10s", ""});
  inv.gaps.push_back({"us-east-1", "ec2", "DescribeImages", "AccessDenied", "not allowed", ""});
  inv.gaps.push_back({"us-east-1", "ec2", "DescribeVolumes", "AccessDenied", "not allowed", ""});
  return inv;
}

inline inventory::Scope sample_scope() {
  inventory::Scope s;
  s.region = "us-east-1";
  s.dr_region = "us-west-2";
  return s;
}

}  // namespace drc::test
