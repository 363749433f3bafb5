#pragma once
// `drconsole timeline verify FILE` and `drconsole timeline export FILE --format md|json`.

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace drc::cli {

void add_timeline_commands(CLI::App& app, Context& ctx);

}  // namespace drc::cli
