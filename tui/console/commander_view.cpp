#include "console/commander_view.hpp"

#include "console/inventory_detail.hpp"
#include "console/inventory_pane.hpp"
#include "incident/progress.hpp"
#include "widgets/big_clock.hpp"
#include "widgets/checklist.hpp"
#include "widgets/key_bar.hpp"
#include "widgets/line_editor.hpp"
#include "widgets/modal.hpp"
#include "widgets/text_block.hpp"

namespace drc::tui {

using namespace std::chrono;
using incident::StepStatus;
using ui::Role;

namespace {

const char* mark(StepStatus s) {
  switch (s) {
    case StepStatus::Pending: return " ";
    case StepStatus::Running: return "▶";
    case StepStatus::Done: return "✓";
    case StepStatus::Skipped: return "↷";
    case StepStatus::Failed: return "✗";
  }
  return " ";
}

Role mark_role(StepStatus s) {
  switch (s) {
    case StepStatus::Running: return Role::Accent;
    case StepStatus::Done: return Role::Ok;
    case StepStatus::Failed: return Role::Alarm;
    default: return Role::Dim;
  }
}

void draw_too_small(ui::Canvas& c) {
  const std::string a = "Terminal too small: " + std::to_string(c.width()) + "x" + std::to_string(c.height());
  const std::string b = "drconsole needs at least " + std::to_string(kMinWidth) + "x" + std::to_string(kMinHeight);
  c.text(std::max(0, (c.width() - ui::display_width(a)) / 2), c.height() / 2 - 1, a, Role::Warning);
  c.text(std::max(0, (c.width() - ui::display_width(b)) / 2), c.height() / 2, b, Role::Normal);
}

void draw_header(ui::Canvas& c, const ViewInput& in) {
  const auto& st = in.state;
  const int w = c.width();
  c.fill({0, 0, w, 1}, Role::Title);
  std::string left = " " + st.severity + "  " + st.environment + (st.mode == "drill" ? "  DRILL" : "") + "  " +
                     st.scenario_title;
  std::string right = (st.resolved() ? "RESOLVED  " : "") + st.id + " ";
  c.text(0, 0, ui::ellipsize(left, w - ui::display_width(right) - 1), Role::Title);
  c.text(w - ui::display_width(right), 0, right, st.resolved() ? Role::Ok : Role::Title);

  int x = 2;
  const auto rto = incident::rto_status(st, in.now);
  if (rto) {
    const auto text = format_hms(rto->remaining);
    const Role role = rto->level == incident::RtoLevel::Overrun   ? Role::Alarm
                      : rto->level == incident::RtoLevel::Warning ? Role::Warning
                                                                  : Role::Ok;
    ui::draw_big_clock(c, x, 1, text, role);
    x += ui::big_clock_width(text) + 3;
  }
  const auto elapsed = duration_cast<seconds>(st.resolved_at.value_or(in.now) - st.declared_at);
  c.text(x, 1, rto ? "RTO " + format_compact(*st.objectives.rto) + (rto->remaining < seconds::zero() ? " overrun" : " remaining")
                   : "RTO not set by the runbook",
         rto ? Role::Normal : Role::Dim);
  c.text(x, 2, "RPO target " + (st.objectives.rpo ? format_compact(*st.objectives.rpo) : std::string("not set")) +
                   "   elapsed " + format_hms(elapsed),
         Role::Normal);
  if (!st.resolved()) {
    const auto u = incident::next_update(st, in.now);
    c.text(x, 3, u.overdue ? "Status update OVERDUE by " + format_hms(-u.remaining) : "Next update in " + format_hms(u.remaining),
           u.overdue ? Role::Alarm : Role::Normal);
  }
  c.text(w - 2 - ui::display_width("commander " + st.commander), 1, "commander " + st.commander, Role::Dim);
}

void draw_steps(ui::Canvas& c, ui::Rect r, const ViewInput& in) {
  const auto& st = in.state;
  std::size_t done = 0;
  ui::ChecklistModel m;
  for (const auto& s : st.steps) {
    done += s.status == StepStatus::Done || s.status == StepStatus::Skipped;
    ui::ChecklistItem item;
    item.mark = mark(s.status);
    item.mark_role = mark_role(s.status);
    item.label = std::to_string(s.number) + ". " + s.title;
    item.label_role = s.status == StepStatus::Done || s.status == StepStatus::Skipped ? Role::Dim : Role::Normal;
    if (auto t = incident::step_timing(s, in.now)) {
      item.right = format_compact(t->elapsed) + (s.estimate ? "/" + runbook::format_range(s.estimate) : "");
      item.right_role = t->over_estimate ? Role::Warning : Role::Dim;
    } else {
      item.right = runbook::format_range(s.estimate);
    }
    m.items.push_back(std::move(item));
  }
  m.selected = in.model.selected;
  m.focused = in.model.focus == Pane::Steps;
  c.frame(r, in.model.focus == Pane::Steps ? Role::Accent : Role::Border,
          "Steps " + std::to_string(done) + "/" + std::to_string(st.steps.size()));
  ui::draw_checklist(c, {r.x + 1, r.y + 1, r.w - 2, r.h - 2}, m);
}

void draw_detail(ui::Canvas& c, ui::Rect r, const ViewInput& in) {
  const auto& st = in.state;
  if (st.steps.empty() || in.model.selected < 0 || in.model.selected >= static_cast<int>(st.steps.size())) {
    c.frame(r, Role::Border, "Step");
    return;
  }
  const auto& s = st.steps[static_cast<std::size_t>(in.model.selected)];
  c.frame(r, Role::Border, "Step " + std::to_string(s.number));
  const ui::Rect body{r.x + 2, r.y + 1, r.w - 4, r.h - 2};
  int y = body.y;
  y += ui::draw_text_block(c, {body.x, y, body.w, 2}, s.title, Role::Title);
  std::string status(incident::to_string(s.status));
  if (auto t = incident::step_timing(s, in.now)) status += "  " + format_compact(t->elapsed);
  if (s.estimate) status += "  (estimate " + runbook::format_range(s.estimate) + ")";
  if (!s.by.empty()) status += "  by " + s.by;
  if (!s.reason.empty()) status += ": " + s.reason;
  c.text(body.x, y++, ui::ellipsize(status, body.w), s.status == StepStatus::Failed ? Role::Alarm : Role::Dim);
  ++y;
  const runbook::Step* text = nullptr;
  if (in.scenario) {
    for (const auto& rs : in.scenario->steps) {
      if (rs.number == s.number) text = &rs;
    }
  }
  if (!text) {
    c.text(body.x, y, ui::ellipsize("(the runbook's text for this step is not available)", body.w), Role::Dim);
    return;
  }
  // The body as the author wrote it, code included, without the fence lines themselves.
  std::string shown;
  for (std::size_t pos = 0; pos <= text->body.size();) {
    auto nl = text->body.find('\n', pos);
    if (nl == std::string::npos) nl = text->body.size();
    const auto line = std::string_view(text->body).substr(pos, nl - pos);
    const auto lead = line.find_first_not_of(' ');
    const bool fence = lead != std::string_view::npos && (line.substr(lead).starts_with("```") || line.substr(lead).starts_with("~~~"));
    if (!fence) shown.append(line).push_back('\n');
    pos = nl + 1;
  }
  if (!shown.empty() && y < body.bottom()) ui::draw_text_block(c, {body.x, y, body.w, body.bottom() - y}, shown, Role::Normal);
}

void draw_help(ui::Canvas& c, const ConsoleModel& m) {
  using Keys = std::vector<std::pair<std::string, std::string>>;
  Keys keys = m.read_only ? Keys{{"↑/↓ j/k", "select a step"}, {"Tab", "switch pane"}, {"PgUp/PgDn", "scroll the timeline"}}
                          : Keys{{"↑/↓ j/k", "select a step"}, {"s", "start the selected step"}, {"c", "complete it"},
                                 {"x", "skip it (asks for a reason)"}, {"f", "mark it failed (asks why)"}, {"n", "add a note"},
                                 {"u", "record a status update sent"}, {"Tab", "switch pane"}, {"PgUp/PgDn", "scroll the timeline"}};
  if (m.actions.available) keys.insert(keys.begin() + 7, {"a", "run the step's aws line"});
  if (m.has_cloud) {
    const Keys inventory{{"o / O", "inventory: sort column / reverse"}, {"/", "inventory: filter (Esc clears)"},
                         {"Enter", "inventory: the selected row's detail"}, {"r", "ask the cloud again"}};
    keys.insert(keys.end(), inventory.begin(), inventory.end());
  }
  keys.push_back({"?", "close help"});
  keys.push_back({"q", m.read_only ? "quit" : "quit (the incident stays open)"});
  const auto body = ui::draw_modal(c, 54, static_cast<int>(keys.size()) + 4, m.read_only ? "Keys (read-only war room)" : "Keys");
  for (std::size_t i = 0; i < keys.size() && body.y + 1 + static_cast<int>(i) < body.bottom(); ++i) {
    c.text(body.x + 1, body.y + 1 + static_cast<int>(i), keys[i].first, Role::Key);
    c.text(body.x + 13, body.y + 1 + static_cast<int>(i), keys[i].second, Role::Normal);
  }
}

std::string prompt_label(const ConsoleModel& m) {
  switch (m.prompt) {
    case Prompt::SkipReason: return "Why skip this step?";
    case Prompt::FailReason: return "What failed?";
    case Prompt::Note: return "Note:";
    case Prompt::StatusUpdate: return "Status update sent (channel or summary):";
    case Prompt::ConfirmQuit: return "Leave the console? The incident stays open. (y/N)";
    case Prompt::Filter: return "Filter the inventory (Enter keeps, Esc clears):";
    case Prompt::AwsCommand: return "Run (fill in, then Enter; Esc cancels):";
    case Prompt::ConfirmAction: return m.actions.confirm_question;
    case Prompt::None: break;
  }
  return "";
}

// The last action's answer, over the rest, until closed.
void draw_action_output(ui::Canvas& c, const ActionPane& a) {
  if (!a.output_title) return;
  const int h = std::min(static_cast<int>(a.output.size()) + 3, c.height() - 2);
  const auto body = ui::draw_modal(c, c.width() - 4, std::max(6, h), *a.output_title, "↑↓ scroll  Esc close");
  const int rows = body.h;
  const int first = std::clamp(a.output_scroll, 0, std::max(0, static_cast<int>(a.output.size()) - rows));
  for (int i = 0; i < rows && first + i < static_cast<int>(a.output.size()); ++i) {
    c.text(body.x, body.y + i, ui::ellipsize(a.output[static_cast<std::size_t>(first + i)], body.w), Role::Normal);
  }
}

}  // namespace

void draw_console(ui::Canvas& c, const ViewInput& in) {
  c.clear();
  if (c.width() < kMinWidth || c.height() < kMinHeight) return draw_too_small(c);
  const int w = c.width(), h = c.height();
  draw_header(c, in);
  const int timeline_h = std::max(6, (h - 6) / 3);
  const int mid_y = 5, mid_h = h - mid_y - timeline_h - 1;
  if (!in.model.has_cloud && !in.model.inventory.unavailable.empty()) {
    // One line where the header ends: the steps keep their room, and the operator knows why.
    c.text(2, 4, ui::ellipsize("No inventory: " + in.model.inventory.unavailable, w - 4), Role::Warning);
  }
  if (in.model.has_cloud) {
    // Left: the checklist over the selected step's text; right: the backup inventory, the wider.
    const int left_w = std::max(40, w * 2 / 5);
    const int steps_h = std::max(5, mid_h / 2);
    draw_steps(c, {0, mid_y, left_w, steps_h}, in);
    draw_detail(c, {0, mid_y + steps_h, left_w, mid_h - steps_h}, in);
    draw_inventory_pane(c, {left_w, mid_y, w - left_w, mid_h}, in.model.inventory, in.model.focus == Pane::Inventory);
  } else {
    const int left_w = std::max(36, w * 2 / 5);
    draw_steps(c, {0, mid_y, left_w, mid_h}, in);
    draw_detail(c, {left_w, mid_y, w - left_w, mid_h}, in);
  }
  const ui::Rect tl{0, mid_y + mid_h, w, timeline_h};
  c.frame(tl, in.model.focus == Pane::Timeline ? Role::Accent : Role::Border, "Timeline");
  ui::LogModel log;
  log.lines = in.timeline;
  log.scroll_back = in.model.timeline_scroll;
  ui::draw_log(c, {tl.x + 1, tl.y + 1, tl.w - 2, tl.h - 2}, log);
  const ui::Rect footer{0, h - 1, w, 1};
  if (in.model.prompt != Prompt::None) {
    ui::draw_prompt(c, footer, prompt_label(in.model), in.model.editor);
  } else if (!in.model.message.empty()) {
    c.fill(footer, Role::Normal);
    c.text(0, h - 1, ui::ellipsize(in.model.message, w), in.model.message_is_error ? Role::Alarm : Role::Accent);
  } else if (in.model.inventory.detail) {
    ui::draw_key_bar(c, footer, {{"↑↓", "points"}, {"Esc", "close"}});
  } else if (in.model.read_only) {
    ui::draw_key_bar(c, footer, {{"↑↓", "select"}, {"Tab", "pane"}, {"?", "help"}, {"q", "quit"}}, "war room · read-only");
  } else if (in.model.has_cloud && in.model.focus == Pane::Inventory) {
    ui::draw_key_bar(c, footer, {{"↑↓", "select"}, {"Enter", "detail"}, {"/", "filter"}, {"o", "sort"}, {"O", "reverse"},
                                 {"r", "refresh"}, {"Tab", "pane"}, {"?", "help"}, {"q", "quit"}});
  } else {
    std::vector<ui::KeyHint> hints{{"s", "start"}, {"c", "complete"}, {"x", "skip"}, {"f", "fail"}, {"n", "note"},
                                   {"u", "update sent"}};
    if (in.model.actions.available) hints.push_back({"a", "run aws"});
    hints.push_back({"Tab", "pane"});
    if (in.model.has_cloud) hints.push_back({"r", "refresh"});
    hints.push_back({"?", "help"});
    hints.push_back({"q", "quit"});
    ui::draw_key_bar(c, footer, hints);
  }
  draw_inventory_detail(c, in.model.inventory);
  draw_action_output(c, in.model.actions);
  if (in.model.help) draw_help(c, in.model);
}

}  // namespace drc::tui
