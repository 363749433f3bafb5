#pragma once
// The tail of a log: newest at the bottom, one line each, with a time column; scrolls back on request.

#include <string>
#include <vector>

#include "canvas.hpp"

namespace drc::ui {

struct LogLine {
  std::string time;
  std::string text;
  Role role = Role::Normal;
};

struct LogModel {
  std::vector<LogLine> lines;
  int scroll_back = 0;  // lines above the newest: 0 follows the tail
};

void draw_log(Canvas& canvas, Rect area, const LogModel& model);

}  // namespace drc::ui
