#pragma once
// The backup inventory as the console shows it: what can be restored, where, and how recent it is. The
// calls go through the Cloud door; rows are made from each answer as it arrives, so the pane fills
// progressively and a region that fails shows as unreachable while the rest stays usable.
// (RPO posture per protected resource is issue 6's; this is the raw inventory it will build on.)

#include <optional>
#include <string>
#include <vector>

#include "cloud/cloud.hpp"
#include "util/time_format.hpp"

namespace drc::inventory {

struct InventoryRow {
  std::string name;
  std::string kind;    // "RDS instance", "RDS snapshot", "Aurora cluster", "Cluster snapshot", "EBS snapshot", "Recovery point", "error"
  std::string region;
  std::optional<Timestamp> point;  // newest restorable time, or when the snapshot was taken
  std::string status;
  bool problem = false;  // unreachable, or no restorable point (e.g. backup retention 0)
};

// The first round of calls for these regions.
std::vector<cloud::CloudCall> inventory_calls(const std::vector<std::string>& regions);

struct Digest {
  std::vector<InventoryRow> rows;
  std::vector<cloud::CloudCall> follow_ups;  // e.g. each vault's recovery points after ListBackupVaults
};
Digest digest(const cloud::CloudResult& result);

}  // namespace drc::inventory
