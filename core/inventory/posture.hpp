#pragma once
// RPO posture: for each protected resource, the newest point it could be restored to, how much data a
// restore would lose now (exposure = now − that point), and whether that is within the RPO: ok, warning
// (over 75 % of it) or breach. Pure: the same inventory and the same now give the same answer.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "inventory/collection.hpp"
#include "inventory/inventory.hpp"

namespace drc::inventory {

enum class PostureStatus { Ok, Warning, Breach, Unknown };
std::string_view status_name(PostureStatus s);  // "ok", "warning", "breach", "unknown"

struct Posture {
  ResourceKind kind = ResourceKind::RdsInstance;
  std::string name, region;
  bool found = false;
  std::optional<Newest> newest;                   // the newest usable point anywhere
  std::optional<std::chrono::seconds> exposure;   // now − newest
  std::optional<std::chrono::seconds> rpo;
  std::optional<int> retention_days;
  bool pitr = false;
  bool dr_copy = false;        // a point or a replica in the DR region (or, for S3, replication)
  std::optional<Newest> newest_in_dr;
  PostureStatus status = PostureStatus::Unknown;
  std::string reason;          // one line for a person: why this status
};

// The resources whose posture counts: those the scope names, or when it names none, every protectable
// resource found in the primary region. The state bucket and lock table are the backup check's business.
std::vector<Posture> assess(const Inventory& inv, const Scope& scope, std::optional<std::chrono::seconds> rpo, Timestamp now);

}  // namespace drc::inventory
