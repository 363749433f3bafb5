#pragma once
// XDG base directories: where drconsole keeps its state and reads its configuration.

#include <filesystem>

#include "util/result.hpp"

namespace drc {

// $XDG_STATE_HOME/drconsole, else ~/.local/state/drconsole.
Result<std::filesystem::path> state_dir();
// $XDG_CONFIG_HOME/drconsole, else ~/.config/drconsole.
Result<std::filesystem::path> config_dir();

// Creates the folder and its missing parents; drconsole's own folders are 0700.
Status make_private_dir(const std::filesystem::path& dir);

}  // namespace drc
