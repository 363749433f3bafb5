#include "theme_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <set>

#include "util/xdg.hpp"

#ifndef DRC_THEMES_DIR
#define DRC_THEMES_DIR ""
#endif
#ifndef DRC_INSTALLED_THEMES_DIR
#define DRC_INSTALLED_THEMES_DIR ""
#endif

namespace drc::tui {

namespace fs = std::filesystem;

namespace {

std::string where(const fs::path& path, const YAML::Node& n) {
  return path.string() + ":" + std::to_string(n.Mark().line + 1);
}

Result<ui::Style> read_style(const fs::path& path, const YAML::Node& node) {
  ui::Style s;
  if (node.IsNull()) return s;
  if (!node.IsMap()) return make_error(where(path, node) + ": a role's style is a mapping such as { fg: red, bold: true }");
  for (const auto& kv : node) {
    const auto key = kv.first.as<std::string>();
    if (key == "fg" || key == "bg") {
      auto c = ui::color_from_name(kv.second.as<std::string>());
      if (!c) {
        return make_error(where(path, kv.second) + ": unknown colour '" + kv.second.as<std::string>() +
                          "' (use default, black, red, green, yellow, blue, magenta, cyan, white, bright-..., or 0-255)");
      }
      (key == "fg" ? s.fg : s.bg) = *c;
    } else if (key == "bold" || key == "dim" || key == "underline" || key == "reverse") {
      bool v = false;
      if (!YAML::convert<bool>::decode(kv.second, v)) return make_error(where(path, kv.second) + ": " + key + " is true or false");
      if (key == "bold") s.bold = v;
      if (key == "dim") s.dim = v;
      if (key == "underline") s.underline = v;
      if (key == "reverse") s.reverse = v;
    } else {
      return make_error(where(path, kv.first) + ": unknown style key '" + key + "' (fg, bg, bold, dim, underline, reverse)");
    }
  }
  return s;
}

}  // namespace

Result<ui::Theme> load_theme_file(const fs::path& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path.string());
  } catch (const YAML::BadFile&) {
    return make_error(path.string() + ": cannot read the theme");
  } catch (const YAML::Exception& e) {
    return make_error(path.string() + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
  }
  try {
    if (!root.IsMap() || !root["roles"] || !root["roles"].IsMap()) {
      return make_error(path.string() + ": a theme needs 'name' and 'roles' (normal, dim, title, ...)");
    }
    ui::Theme t;
    t.name = root["name"] ? root["name"].as<std::string>() : path.stem().string();
    std::set<ui::Role> seen;
    for (const auto& kv : root["roles"]) {
      const auto name = kv.first.as<std::string>();
      auto role = ui::role_from_name(name);
      if (!role) return make_error(where(path, kv.first) + ": unknown role '" + name + "'");
      auto style = read_style(path, kv.second);
      if (!style) return style.error();
      t.roles[static_cast<std::size_t>(*role)] = *style;
      seen.insert(*role);
    }
    for (std::size_t i = 0; i < ui::kRoleCount; ++i) {
      if (!seen.count(static_cast<ui::Role>(i))) {
        return make_error(path.string() + ": role '" + std::string(ui::role_name(static_cast<ui::Role>(i))) + "' is missing");
      }
    }
    return t;
  } catch (const YAML::Exception& e) {
    return make_error(path.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

Result<ui::Theme> find_theme(std::string_view name, const std::vector<fs::path>& folders) {
  std::set<std::string> known;
  for (const auto& dir : folders) {
    const auto candidate = dir / (std::string(name) + ".yaml");
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return load_theme_file(candidate);
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      if (e.path().extension() == ".yaml") known.insert(e.path().stem().string());
    }
  }
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  return make_error("no theme '" + std::string(name) + "'" + (list.empty() ? "" : "; themes: " + list));
}

std::vector<fs::path> theme_folders() {
  std::vector<fs::path> out;
  if (auto cfg = config_dir()) out.push_back(*cfg / "themes");
  if (*DRC_INSTALLED_THEMES_DIR) out.emplace_back(DRC_INSTALLED_THEMES_DIR);
  if (*DRC_THEMES_DIR) out.emplace_back(DRC_THEMES_DIR);
  return out;
}

}  // namespace drc::tui
