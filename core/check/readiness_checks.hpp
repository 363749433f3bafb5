#pragma once
// The read-only checks, judged from a finished inventory Collection: nothing here calls AWS.
//   backup: who we are (STS), each region answering, the state bucket (versioned) and lock table, every
//           protected resource restorable within the RPO, and a copy in the DR region.
//   pitr:   every database's point-in-time window: on, its latest restorable time within the RPO, and
//           reaching back as far as the environment's backup_retention (else the database's own setting).

#include <chrono>
#include <optional>
#include <vector>

#include "check/check_report.hpp"
#include "inventory/collection.hpp"

namespace drc::check {

struct Targets {
  std::optional<std::chrono::seconds> rpo;
  std::optional<std::chrono::seconds> backup_retention;
};

std::vector<CheckResult> backup_checks(const inventory::Collection& c, const Targets& t, Timestamp now);
std::vector<CheckResult> pitr_checks(const inventory::Collection& c, const Targets& t, Timestamp now);

}  // namespace drc::check
