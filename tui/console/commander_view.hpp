#pragma once
// The console's screen, drawn from the incident's state and the console model into a canvas: header with
// the RTO countdown, the step checklist, the selected step's text and commands, the live timeline, and
// the key bar (or the open prompt).

#include <vector>

#include "console/console_model.hpp"
#include "runbook/runbook.hpp"
#include "widgets/canvas.hpp"

namespace drc::tui {

inline constexpr int kMinWidth = 80;
inline constexpr int kMinHeight = 24;

struct ViewInput {
  const incident::IncidentState& state;
  const std::vector<ui::LogLine>& timeline;
  const runbook::Scenario* scenario;  // the step texts; null when the runbook could not be read
  const ConsoleModel& model;
  Timestamp now;
};

void draw_console(ui::Canvas& canvas, const ViewInput& in);

}  // namespace drc::tui
