#pragma once
// The console's loop: one thread owns the terminal. It redraws when something changed or a displayed
// second ticks, tails the journal four times a second (so a `drconsole note` from another shell shows
// within a second), and sends every key's command through the engine.

#include "cloud/result_queue.hpp"
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

// Returns when the operator quits. read_only is the war-room view; feed is null without a cloud.
void run_console(Screen& screen, incident::Engine& engine, const runbook::Scenario* scenario, bool read_only,
                 CloudFeed* feed = nullptr);

// A list to choose a scenario from before declaring; nullopt when the operator backs out.
std::optional<std::size_t> pick_scenario(Screen& screen, const runbook::Runbook& rb);

}  // namespace drc::tui
