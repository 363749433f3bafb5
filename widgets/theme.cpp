#include "theme.hpp"

#include <charconv>

namespace drc::ui {

namespace {
constexpr std::array<std::string_view, kRoleCount> kRoleNames{
    "normal", "dim", "title", "accent", "selected", "ok", "warning", "alarm", "border", "key"};
}  // namespace

std::string_view role_name(Role r) { return kRoleNames[static_cast<std::size_t>(r)]; }

std::optional<Role> role_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

Theme monochrome_theme() {
  Theme t;
  t.name = "monochrome";
  auto set = [&](Role r, Style s) { t.roles[static_cast<std::size_t>(r)] = s; };
  set(Role::Dim, Style{.dim = true});
  set(Role::Title, Style{.bold = true});
  set(Role::Accent, Style{.underline = true});
  set(Role::Selected, Style{.reverse = true});
  set(Role::Warning, Style{.bold = true, .underline = true});
  set(Role::Alarm, Style{.bold = true, .reverse = true});
  set(Role::Key, Style{.bold = true});
  set(Role::Border, Style{.dim = true});
  return t;
}

std::optional<int> color_from_name(std::string_view name) {
  static constexpr std::array<std::string_view, 8> kBase{"black", "red", "green", "yellow",
                                                         "blue", "magenta", "cyan", "white"};
  if (name == "default") return -1;
  int bright = 0;
  if (name.starts_with("bright-")) {
    bright = 8;
    name.remove_prefix(7);
  }
  for (std::size_t i = 0; i < kBase.size(); ++i) {
    if (kBase[i] == name) return static_cast<int>(i) + bright;
  }
  if (name == "gray" || name == "grey") return 8;
  int n = -1;
  const auto [p, ec] = std::from_chars(name.data(), name.data() + name.size(), n);
  if (!bright && ec == std::errc() && p == name.data() + name.size() && n >= 0 && n <= 255) return n;
  return std::nullopt;
}

}  // namespace drc::ui
