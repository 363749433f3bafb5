#include "incident/state.hpp"

#include <algorithm>

#include "util/json_fields.hpp"

namespace drc::incident {

using nlohmann::json;

std::string_view to_string(StepStatus s) {
  switch (s) {
    case StepStatus::Pending: return "pending";
    case StepStatus::Running: return "running";
    case StepStatus::Done: return "done";
    case StepStatus::Skipped: return "skipped";
    case StepStatus::Failed: return "failed";
  }
  return "pending";
}

const StepState* IncidentState::step(int number) const {
  for (const auto& s : steps) {
    if (s.number == number) return &s;
  }
  return nullptr;
}

namespace {

std::optional<std::chrono::seconds> secs(const json& data, const char* key) {
  auto v = json_int(data, key);
  if (!v) return std::nullopt;
  return std::chrono::seconds{*v};
}

std::optional<runbook::DurationRange> estimate_from(const json& j) {
  if (!j.is_object()) return std::nullopt;
  auto lo = secs(j, "min_s");
  auto hi = secs(j, "max_s");
  if (!lo || !hi) return std::nullopt;
  return runbook::DurationRange{*lo, *hi};
}

std::string step_name(const StepState& s) { return "step " + std::to_string(s.number) + " (" + s.title + ")"; }

std::string at(Timestamp t) { return format_clock_utc(t) + " UTC"; }

Status declare(IncidentState& st, const Event& e) {
  const auto& d = e.data;
  if (st.declared) return make_error("the incident is already declared");
  if (!d.is_object()) return make_error("incident.declared carries no data");
  IncidentState next;
  next.declared = true;
  next.id = json_string(d, "id");
  if (next.id.empty()) return make_error("incident.declared has no incident id");
  if (d.contains("runbook") && d["runbook"].is_object()) {
    next.runbook_path = json_string(d["runbook"], "path");
    next.runbook_sha256 = json_string(d["runbook"], "sha256");
    next.runbook_title = json_string(d["runbook"], "title");
  }
  if (d.contains("scenario") && d["scenario"].is_object()) {
    next.scenario_number = static_cast<int>(json_int(d["scenario"], "number").value_or(0));
    next.scenario_title = json_string(d["scenario"], "title");
  }
  next.environment = json_string(d, "environment");
  next.severity = json_string(d, "severity");
  next.commander = json_string(d, "commander");
  next.mode = json_string(d, "mode");
  if (d.contains("objectives") && d["objectives"].is_object()) {
    const auto& o = d["objectives"];
    next.objectives.rto = secs(o, "rto_s");
    next.objectives.rpo = secs(o, "rpo_s");
    if (auto c = secs(o, "comms_every_s"); c && c->count() > 0) next.objectives.comms_every = *c;
  }
  if (d.contains("steps") && d["steps"].is_array()) {
    for (const auto& s : d["steps"]) {
      StepState step;
      step.number = static_cast<int>(json_int(s, "number").value_or(0));
      step.title = json_string(s, "title");
      if (s.is_object() && s.contains("estimate")) step.estimate = estimate_from(s["estimate"]);
      if (step.number <= 0) return make_error("incident.declared lists a step without a number");
      if (next.step(step.number)) return make_error("incident.declared lists step " + std::to_string(step.number) + " twice");
      next.steps.push_back(std::move(step));
    }
  }
  next.declared_at = e.ts;
  st = std::move(next);
  return {};
}

Status step_event(IncidentState& st, const Event& e) {
  const auto n = json_int(e.data, "step");
  if (!n) return make_error(std::string(to_string(e.kind)) + " names no step");
  auto it = std::find_if(st.steps.begin(), st.steps.end(), [&](const StepState& s) { return s.number == *n; });
  if (it == st.steps.end()) {
    std::string have = st.steps.empty() ? "it has no steps"
                                         : "its steps are " + std::to_string(st.steps.front().number) + " to " +
                                               std::to_string(st.steps.back().number);
    return make_error("there is no step " + std::to_string(*n) + " in this scenario: " + have);
  }
  StepState& s = *it;
  const auto reason = json_string(e.data, "reason");
  switch (e.kind) {
    case EventKind::StepStarted:
      if (s.status == StepStatus::Running) return make_error(step_name(s) + " is already running since " + at(*s.started_at));
      if (s.status == StepStatus::Done) return make_error(step_name(s) + " is already done");
      s.status = StepStatus::Running;
      s.started_at = e.ts;
      s.finished_at.reset();
      s.reason.clear();
      break;
    case EventKind::StepCompleted:
      if (s.status == StepStatus::Done) return make_error(step_name(s) + " is already done");
      if (s.status != StepStatus::Running) {
        return make_error(step_name(s) + " is " + std::string(to_string(s.status)) +
                          ", not running: start it before completing it");
      }
      s.status = StepStatus::Done;
      s.finished_at = e.ts;
      break;
    case EventKind::StepSkipped:
      if (reason.empty()) return make_error("skipping " + step_name(s) + " needs a reason");
      if (s.status == StepStatus::Done) return make_error(step_name(s) + " is already done; it cannot be skipped");
      if (s.status == StepStatus::Skipped) return make_error(step_name(s) + " is already skipped");
      s.status = StepStatus::Skipped;
      s.finished_at = e.ts;
      s.reason = reason;
      break;
    case EventKind::StepFailed:
      if (s.status != StepStatus::Running) {
        return make_error(step_name(s) + " is " + std::string(to_string(s.status)) + ", not running: only a running step can fail");
      }
      s.status = StepStatus::Failed;
      s.finished_at = e.ts;
      s.reason = reason;
      break;
    default:
      break;
  }
  s.by = e.actor;
  return {};
}

Status action_event(IncidentState& st, const Event& e) {
  const auto id = json_string(e.data, "action");
  if (id.empty()) return make_error(std::string(to_string(e.kind)) + " names no action id");
  const auto found = st.action_index.find(id);
  if (e.kind == EventKind::ActionRequested) {
    if (found != st.action_index.end()) return make_error("action " + id + " was already requested");
    ActionState a;
    a.id = id;
    a.service = json_string(e.data, "service");
    a.operation = json_string(e.data, "operation");
    a.region = json_string(e.data, "region");
    a.requested_at = e.ts;
    st.action_index.emplace(id, st.actions.size());
    st.actions.push_back(std::move(a));
    return {};
  }
  if (found == st.action_index.end()) return make_error("action " + id + " was never requested");
  ActionState& action = st.actions[found->second];
  if (action.status != ActionStatus::Pending) return make_error("action " + id + " has already finished");
  action.status = e.kind == EventKind::ActionSucceeded ? ActionStatus::Succeeded : ActionStatus::Failed;
  action.finished_at = e.ts;
  action.error_code = json_string(e.data, "error_code");
  return {};
}

Status apply_checked(IncidentState& st, const Event& e) {
  if (e.seq != st.last_seq + 1) {
    return make_error("expected seq " + std::to_string(st.last_seq + 1) + ", found " + std::to_string(e.seq));
  }
  if (e.kind == EventKind::IncidentDeclared) return declare(st, e);
  if (!st.declared) return make_error("the first event must be incident.declared");
  if (st.resolved()) {
    return make_error("incident " + st.id + " was resolved at " + at(*st.resolved_at) + "; it takes no further changes");
  }
  switch (e.kind) {
    case EventKind::StepStarted:
    case EventKind::StepCompleted:
    case EventKind::StepSkipped:
    case EventKind::StepFailed:
      return step_event(st, e);
    case EventKind::Note:
      if (json_string(e.data, "text").empty()) return make_error("a note needs text");
      ++st.notes;
      return {};
    case EventKind::Decision:
      if (json_string(e.data, "text").empty()) return make_error("a decision needs text");
      ++st.decisions;
      return {};
    case EventKind::CommsSent:
      ++st.comms;
      st.last_comms_at = e.ts;
      return {};
    case EventKind::RoleAssigned: {
      const auto role = json_string(e.data, "role");
      const auto person = json_string(e.data, "person");
      if (role.empty() || person.empty()) return make_error("a role assignment needs a role and a person");
      st.roles[role] = person;
      return {};
    }
    case EventKind::ActionRequested:
    case EventKind::ActionSucceeded:
    case EventKind::ActionFailed:
      return action_event(st, e);
    case EventKind::IncidentResolved:
      st.resolved_at = e.ts;
      st.resolution = json_string(e.data, "summary");
      return {};
    case EventKind::IncidentDeclared:
      break;
  }
  return {};
}

}  // namespace

Status apply(IncidentState& state, const Event& event) {
  // Every branch of apply_checked validates before it mutates, so a refused event leaves no trace and no
  // copy of the state is needed (a fold of 100,000 events stays linear).
  if (auto s = apply_checked(state, event); !s) return s;
  state.last_seq = event.seq;
  return {};
}

Result<IncidentState> fold(std::span<const Event> events) {
  IncidentState st;
  for (const auto& e : events) {
    if (auto s = apply(st, e); !s) return make_error("seq " + std::to_string(e.seq) + ": " + s.error().message);
  }
  return st;
}

}  // namespace drc::incident
