#pragma once
// The console's loop: one thread owns the terminal. It redraws when something changed or a displayed
// second ticks, tails the journal four times a second (so a `drconsole note` from another shell shows
// within a second), and sends every key's command through the engine.

#include "incident/engine.hpp"
#include "runbook/runbook.hpp"
#include "terminal/screen.hpp"

namespace drc::tui {

// Returns when the operator quits. read_only is the war-room view.
void run_console(Screen& screen, incident::Engine& engine, const runbook::Scenario* scenario, bool read_only);

// A list to choose a scenario from before declaring; nullopt when the operator backs out.
std::optional<std::size_t> pick_scenario(Screen& screen, const runbook::Runbook& rb);

}  // namespace drc::tui
