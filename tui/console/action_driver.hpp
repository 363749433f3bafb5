#pragma once
// The console's hands on a runbook's aws lines: what the operator entered is read against the models,
// confirmed when it writes to production, and handed to the core's ActionRunner, which records it through
// the engine and sends it; answers come back between frames as a message and an output view.

#include <optional>

#include "actions/action_runner.hpp"
#include "console/console_model.hpp"
#include "console/inventory_feed.hpp"
#include "runbook/runbook.hpp"

namespace drc::tui {

class ActionDriver {
 public:
  ActionDriver(ActionsFeed& feed, incident::EngineWorker& worker)
      : feed_(feed), runner_(feed.cloud, feed.access, worker, feed.policy) {}

  // Each step's aws lines, for the prompt to start from.
  static std::vector<std::vector<std::string>> lines_of(const runbook::Scenario* scenario);

  // Takes what the operator entered or confirmed; true if the screen changed.
  bool take_input(ConsoleModel& model);
  // The engine's outcomes (a request written sends its call) and the answers that came; true if shown.
  bool on_report(const std::vector<incident::EngineWorker::Outcome>& outcomes, ConsoleModel& model);
  bool busy() const { return runner_.pending() > 0; }
  // At quit: closes every action still open in the timeline.
  void finish(std::chrono::milliseconds limit) { runner_.finish_all(limit); }

 private:
  ActionsFeed& feed_;
  actions::ActionRunner runner_;
  std::optional<actions::PreparedAction> awaiting_;  // a production write waiting for its confirmation
  int awaiting_step_ = 0;
};

}  // namespace drc::tui
