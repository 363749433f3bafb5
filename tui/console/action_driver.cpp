#include "console/action_driver.hpp"

#include <sstream>

#include "aws/cli/output.hpp"

namespace drc::tui {

std::vector<std::vector<std::string>> ActionDriver::lines_of(const runbook::Scenario* scenario) {
  std::vector<std::vector<std::string>> out;
  if (!scenario) return out;
  for (const auto& step : scenario->steps) {
    std::vector<std::string> lines;
    for (const auto& c : step.commands) lines.push_back(c.text);
    out.push_back(std::move(lines));
  }
  return out;
}

bool ActionDriver::take_input(ConsoleModel& m) {
  auto& a = m.actions;
  if (a.line) {
    const auto line = std::move(*a.line);
    a.line.reset();
    auto prepared = actions::prepare_action(*feed_.catalog, line, feed_.region);
    if (!prepared) {
      m.message = "not run: " + prepared.error().message;
      m.message_is_error = true;
      return true;
    }
    if (runner_.needs_confirmation(*prepared)) {
      // Core refuses the write without the name; asking here is what lets the operator give it.
      a.confirm_question = "A change in " + feed_.policy.environment + ": type " + feed_.policy.environment + " to run " +
                           prepared->summary + ":";
      awaiting_ = std::move(*prepared);
      awaiting_step_ = a.step;
      m.prompt = Prompt::ConfirmAction;
      m.editor = ui::LineEditor();
      return true;
    }
    runner_.request(std::move(*prepared), a.step);
    m.message = "running " + line.substr(0, 200) + " …";
    m.message_is_error = false;
    return true;
  }
  if (a.confirmation) {
    const auto typed = std::move(*a.confirmation);
    a.confirmation.reset();
    if (!awaiting_) return false;
    runner_.request(std::move(*awaiting_), awaiting_step_, typed);
    awaiting_.reset();
    m.message = "running …";
    m.message_is_error = false;
    return true;
  }
  if (m.prompt != Prompt::ConfirmAction && awaiting_) awaiting_.reset();  // Escape at the confirmation
  return false;
}

bool ActionDriver::on_report(const std::vector<incident::EngineWorker::Outcome>& outcomes, ConsoleModel& m) {
  runner_.on_outcomes(outcomes);
  bool shown = false;
  for (auto& f : runner_.take_finished()) {
    const auto& r = f.result;
    const auto took = std::to_string(r.duration.count() / 1000) + "." + std::to_string((r.duration.count() % 1000) / 100) + "s";
    if (r.ok()) {
      m.message = f.action.summary + ": done in " + took + " (Enter on the output view closes it)";
      m.message_is_error = false;
      // The answer as the aws CLI would print it.
      m.actions.output_title = f.action.summary + " · " + took + (r.request_id.empty() ? "" : " · request " + r.request_id);
      m.actions.output.clear();
      std::istringstream lines(aws::cli::format_json(aws::cli::to_ordered(r.output)));
      for (std::string l; std::getline(lines, l);) m.actions.output.push_back(l);
      m.actions.output_scroll = 0;
    } else {
      m.message = f.action.summary + " failed: " + r.error->code + ": " + r.error->message;
      m.message_is_error = true;
    }
    shown = true;
  }
  for (auto& p : runner_.take_problems()) {
    m.message = p;
    m.message_is_error = true;
    shown = true;
  }
  return shown;
}

}  // namespace drc::tui
