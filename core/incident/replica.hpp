#pragma once
// A copy of an incident built by folding events in journal order: the engine keeps one, and a view keeps
// another from the events the engine's worker hands it.

#include <span>
#include <string>
#include <vector>

#include "incident/state.hpp"

namespace drc::incident {

class Replica {
 public:
  // Folds events in order; stops at the first that does not apply and says which (source names the
  // journal, for the message). Events before it are kept.
  Status take(std::span<const Event> events, const std::string& source);

  const IncidentState& state() const { return state_; }
  const std::vector<Event>& events() const { return events_; }

 private:
  IncidentState state_;
  std::vector<Event> events_;
};

}  // namespace drc::incident
