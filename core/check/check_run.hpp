#pragma once
// One `drconsole check` run: the inventory gathered concurrently across services and regions, the read-only
// checks judged from it, and (for snapshot, and full --execute) the writes, through a guard that refuses
// them unless they were permitted and records each one it lets through.

#include <functional>

#include "check/check_report.hpp"
#include "check/readiness_checks.hpp"
#include "check/restore_plan.hpp"
#include "check/write_checks.hpp"
#include "cloud/guarded_cloud.hpp"
#include "cloud/result_queue.hpp"
#include "incident/clock.hpp"
#include "inventory/collection.hpp"

namespace drc::check {

struct CheckRequest {
  CheckType type = CheckType::Backup;
  std::string env;
  inventory::Scope scope;
  Targets targets;
  RecoveryTime recovery_time;
  bool execute = false;         // full: really restore temporary copies
  bool keep_snapshots = false;  // snapshot: keep what it made
  WaitPolicy wait;
};

struct WritePermission {
  bool allowed = false;
  std::string why_not;
};

// `queue` must outlive `cloud`. `on_write` hears each write before it is sent (for the log).
CheckReport run_check(cloud::Cloud& cloud, cloud::ResultQueue& queue, cloud::AccessOf access, const WritePermission& permission,
                      const CheckRequest& request, const incident::Clock& clock,
                      const std::function<void(const std::string&)>& on_write = {});

}  // namespace drc::check
