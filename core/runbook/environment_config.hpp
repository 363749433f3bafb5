#pragma once
// Environments described outside the runbook, in $XDG_CONFIG_HOME/drconsole/config.yaml, under the same
// `environments:` key and with the same settings as front matter. The runbook's own word wins; the
// config fills in what it leaves out (a team often keeps accounts and regions in one place).

#include <filesystem>
#include <map>
#include <string>

#include "runbook/runbook.hpp"
#include "util/result.hpp"

namespace drc::runbook {

// The environments of a config file; a missing file has none. A file that cannot be read, or holds an
// error, fails with "PATH:LINE: what is wrong".
Result<std::map<std::string, Environment>> load_environment_config(const std::filesystem::path& path);

// `base` (the runbook's) with every setting it leaves empty taken from `fallback`.
Environment merge_environment(Environment base, const Environment& fallback);

// The environment called `name` (matched loosely): the runbook's, completed from the config file's of the
// same name, or the config file's alone. nullopt when neither has it; an error when the config is broken.
Result<std::optional<Environment>> resolve_environment(const Runbook& rb, std::string_view name,
                                                       const std::filesystem::path& config_file);

}  // namespace drc::runbook
