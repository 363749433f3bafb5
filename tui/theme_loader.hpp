#pragma once
// Themes are YAML files (themes/NAME.yaml): a colour and attributes for each role widgets draw with.
// NO_COLOR selects the monochrome look whatever theme was asked for.

#include <filesystem>
#include <string_view>
#include <vector>

#include "util/result.hpp"
#include "widgets/theme.hpp"

namespace drc::tui {

Result<ui::Theme> load_theme_file(const std::filesystem::path& path);

// Looks for NAME.yaml in each folder in turn: the user's ($XDG_CONFIG_HOME/drconsole/themes), then the
// installed ones. The error lists the themes there are.
Result<ui::Theme> find_theme(std::string_view name, const std::vector<std::filesystem::path>& folders);

// Where themes are looked for: the user's folder, then themes/ beside the binary's install or source tree.
std::vector<std::filesystem::path> theme_folders();

}  // namespace drc::tui
