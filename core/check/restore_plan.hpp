#pragma once
// The full check's dry run: for each protected resource, the recovery point a restore would use, the data
// it would lose against the RPO, and the runbook's estimated recovery time against the RTO.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "check/check_report.hpp"
#include "check/readiness_checks.hpp"
#include "inventory/collection.hpp"
#include "runbook/duration.hpp"

namespace drc::check {

struct RecoveryTime {
  std::optional<std::chrono::seconds> rto;
  std::optional<runbook::DurationRange> estimate;  // the runbook's, for the scenario named below
  std::string scenario;
};

std::vector<CheckResult> restore_plan(const inventory::Collection& c, const Targets& t, const RecoveryTime& time, Timestamp now);

}  // namespace drc::check
