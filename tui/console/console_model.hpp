#pragma once
// What the console remembers between frames that is not the incident: selection, focus, an open prompt,
// the last message. The incident itself is always read from the engine's state.

#include <string>
#include <vector>

#include "console/action_model.hpp"
#include "console/inventory_model.hpp"
#include "incident/state.hpp"
#include "widgets/line_editor.hpp"
#include "widgets/log_view.hpp"

namespace drc::tui {

enum class Pane { Steps, Inventory, Timeline };
enum class Prompt { None, SkipReason, FailReason, Note, StatusUpdate, ConfirmQuit, Filter, AwsCommand, ConfirmAction };

struct ConsoleModel {
  int selected = 0;  // index into the steps
  Pane focus = Pane::Steps;
  int timeline_scroll = 0;
  Prompt prompt = Prompt::None;
  ui::LineEditor editor;
  std::string message;
  bool message_is_error = false;
  bool help = false;
  bool quit = false;
  bool read_only = false;  // the war-room view
  // The backup inventory, when a cloud is attached (without one, inventory.unavailable may say why).
  bool has_cloud = false;
  InventoryPane inventory;
  ActionPane actions;  // the step's aws lines, run through the core when a cloud is attached
};

// The timeline as lines of text, described event by event as they arrive.
class TimelineText {
 public:
  // Describes events not yet seen; returns true if any were added.
  bool update(const std::vector<incident::Event>& events);
  const std::vector<ui::LogLine>& lines() const { return lines_; }

 private:
  incident::IncidentState replay_;
  std::size_t described_ = 0;
  std::vector<ui::LogLine> lines_;
};

}  // namespace drc::tui
