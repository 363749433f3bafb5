#pragma once
// The console's loop: one thread owns the terminal and never waits on the disk or the cloud. It redraws
// when something changed or a displayed second ticks. Every key's command goes to the engine, which runs
// on a worker thread of its own and also tails the journal (so a `drconsole note` from another shell
// shows within a second); the loop folds what the worker hands back into its own copy of the incident.

#include <memory>
#include <string>

#include "console/inventory_feed.hpp"
#include "incident/engine.hpp"
#include "runbook/runbook.hpp"
#include "terminal/screen.hpp"

namespace drc::tui {

// Returns when the operator quits, with the engine back once every command sent has been written.
// read_only is the war-room view. feed is the cloud the inventory pane asks, null without one; then
// no_inventory, when not empty, says in the pane why there is none.
std::unique_ptr<incident::Engine> run_console(Screen& screen, std::unique_ptr<incident::Engine> engine,
                                              const runbook::Scenario* scenario, bool read_only,
                                              CloudFeed* feed = nullptr, const std::string& no_inventory = {});

// A list to choose a scenario from before declaring; nullopt when the operator backs out.
std::optional<std::size_t> pick_scenario(Screen& screen, const runbook::Runbook& rb);

}  // namespace drc::tui
