#pragma once
// The console's loop: one thread owns the terminal and never waits on the disk or the cloud. It redraws
// when something changed or a displayed second ticks. Every key's command goes to the engine, which runs
// on a worker thread of its own and also tails the journal (so a `drconsole note` from another shell
// shows within a second); the loop folds what the worker hands back into its own copy of the incident.

#include "cloud/result_queue.hpp"
#include <memory>

#include "incident/engine.hpp"
#include "runbook/runbook.hpp"
#include "terminal/screen.hpp"

namespace drc::tui {

// The cloud the inventory pane asks, with the queue its answers land in (the caller owns both, the queue
// outliving the cloud, so no answer arrives after the loop is gone).
struct CloudFeed {
  cloud::Cloud& cloud;
  cloud::ResultQueue& queue;
  std::vector<std::string> regions;
};

// Returns when the operator quits, with the engine back once every command sent has been written.
// read_only is the war-room view; feed is null without a cloud.
std::unique_ptr<incident::Engine> run_console(Screen& screen, std::unique_ptr<incident::Engine> engine,
                                              const runbook::Scenario* scenario, bool read_only,
                                              CloudFeed* feed = nullptr);

// A list to choose a scenario from before declaring; nullopt when the operator backs out.
std::optional<std::size_t> pick_scenario(Screen& screen, const runbook::Runbook& rb);

}  // namespace drc::tui
