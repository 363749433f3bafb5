#include "incident/progress.hpp"

namespace drc::incident {

using namespace std::chrono;

std::string_view to_string(RtoLevel level) {
  switch (level) {
    case RtoLevel::Ok: return "ok";
    case RtoLevel::Warning: return "warning";
    case RtoLevel::Overrun: return "overrun";
  }
  return "ok";
}

std::optional<RtoStatus> rto_status(const IncidentState& st, Timestamp now) {
  if (!st.declared || !st.objectives.rto) return std::nullopt;
  const auto at = st.resolved_at.value_or(now);
  const auto rto = *st.objectives.rto;
  const auto remaining = duration_cast<seconds>(st.declared_at + rto - at);
  RtoLevel level = RtoLevel::Ok;
  if (remaining < seconds::zero()) {
    level = RtoLevel::Overrun;
  } else if (remaining * 4 <= rto) {
    level = RtoLevel::Warning;
  }
  return RtoStatus{remaining, level};
}

std::optional<StepTiming> step_timing(const StepState& step, Timestamp now) {
  if (!step.started_at) return std::nullopt;
  const auto end = step.status == StepStatus::Running ? now : step.finished_at.value_or(now);
  const auto elapsed = duration_cast<seconds>(end - *step.started_at);
  const bool over = step.estimate && elapsed > step.estimate->max;
  return StepTiming{elapsed, over};
}

UpdateDue next_update(const IncidentState& st, Timestamp now) {
  const auto from = st.last_comms_at.value_or(st.declared_at);
  const auto due = from + st.objectives.comms_every;
  const auto remaining = duration_cast<seconds>(due - now);
  return UpdateDue{due, remaining, remaining < seconds::zero()};
}

}  // namespace drc::incident
