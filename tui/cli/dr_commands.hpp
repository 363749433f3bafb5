#pragma once
// `drconsole inventory` and `drconsole check`: the backup inventory with its RPO posture, and the DR test
// suite (backup, snapshot, pitr, full), without the TUI.

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace drc::cli {

void add_dr_commands(CLI::App& app, Context& ctx);

}  // namespace drc::cli
