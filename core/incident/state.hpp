#pragma once
// IncidentState = fold(events). apply() is the only place that knows which transitions are legal: the
// engine asks it before writing, and replay uses it when reading, so both agree by construction.

#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "incident/event.hpp"
#include "runbook/duration.hpp"
#include "util/result.hpp"

namespace drc::incident {

enum class StepStatus { Pending, Running, Done, Skipped, Failed };
std::string_view to_string(StepStatus s);  // "pending", "running", "done", "skipped", "failed"

struct StepState {
  int number = 0;
  std::string title;
  std::optional<runbook::DurationRange> estimate;
  StepStatus status = StepStatus::Pending;
  std::optional<Timestamp> started_at;
  std::optional<Timestamp> finished_at;
  std::string reason;  // why it was skipped or failed
  std::string by;      // who moved it last
};

enum class ActionStatus { Pending, Succeeded, Failed };

struct ActionState {
  std::string id;
  std::string service, operation, region;
  ActionStatus status = ActionStatus::Pending;
  Timestamp requested_at;
  std::optional<Timestamp> finished_at;
  std::string error_code;
};

struct IncidentObjectives {
  std::optional<std::chrono::seconds> rto;
  std::optional<std::chrono::seconds> rpo;
  std::chrono::seconds comms_every{std::chrono::minutes(15)};
};

struct IncidentState {
  bool declared = false;
  std::string id;
  std::string runbook_path, runbook_sha256, runbook_title;
  int scenario_number = 0;
  std::string scenario_title;
  std::string environment, severity, commander, mode;
  IncidentObjectives objectives;
  Timestamp declared_at{};
  std::optional<Timestamp> resolved_at;
  std::string resolution;
  std::vector<StepState> steps;
  std::optional<Timestamp> last_comms_at;
  std::map<std::string, std::string> roles;
  std::vector<ActionState> actions;                    // in the order they were requested
  std::unordered_map<std::string, std::size_t> action_index;  // id → position in actions
  std::size_t notes = 0, decisions = 0, comms = 0;
  std::uint64_t last_seq = 0;

  bool resolved() const { return resolved_at.has_value(); }
  const StepState* step(int number) const;
};

// Applies one event. On error (an illegal transition or malformed data) the state is left as it was and
// the message says what was wrong, in words for the operator.
Status apply(IncidentState& state, const Event& event);

// Replays a whole journal; the error names the seq of the first event that does not apply.
Result<IncidentState> fold(std::span<const Event> events);

}  // namespace drc::incident
