#pragma once
// `drconsole aws SERVICE OPERATION [args]`: any modelled AWS operation, as the aws CLI runs it.

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace drc::cli {

void add_aws_command(CLI::App& app, Context& ctx);

}  // namespace drc::cli
