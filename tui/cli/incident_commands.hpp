#pragma once
// The incident from a shell or a pager hook: declare, step, note, decision, update, role, resolve,
// status, incidents. Every change goes through the engine, exactly as the console's keys do.

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace drc::cli {

void add_incident_commands(CLI::App& app, Context& ctx);

}  // namespace drc::cli
