#include "check/check_run.hpp"

#include <mutex>

#include "inventory/gather.hpp"

namespace drc::check {

CheckReport run_check(cloud::Cloud& cloud, cloud::ResultQueue& queue, cloud::AccessOf access, const WritePermission& permission,
                      const CheckRequest& request, const incident::Clock& clock,
                      const std::function<void(const std::string&)>& on_write) {
  CheckReport report;
  report.env = request.env;
  report.type = request.type;
  report.started = clock.now();
  std::mutex writes_mutex;
  cloud::GuardPolicy policy;
  policy.writes_allowed = permission.allowed;
  policy.why_not = permission.why_not;
  policy.on_write = [&](const cloud::CloudCall& c) {
    const auto line = c.service + " " + c.operation + " " + c.region + " " + c.params.dump();
    // Writes come from one thread per resource: one at a time, so the log's lines stay whole.
    std::lock_guard lock(writes_mutex);
    if (on_write) on_write(line);
    report.writes.push_back(line);
  };
  cloud::GuardedCloud guarded(cloud, std::move(access), policy);

  auto scope = request.scope;
  scope.identity = true;
  inventory::Collection collection(scope);
  inventory::gather(guarded, queue, collection, clock, request.wait.interrupted);
  const auto now = clock.now();
  auto add = [&](std::vector<CheckResult> checks) {
    for (auto& c : checks) report.checks.push_back(std::move(c));
  };
  switch (request.type) {
    case CheckType::Backup:
      add(backup_checks(collection, request.targets, now));
      break;
    case CheckType::Pitr:
      add(pitr_checks(collection, request.targets, now));
      break;
    case CheckType::Snapshot:
      add(snapshot_checks(guarded, collection, request.wait, clock, request.keep_snapshots));
      break;
    case CheckType::Full:
      add(backup_checks(collection, request.targets, now));
      add(pitr_checks(collection, request.targets, now));
      add(restore_plan(collection, request.targets, request.recovery_time, now));
      if (request.execute) add(restore_rehearsals(guarded, collection, request.wait, clock));
      break;
  }
  report.took = std::chrono::duration_cast<std::chrono::milliseconds>(clock.now() - report.started);
  return report;
}

}  // namespace drc::check
