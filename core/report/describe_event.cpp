#include "report/describe_event.hpp"

#include "util/json_fields.hpp"

namespace drc::report {

using incident::EventKind;

namespace {

// ": text" when the field has text, else nothing.
std::string suffix(const char* before, const nlohmann::json& d, const char* key) {
  auto v = json_string(d, key);
  return v.empty() ? v : before + v;
}

std::string step_label(const nlohmann::json& d, const incident::IncidentState& st) {
  const auto n = json_int(d, "step");
  if (!n) return "a step";
  const auto* step = st.step(static_cast<int>(*n));
  return "step " + std::to_string(*n) + (step ? ": " + step->title : "");
}

std::string took(const nlohmann::json& d, const incident::IncidentState& st, Timestamp at) {
  const auto n = json_int(d, "step");
  if (!n) return "";
  const auto* step = st.step(static_cast<int>(*n));
  if (!step || !step->started_at) return "";
  return " (" + format_compact(std::chrono::duration_cast<std::chrono::seconds>(at - *step->started_at)) + ")";
}

// "rds DeleteDBInstance": what an action was, from its request.
std::string action_label(const nlohmann::json& d, const incident::IncidentState& st) {
  const auto id = json_string(d, "action");
  const auto it = st.action_index.find(id);
  if (it == st.action_index.end()) return "action " + id;
  const auto& a = st.actions[it->second];
  return a.service + " " + a.operation;
}

std::string in_ms(const nlohmann::json& d) {
  const auto ms = json_int(d, "duration_ms");
  if (!ms) return "";
  return " in " + std::to_string(*ms / 1000) + "." + std::to_string((*ms % 1000) / 100) + "s";
}

}  // namespace

std::string describe_event(const incident::Event& e, const incident::IncidentState& before) {
  const auto& d = e.data;
  const std::string& who = e.actor;
  switch (e.kind) {
    case EventKind::IncidentDeclared: {
      std::string scenario;
      if (auto it = d.find("scenario"); it != d.end() && it->is_object()) scenario = json_string(*it, "title");
      return who + " declared the incident: \"" + scenario + "\" in " + json_string(d, "environment") + ", " +
             json_string(d, "severity") + suffix(", commander ", d, "commander");
    }
    case EventKind::StepStarted: return who + " started " + step_label(d, before);
    case EventKind::StepCompleted:
      return who + " completed " + step_label(d, before) + took(d, before, e.ts) + suffix(": ", d, "note");
    case EventKind::StepSkipped: return who + " skipped " + step_label(d, before) + ": " + json_string(d, "reason");
    case EventKind::StepFailed:
      return who + " marked " + step_label(d, before) + " failed" + took(d, before, e.ts) + suffix(": ", d, "reason");
    case EventKind::Note: return who + ": " + json_string(d, "text");
    case EventKind::Decision: return who + " decided: " + json_string(d, "text");
    case EventKind::CommsSent:
      return who + " sent a status update" + suffix(" to ", d, "channel") + suffix(": ", d, "text");
    case EventKind::RoleAssigned: return who + " assigned " + json_string(d, "role") + " to " + json_string(d, "person");
    case EventKind::ActionRequested:
      return who + " ran " + json_string(d, "service") + " " + json_string(d, "operation") + suffix(" in ", d, "region") +
             (json_int(d, "step") ? " for " + step_label(d, before) : "");
    case EventKind::ActionSucceeded: return action_label(d, before) + " succeeded" + in_ms(d);
    case EventKind::ActionFailed:
      return action_label(d, before) + " failed" + in_ms(d) + suffix(": ", d, "error_code") + suffix(": ", d, "message");
    case EventKind::IncidentResolved:
      return who + " resolved the incident" + suffix(": ", d, "summary");
  }
  return who + ": " + std::string(incident::to_string(e.kind));
}

}  // namespace drc::report
