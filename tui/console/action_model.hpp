#pragma once
// The console's side of running a runbook's `aws` lines: what the operator typed (and confirmed), for the
// loop to prepare and hand to the core's ActionRunner, and the last answer, for the output view.

#include <optional>
#include <string>
#include <vector>

namespace drc::tui {

struct ActionPane {
  bool available = false;                          // a cloud to run on (not the war room)
  std::vector<std::vector<std::string>> commands;  // each step's aws lines, by step index
  std::optional<std::string> line;                 // typed and entered: the loop prepares it
  int step = 0;                                    // the step it was run for
  std::optional<std::string> confirmation;         // typed at the confirmation prompt
  std::string confirm_question;                    // that prompt's label
  std::optional<std::string> output_title;         // the output view, when open
  std::vector<std::string> output;                 // its lines
  int output_scroll = 0;
};

}  // namespace drc::tui
