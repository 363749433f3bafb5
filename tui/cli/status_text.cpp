#include "cli/status_text.hpp"

#include <iomanip>

#include "incident/progress.hpp"

namespace drc::cli {

using namespace std::chrono;
using incident::StepStatus;

namespace {

const char* mark(StepStatus s) {
  switch (s) {
    case StepStatus::Pending: return "[ ]";
    case StepStatus::Running: return "[>]";
    case StepStatus::Done: return "[x]";
    case StepStatus::Skipped: return "[-]";
    case StepStatus::Failed: return "[!]";
  }
  return "[ ]";
}

}  // namespace

void print_status(std::ostream& out, const incident::IncidentState& st, Timestamp now) {
  out << "Incident " << st.id << "  " << (st.resolved() ? "RESOLVED" : "OPEN") << "  " << st.severity << "  "
      << st.environment << (st.mode == "drill" ? "  (drill)" : "") << '\n';
  out << "Scenario " << st.scenario_number << ": " << st.scenario_title << "  (commander " << st.commander << ")\n";
  out << "Declared " << format_datetime_utc(st.declared_at);
  if (st.resolved_at) {
    out << ", resolved " << format_datetime_utc(*st.resolved_at) << " after "
        << format_compact(duration_cast<seconds>(*st.resolved_at - st.declared_at));
  } else {
    out << ", " << format_compact(duration_cast<seconds>(now - st.declared_at)) << " ago";
  }
  out << '\n';
  if (auto r = incident::rto_status(st, now)) {
    out << "RTO " << format_compact(*st.objectives.rto) << ": " << format_hms(r->remaining)
        << (r->remaining < seconds::zero() ? " over" : " left") << " [" << incident::to_string(r->level) << "]";
  } else {
    out << "RTO: not set by the runbook";
  }
  out << "   RPO target: " << (st.objectives.rpo ? format_compact(*st.objectives.rpo) : std::string("not set")) << '\n';
  if (!st.resolved()) {
    const auto u = incident::next_update(st, now);
    out << "Next status update " << (u.overdue ? "OVERDUE by " + format_hms(-u.remaining) : "due in " + format_hms(u.remaining))
        << " (every " << format_compact(st.objectives.comms_every) << ")\n";
  }
  for (const auto& [role, person] : st.roles) out << "  " << role << ": " << person << '\n';
  out << "Steps:\n";
  for (const auto& s : st.steps) {
    out << "  " << mark(s.status) << ' ' << std::setw(2) << s.number << ". " << s.title;
    if (auto t = incident::step_timing(s, now)) {
      out << "  " << format_compact(t->elapsed);
      if (s.estimate) out << " / est " << runbook::format_range(s.estimate) << (t->over_estimate ? " OVER" : "");
    } else if (s.estimate) {
      out << "  est " << runbook::format_range(s.estimate);
    }
    if (!s.reason.empty()) out << "  (" << s.reason << ")";
    out << '\n';
  }
}

void print_incident_list(std::ostream& out, std::span<const timeline::IncidentSummary> incidents) {
  if (incidents.empty()) {
    out << "no incidents\n";
    return;
  }
  for (const auto& i : incidents) {
    if (!i.problem.empty()) {
      out << i.id << "  DAMAGED  " << i.problem << '\n';
      continue;
    }
    const auto& st = i.state;
    std::size_t done = 0;
    for (const auto& s : st.steps) done += (s.status == StepStatus::Done || s.status == StepStatus::Skipped);
    out << i.id << "  " << (st.resolved() ? "resolved" : "open    ") << "  " << st.severity << "  " << st.environment
        << "  " << done << "/" << st.steps.size() << " steps  " << format_datetime_utc(st.declared_at) << "  "
        << st.scenario_title << '\n';
  }
}

}  // namespace drc::cli
