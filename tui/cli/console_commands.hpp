#pragma once
// `drconsole run` (the commander's console) and `drconsole watch` (the read-only war-room view).

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace drc::cli {

void add_console_commands(CLI::App& app, Context& ctx);

}  // namespace drc::cli
