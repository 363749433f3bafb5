#include "report/describe_event.hpp"

namespace drc::report {

using incident::EventKind;

namespace {

std::string s(const nlohmann::json& d, const char* k) {
  auto it = d.find(k);
  return it != d.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string step_label(const nlohmann::json& d, const incident::IncidentState& st) {
  auto it = d.find("step");
  if (it == d.end() || !it->is_number_integer()) return "a step";
  const int n = it->get<int>();
  const auto* step = st.step(n);
  return "step " + std::to_string(n) + (step ? ": " + step->title : "");
}

std::string took(const nlohmann::json& d, const incident::IncidentState& st, Timestamp at) {
  auto it = d.find("step");
  if (it == d.end() || !it->is_number_integer()) return "";
  const auto* step = st.step(it->get<int>());
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
      if (auto it = d.find("scenario"); it != d.end() && it->is_object()) scenario = s(*it, "title");
      return who + " declared the incident: \"" + scenario + "\" in " + s(d, "environment") + ", " + s(d, "severity") +
             (s(d, "commander").empty() ? "" : ", commander " + s(d, "commander"));
    }
    case EventKind::StepStarted: return who + " started " + step_label(d, before);
    case EventKind::StepCompleted:
      return who + " completed " + step_label(d, before) + took(d, before, e.ts) +
             (s(d, "note").empty() ? "" : ": " + s(d, "note"));
    case EventKind::StepSkipped: return who + " skipped " + step_label(d, before) + ": " + s(d, "reason");
    case EventKind::StepFailed:
      return who + " marked " + step_label(d, before) + " failed" + took(d, before, e.ts) +
             (s(d, "reason").empty() ? "" : ": " + s(d, "reason"));
    case EventKind::Note: return who + ": " + s(d, "text");
    case EventKind::Decision: return who + " decided: " + s(d, "text");
    case EventKind::CommsSent:
      return who + " sent a status update" + (s(d, "channel").empty() ? "" : " to " + s(d, "channel")) +
             (s(d, "text").empty() ? "" : ": " + s(d, "text"));
    case EventKind::RoleAssigned: return who + " assigned " + s(d, "role") + " to " + s(d, "person");
    case EventKind::ActionRequested:
      return who + " ran aws " + s(d, "service") + " " + s(d, "operation") +
             (s(d, "region").empty() ? "" : " in " + s(d, "region"));
    case EventKind::ActionSucceeded: return "action " + s(d, "action") + " succeeded";
    case EventKind::ActionFailed:
      return "action " + s(d, "action") + " failed" + (s(d, "error_code").empty() ? "" : ": " + s(d, "error_code"));
    case EventKind::IncidentResolved:
      return who + " resolved the incident" + (s(d, "summary").empty() ? "" : ": " + s(d, "summary"));
  }
  return who + ": " + std::string(incident::to_string(e.kind));
}

}  // namespace drc::report
