#pragma once
// Python's getpass for `drconsole aws`: a secret (an MFA code) asked for on the controlling terminal and
// read there without echo, so it reaches neither the screen's scrollback nor a pipe's reader.

#include <optional>
#include <string>

namespace drc::cli {

// The line typed, without its newline; nullopt at end of input. Without a terminal, standard input is
// read (with the prompt and a warning on standard error), as getpass falls back.
std::optional<std::string> ask_secret(const std::string& prompt);

}  // namespace drc::cli
