#pragma once
// The debug log of AWS requests and responses (redacted by the client): to stderr for the command line,
// and, for the console, which owns the terminal, to $XDG_STATE_HOME/drconsole/drconsole.log. On with
// --debug or DRC_LOG=debug; off, nothing is formatted at all.

#include <functional>
#include <string>

#include "util/result.hpp"

namespace drc::cli {

using DebugSink = std::function<void(const std::string&)>;

bool debug_wanted(bool flag);
// A sink to stderr.
DebugSink stderr_debug_log();
// A sink to the state folder's drconsole.log (0600, appended); the error says why it could not be opened.
Result<DebugSink> file_debug_log();

}  // namespace drc::cli
