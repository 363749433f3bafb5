#pragma once
// What widgets draw with: semantic roles, and a theme that says how each role looks. Widgets name roles
// ("alarm", "ok"), never colours, so themes and NO_COLOR change the look without touching a widget.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace drc::ui {

enum class Role : std::uint8_t {
  Normal,
  Dim,
  Title,
  Accent,
  Selected,
  Ok,
  Warning,
  Alarm,
  Border,
  Key,
  kCount,
};
inline constexpr std::size_t kRoleCount = static_cast<std::size_t>(Role::kCount);

std::string_view role_name(Role r);  // "normal", "dim", ...
std::optional<Role> role_from_name(std::string_view name);

// A terminal colour: -1 is the terminal's default, 0-255 the palette.
struct Style {
  int fg = -1;
  int bg = -1;
  bool bold = false;
  bool dim = false;
  bool underline = false;
  bool reverse = false;
  friend bool operator==(const Style&, const Style&) = default;
};

struct Theme {
  std::string name;
  std::array<Style, kRoleCount> roles{};
  const Style& style(Role r) const { return roles[static_cast<std::size_t>(r)]; }
  friend bool operator==(const Theme&, const Theme&) = default;
};

// The built-in look without colour (NO_COLOR, or a terminal that has none): attributes only, still
// distinguishing selection, warnings and alarms.
Theme monochrome_theme();

// "red", "bright-blue", "default", "208" → palette index (-1 for default); nullopt if unknown.
std::optional<int> color_from_name(std::string_view name);

}  // namespace drc::ui
