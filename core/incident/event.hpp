#pragma once
// An incident is its events. Each is appended once, in order, by the engine; everything else is derived.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "util/time_format.hpp"

namespace drc::incident {

enum class EventKind {
  IncidentDeclared,
  StepStarted,
  StepCompleted,
  StepSkipped,
  StepFailed,
  Note,
  ActionRequested,
  ActionSucceeded,
  ActionFailed,
  Decision,
  CommsSent,
  RoleAssigned,
  IncidentResolved,
};

std::string_view to_string(EventKind kind);  // "incident.declared", "step.started", ...
std::optional<EventKind> event_kind_from(std::string_view name);

// What the engine decides to record, before the journal gives it a place in the chain.
struct EventDraft {
  Timestamp ts;
  std::string actor;
  EventKind kind;
  nlohmann::json data;
};

struct Event {
  std::uint64_t seq = 0;  // 1, 2, 3, ... with no gaps
  Timestamp ts;
  std::string actor;
  EventKind kind = EventKind::Note;
  nlohmann::json data;
  std::string prev;  // hash of the previous event (64 zeros for the first)
  std::string hash;  // SHA-256 over prev and this event's canonical content
};

}  // namespace drc::incident
