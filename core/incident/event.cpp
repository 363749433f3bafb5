#include "incident/event.hpp"

#include <array>
#include <utility>

namespace drc::incident {

namespace {
constexpr std::array<std::pair<EventKind, std::string_view>, 13> kNames{{
    {EventKind::IncidentDeclared, "incident.declared"},
    {EventKind::StepStarted, "step.started"},
    {EventKind::StepCompleted, "step.completed"},
    {EventKind::StepSkipped, "step.skipped"},
    {EventKind::StepFailed, "step.failed"},
    {EventKind::Note, "note"},
    {EventKind::ActionRequested, "action.requested"},
    {EventKind::ActionSucceeded, "action.succeeded"},
    {EventKind::ActionFailed, "action.failed"},
    {EventKind::Decision, "decision"},
    {EventKind::CommsSent, "comms.sent"},
    {EventKind::RoleAssigned, "role.assigned"},
    {EventKind::IncidentResolved, "incident.resolved"},
}};
}  // namespace

std::string_view to_string(EventKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<EventKind> event_kind_from(std::string_view name) {
  for (const auto& [k, n] : kNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

}  // namespace drc::incident
