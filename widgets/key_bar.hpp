#pragma once
// The footer's key hints: "s start  c complete  ? help". Hints that do not fit are left out from the end.

#include <string>
#include <vector>

#include "canvas.hpp"

namespace drc::ui {

struct KeyHint {
  std::string key;
  std::string label;
};

void draw_key_bar(Canvas& canvas, Rect area, const std::vector<KeyHint>& hints, std::string_view right_text = {});

}  // namespace drc::ui
