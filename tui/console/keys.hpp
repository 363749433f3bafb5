#pragma once
// Keys to intentions. A key either changes the console model (selection, prompts) or asks the engine for
// a command; the console never writes the journal itself. In the war room the commands are still sent,
// and the engine refuses them: read-only is enforced in core, not in this key map.

#include <optional>

#include "console/console_model.hpp"
#include "incident/commands.hpp"
#include "terminal/screen.hpp"

namespace drc::tui {

std::optional<incident::Command> handle_key(ConsoleModel& model, const KeyEvent& key,
                                            const incident::IncidentState& state);

// An editing key (text, Backspace, arrows, Home, End) applied to a prompt's line.
void edit_key(ui::LineEditor& editor, const KeyEvent& key);

// The step to select on opening: the first running one, else the first pending one.
int first_open_step(const incident::IncidentState& state);

}  // namespace drc::tui
