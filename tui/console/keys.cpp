#include "console/keys.hpp"

#include <algorithm>

#include "console/inventory_keys.hpp"

namespace drc::tui {

using T = KeyEvent::Type;

namespace {

std::optional<incident::Command> finish_prompt(ConsoleModel& m, int step) {
  const auto text = m.editor.text();
  const auto prompt = m.prompt;
  m.prompt = Prompt::None;
  m.editor = ui::LineEditor();
  switch (prompt) {
    case Prompt::SkipReason: return incident::SkipStep{step, text};
    case Prompt::FailReason: return incident::FailStep{step, text};
    case Prompt::Note: return incident::AddNote{text};
    case Prompt::StatusUpdate: return incident::RecordComms{"", text};
    case Prompt::AwsCommand:
      m.actions.line = text;
      m.actions.step = step;
      break;
    case Prompt::ConfirmAction: m.actions.confirmation = text; break;
    case Prompt::ConfirmQuit:
    case Prompt::Filter:
    case Prompt::None: break;
  }
  return std::nullopt;
}

std::optional<incident::Command> prompt_key(ConsoleModel& m, const KeyEvent& k, int step) {
  if (m.prompt == Prompt::ConfirmQuit) {
    m.quit = k.type == T::Char && (k.text == "y" || k.text == "Y");
    m.prompt = Prompt::None;
    return std::nullopt;
  }
  switch (k.type) {
    case T::Escape:
      if (m.prompt == Prompt::ConfirmAction) m.message = "not run";
      m.prompt = Prompt::None;
      m.editor = ui::LineEditor();
      return std::nullopt;
    case T::Enter: return finish_prompt(m, step);
    default: edit_key(m.editor, k); break;
  }
  return std::nullopt;
}

}  // namespace

void edit_key(ui::LineEditor& e, const KeyEvent& k) {
  switch (k.type) {
    case T::Char: e.insert(k.text); break;
    case T::Backspace: e.edit(ui::EditKey::Backspace); break;
    case T::Delete: e.edit(ui::EditKey::Delete); break;
    case T::Left: e.edit(ui::EditKey::Left); break;
    case T::Right: e.edit(ui::EditKey::Right); break;
    case T::Home: e.edit(ui::EditKey::Home); break;
    case T::End: e.edit(ui::EditKey::End); break;
    default: break;
  }
}

int first_open_step(const incident::IncidentState& st) {
  for (std::size_t i = 0; i < st.steps.size(); ++i) {
    if (st.steps[i].status == incident::StepStatus::Running) return static_cast<int>(i);
  }
  for (std::size_t i = 0; i < st.steps.size(); ++i) {
    if (st.steps[i].status == incident::StepStatus::Pending) return static_cast<int>(i);
  }
  return 0;
}

std::optional<incident::Command> handle_key(ConsoleModel& m, const KeyEvent& k, const incident::IncidentState& st) {
  const int count = static_cast<int>(st.steps.size());
  const int step = count > 0 ? st.steps[static_cast<std::size_t>(std::clamp(m.selected, 0, count - 1))].number : 0;
  if (m.prompt == Prompt::Filter) {
    filter_key(m, k);
    return std::nullopt;
  }
  if (m.prompt != Prompt::None) return prompt_key(m, k, step);
  m.message.clear();
  if (m.help) {
    if (k.type == T::Escape || (k.type == T::Char && (k.text == "?" || k.text == "q"))) m.help = false;
    return std::nullopt;
  }
  if (m.inventory.detail) {
    detail_key(m, k);
    return std::nullopt;
  }
  if (m.actions.output_title) {
    // The output view takes the keys until it is closed.
    if (k.type == T::Escape || k.type == T::Enter || (k.type == T::Char && k.text == "q")) m.actions.output_title.reset();
    if (k.type == T::Down || k.type == T::PageDown || (k.type == T::Char && k.text == "j")) m.actions.output_scroll += k.type == T::PageDown ? 10 : 1;
    if (k.type == T::Up || k.type == T::PageUp || (k.type == T::Char && k.text == "k")) {
      m.actions.output_scroll = std::max(0, m.actions.output_scroll - (k.type == T::PageUp ? 10 : 1));
    }
    return std::nullopt;
  }
  if (m.focus == Pane::Inventory && m.has_cloud && inventory_key(m, k)) return std::nullopt;
  const bool steps = m.focus == Pane::Steps;
  switch (k.type) {
    case T::Up: (steps ? m.selected -= 1 : m.timeline_scroll += 1); break;
    case T::Down: (steps ? m.selected += 1 : m.timeline_scroll -= 1); break;
    case T::Home: m.selected = 0; break;
    case T::End: m.selected = count - 1; break;
    case T::PageUp: m.timeline_scroll += 5; break;
    case T::PageDown: m.timeline_scroll -= 5; break;
    case T::Tab:
      m.focus = m.focus == Pane::Steps ? (m.has_cloud ? Pane::Inventory : Pane::Timeline)
                : m.focus == Pane::Inventory ? Pane::Timeline
                                             : Pane::Steps;
      break;
    case T::BackTab:
      m.focus = m.focus == Pane::Steps ? Pane::Timeline
                : m.focus == Pane::Timeline ? (m.has_cloud ? Pane::Inventory : Pane::Steps)
                                            : Pane::Steps;
      break;
    case T::Escape: break;
    case T::Char: {
      const auto& c = k.text;
      if (c == "k") (steps ? m.selected -= 1 : m.timeline_scroll += 1);
      if (c == "j") (steps ? m.selected += 1 : m.timeline_scroll -= 1);
      if (c == "r" && m.has_cloud) m.inventory.refresh_requested = true;
      if (c == "?") m.help = true;
      if (c == "q") {
        if (m.read_only || st.resolved()) {
          m.quit = true;
        } else {
          m.prompt = Prompt::ConfirmQuit;
        }
      }
      if (count == 0 && (c == "s" || c == "c" || c == "x" || c == "f")) break;
      if (c == "s") return incident::StartStep{step};
      if (c == "c") return incident::CompleteStep{step, ""};
      if (m.read_only && (c == "x" || c == "f" || c == "n" || c == "u")) return incident::AddNote{c};  // refused by core
      if (c == "x") m.prompt = Prompt::SkipReason;
      if (c == "f") m.prompt = Prompt::FailReason;
      if (c == "n") m.prompt = Prompt::Note;
      if (c == "u") m.prompt = Prompt::StatusUpdate;
      if (c == "a") {
        if (!m.actions.available) {
          m.message = m.read_only ? "the war-room view runs nothing" : "no cloud attached: the environment names no region";
          m.message_is_error = true;
          break;
        }
        // The step's first aws line, to check and fill in before it runs.
        m.prompt = Prompt::AwsCommand;
        const auto index = static_cast<std::size_t>(std::clamp(m.selected, 0, std::max(0, count - 1)));
        const auto& lines = m.actions.commands;
        m.editor.insert(index < lines.size() && !lines[index].empty() ? lines[index].front() : "aws ");
      }
      break;
    }
    default: break;
  }
  m.selected = std::clamp(m.selected, 0, std::max(0, count - 1));
  m.timeline_scroll = std::max(0, m.timeline_scroll);
  return std::nullopt;
}

}  // namespace drc::tui
