#pragma once
// Facts derived from state + now, never logged: RTO remaining, step timing against estimates, the next
// status update due.

#include <chrono>
#include <optional>

#include "incident/state.hpp"

namespace drc::incident {

enum class RtoLevel { Ok, Warning, Overrun };
std::string_view to_string(RtoLevel level);  // "ok", "warning", "overrun"

struct RtoStatus {
  std::chrono::seconds remaining;  // negative once overrun
  RtoLevel level;
};
// declared + rto − now; warning at 25 % left; frozen at resolution. nullopt when the incident has no RTO.
std::optional<RtoStatus> rto_status(const IncidentState& st, Timestamp now);

struct StepTiming {
  std::chrono::seconds elapsed;
  bool over_estimate;  // past the estimate's upper bound
};
// nullopt for a step never started.
std::optional<StepTiming> step_timing(const StepState& step, Timestamp now);

struct UpdateDue {
  Timestamp due;
  std::chrono::seconds remaining;  // negative when overdue
  bool overdue;
};
// The runbook's cadence from the last comms.sent, or from the declaration before any.
UpdateDue next_update(const IncidentState& st, Timestamp now);

}  // namespace drc::incident
