#pragma once
// The engine is the only writer of an incident's timeline: a view sends a command, the engine checks the
// mode's policy and the incident's state (through the reducer), appends the event durably, and folds it.

#include <memory>
#include <string>
#include <vector>

#include "incident/clock.hpp"
#include "incident/commands.hpp"
#include "incident/replica.hpp"
#include "timeline/journal.hpp"

namespace drc::incident {

enum class Mode {
  Commander,  // may change the incident
  WarRoom,    // read-only, always: refused here, in core, whatever the view does
  Drill,      // may change the incident; the cloud behind it is simulated
};

// Free text is capped so one note cannot bloat the journal; longer text is refused, not cut.
inline constexpr std::size_t kMaxTextBytes = 16 * 1024;

class Engine {
 public:
  Engine(std::unique_ptr<timeline::Journal> journal, const Clock& clock, std::string actor, Mode mode);

  // Reads what the journal holds so far (and anything appended since): call once after construction.
  // Returns how many events were new.
  Result<std::size_t> refresh();

  // Checks and records one command; returns the events written.
  Result<std::vector<Event>> execute(const Command& command);

  const IncidentState& state() const { return replica_.state(); }
  const std::vector<Event>& events() const { return replica_.events(); }
  const Clock& clock() const { return clock_; }
  std::vector<std::string> take_notices() { return journal_->take_notices(); }

 private:
  Result<EventDraft> draft(const Command& command) const;

  std::unique_ptr<timeline::Journal> journal_;
  const Clock& clock_;
  std::string actor_;
  Mode mode_;
  Replica replica_;
};

}  // namespace drc::incident
