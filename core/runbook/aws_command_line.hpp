#pragma once
// Finds the `aws ...` commands in a runbook's shell code, the way a shell would split it: `\` continuations
// joined, quotes respected, `$(...)` searched too, and `$(...)`, `${VAR}`, `<id>` kept visible as placeholders.

#include <string_view>
#include <vector>

#include "runbook/runbook.hpp"

namespace drc::runbook {

// first_line is the file line of the code's first line.
std::vector<AwsCommand> find_aws_commands(std::string_view code, int first_line);

}  // namespace drc::runbook
