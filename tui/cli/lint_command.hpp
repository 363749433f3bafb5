#pragma once
// `drconsole lint RUNBOOK.md [--json]`: the runbook's structure as drconsole reads it, and its problems.

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace drc::cli {

void add_lint_command(CLI::App& app, Context& ctx);

}  // namespace drc::cli
