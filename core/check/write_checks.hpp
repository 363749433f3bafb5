#pragma once
// The checks that change things, each resource on a thread of its own, eight at a time (these are
// command-line flows that wait, never the UI's): `snapshot` takes a manual snapshot of every protected database and waits until
// it is available; `full --execute` restores each protected resource to a temporary copy, waits until
// the copy is available, records how long that took, and deletes the copy. Every call goes through the
// Cloud it is given, which is the guarded one: in production, unconfirmed, the writes are refused there.

#include <atomic>
#include <chrono>
#include <vector>

#include "check/check_report.hpp"
#include "cloud/cloud.hpp"
#include "incident/clock.hpp"
#include "inventory/collection.hpp"

namespace drc::check {

struct WaitPolicy {
  std::chrono::milliseconds call_timeout{30000};
  std::chrono::milliseconds poll_every{5000};
  std::chrono::milliseconds give_up_after{std::chrono::hours{2}};
  // Raised (Ctrl-C) while waiting: stop waiting and clean up what was made.
  const std::atomic<bool>* interrupted = nullptr;
};

// The snapshots are deleted once seen available (they count against the account's snapshot quota)
// unless `keep`.
std::vector<CheckResult> snapshot_checks(cloud::Cloud& cloud, const inventory::Collection& c, const WaitPolicy& wait,
                                         const incident::Clock& clock, bool keep = false);

std::vector<CheckResult> restore_rehearsals(cloud::Cloud& cloud, const inventory::Collection& c, const WaitPolicy& wait,
                                            const incident::Clock& clock);

// "drc-check-prod-postgres-20261124t013000": a name RDS, DynamoDB and EC2 all accept (letters, digits,
// single hyphens, a letter first), at most 63 characters.
std::string temporary_name(std::string_view prefix, std::string_view resource, Timestamp now);

}  // namespace drc::check
