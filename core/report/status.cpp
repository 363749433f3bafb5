#include "report/status.hpp"

#include "incident/progress.hpp"

namespace drc::report {

using nlohmann::json;
using namespace std::chrono;

namespace {
json opt_seconds(const std::optional<seconds>& s) { return s ? json(s->count()) : json(nullptr); }
}  // namespace

json status_json(const incident::IncidentState& st, Timestamp now) {
  json steps = json::array();
  std::size_t done = 0;
  for (const auto& s : st.steps) {
    json j{{"number", s.number}, {"title", s.title}, {"status", incident::to_string(s.status)}};
    if (s.started_at) j["started_at"] = format_iso8601(*s.started_at);
    if (s.finished_at) j["finished_at"] = format_iso8601(*s.finished_at);
    if (auto t = incident::step_timing(s, now)) {
      j["elapsed_s"] = t->elapsed.count();
      j["over_estimate"] = t->over_estimate;
    }
    j["estimate"] = s.estimate ? json{{"min_s", s.estimate->min.count()}, {"max_s", s.estimate->max.count()}} : json(nullptr);
    if (!s.reason.empty()) j["reason"] = s.reason;
    if (s.status == incident::StepStatus::Done || s.status == incident::StepStatus::Skipped) ++done;
    steps.push_back(std::move(j));
  }
  json rto = nullptr;
  if (auto r = incident::rto_status(st, now)) {
    rto = {{"target_s", st.objectives.rto->count()},
           {"remaining_s", r->remaining.count()},
           {"display", format_hms(r->remaining)},
           {"state", incident::to_string(r->level)}};
  }
  json update = nullptr;
  if (!st.resolved()) {
    const auto u = incident::next_update(st, now);
    update = {{"due_at", format_iso8601(u.due)},
              {"remaining_s", u.remaining.count()},
              {"overdue", u.overdue},
              {"every_s", st.objectives.comms_every.count()}};
  }
  json out{{"incident", st.id},
           {"status", st.resolved() ? "resolved" : "open"},
           {"scenario", {{"number", st.scenario_number}, {"title", st.scenario_title}}},
           {"runbook", st.runbook_path},
           {"environment", st.environment},
           {"severity", st.severity},
           {"commander", st.commander},
           {"mode", st.mode},
           {"declared_at", format_iso8601(st.declared_at)},
           {"resolved_at", st.resolved_at ? json(format_iso8601(*st.resolved_at)) : json(nullptr)},
           {"elapsed_s", duration_cast<seconds>(st.resolved_at.value_or(now) - st.declared_at).count()},
           {"rto", rto},
           {"rpo_target_s", opt_seconds(st.objectives.rpo)},
           {"next_update", update},
           {"steps_done", done},
           {"steps_total", st.steps.size()},
           {"steps", std::move(steps)},
           {"roles", st.roles},
           {"notes", st.notes},
           {"events", st.last_seq}};
  return out;
}

}  // namespace drc::report
