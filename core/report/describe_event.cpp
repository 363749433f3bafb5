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
      return who + " ran aws " + json_string(d, "service") + " " + json_string(d, "operation") + suffix(" in ", d, "region");
    case EventKind::ActionSucceeded: return "action " + json_string(d, "action") + " succeeded";
    case EventKind::ActionFailed:
      return "action " + json_string(d, "action") + " failed" + suffix(": ", d, "error_code");
    case EventKind::IncidentResolved:
      return who + " resolved the incident" + suffix(": ", d, "summary");
  }
  return who + ": " + std::string(incident::to_string(e.kind));
}

}  // namespace drc::report
