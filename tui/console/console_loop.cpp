#include "console/console_loop.hpp"

#include <algorithm>

#include "console/action_driver.hpp"
#include "console/commander_view.hpp"
#include "console/inventory_rows.hpp"
#include "console/keys.hpp"
#include "incident/engine_worker.hpp"
#include "report/describe_event.hpp"
#include "widgets/checklist.hpp"
#include "widgets/key_bar.hpp"

namespace drc::tui {

using namespace std::chrono;

namespace {
constexpr milliseconds kTailEvery{250};

// The inventory pane as of now, from what the Collection holds.
void show_inventory(const InventoryDriver& driver, InventoryPane& pane, Timestamp now) {
  const auto& c = driver.collection();
  refresh_pane(pane, c.inventory(), driver.feed().scope, driver.feed().rpo, c.outstanding(), now);
}

// Asks the cloud again when nothing is out; otherwise says what it is still waiting for.
void refresh_inventory(InventoryDriver& driver, ConsoleModel& model, Timestamp now) {
  model.inventory.refresh_requested = false;
  const auto out = driver.collection().outstanding();
  if (driver.restart(now)) {
    model.message = "asking the cloud again";
  } else {
    model.message = "still waiting for " + std::to_string(out) + (out == 1 ? " answer" : " answers") + "; refresh when they are in";
  }
  model.message_is_error = false;
}

// What the worker handed back since the last look, folded into the console's copy of the incident.
// Returns true if anything changed on screen.
bool take_report(incident::EngineWorker& worker, incident::Replica& incident, TimelineText& timeline,
                 ConsoleModel& model, ActionDriver* actions = nullptr) {
  auto report = worker.take();
  // Even with nothing new from the engine, answers to actions may have come.
  const bool answered = actions && actions->on_report(report.outcomes, model);
  if (report.empty()) return answered;
  if (auto s = incident.take(report.events, "the journal"); !s) {
    model.message = s.error().message;
    model.message_is_error = true;
  }
  timeline.update(incident.events());
  for (const auto& o : report.outcomes) {
    if (!o.written) {
      model.message = o.written.error().message;
      model.message_is_error = true;
    } else if (!o.written->empty() && !answered) {
      model.message = report::describe_event(o.written->back(), incident.state());
      model.message_is_error = false;
    }
  }
  for (const auto& n : report.notices) {
    model.message = n;
    model.message_is_error = true;
  }
  const int steps = static_cast<int>(incident.state().steps.size());
  model.selected = std::clamp(model.selected, 0, std::max(0, steps - 1));
  return true;
}

}  // namespace

std::unique_ptr<incident::Engine> run_console(Screen& screen, std::unique_ptr<incident::Engine> engine,
                                              const runbook::Scenario* scenario, bool read_only,
                                              CloudFeed* feed, const std::string& no_inventory) {
  const incident::Clock& clock = engine->clock();
  incident::EngineWorker worker(std::move(engine), kTailEvery);
  incident::Replica incident;
  TimelineText timeline;
  ConsoleModel model;
  model.read_only = read_only;
  model.has_cloud = feed != nullptr;
  model.inventory.unavailable = feed ? std::string() : no_inventory;
  take_report(worker, incident, timeline, model);
  model.selected = first_open_step(incident.state());
  std::optional<InventoryDriver> inventory;
  if (feed) {
    inventory.emplace(*feed);
    inventory->start(clock.now());
  }
  std::optional<ActionDriver> actions;
  if (feed && feed->actions && !read_only) {
    actions.emplace(*feed->actions, worker);
    model.actions.available = true;
    model.actions.commands = ActionDriver::lines_of(scenario);
  }
  bool dirty = true;
  std::int64_t shown_second = -1;
  while (!model.quit) {
    const auto now = clock.now();
    const auto second = duration_cast<seconds>(now.time_since_epoch()).count();
    if (dirty || second != shown_second) {
      // Ages grow and postures change with time alone, so the pane is judged again for every frame.
      if (inventory) show_inventory(*inventory, model.inventory, now);
      ui::Canvas canvas(screen.width(), screen.height());
      draw_console(canvas, ViewInput{incident.state(), timeline.lines(), scenario, model, now});
      screen.present(canvas);
      dirty = false;
      shown_second = second;
    }
    // Sleep in the terminal until a key, the next displayed second, or the next look at what the engine
    // and the cloud handed back; look often while answers are due.
    const auto into_second = duration_cast<milliseconds>(now.time_since_epoch()) % 1000;
    auto wait = std::min(milliseconds{1000} - into_second, kTailEvery);
    if (worker.in_flight() > 0) wait = std::min(wait, milliseconds{10});
    if (actions && actions->busy()) wait = std::min(wait, milliseconds{50});
    if (inventory && !inventory->collection().complete()) {
      // Answers land in a queue the terminal cannot wake on: look often, and at the next deadline.
      wait = std::min(wait, milliseconds{50});
      if (auto due = inventory->until_deadline(now)) wait = std::min(wait, *due + milliseconds{1});
    }
    const auto key = screen.read_key(std::max(wait, milliseconds{1}));
    if (key.type == KeyEvent::Type::Resize) dirty = true;
    if (key.type != KeyEvent::Type::None && key.type != KeyEvent::Type::Resize) {
      dirty = true;
      if (auto command = handle_key(model, key, incident.state())) worker.submit(std::move(*command));
    }
    if (inventory) {
      const auto later = clock.now();
      if (model.inventory.refresh_requested) {
        refresh_inventory(*inventory, model, later);
        dirty = true;
      }
      if (inventory->poll(later)) dirty = true;
    }
    if (actions && actions->take_input(model)) dirty = true;
    if (take_report(worker, incident, timeline, model, actions ? &*actions : nullptr)) dirty = true;
  }
  // Every action sent gets its outcome on the record before the engine stops.
  if (actions) actions->finish(seconds{10});
  return worker.stop();
}

std::optional<std::size_t> pick_scenario(Screen& screen, const runbook::Runbook& rb) {
  ui::ChecklistModel list;
  for (std::size_t i = 0; i < rb.scenarios.size(); ++i) {
    ui::ChecklistItem item;
    item.label = std::to_string(i + 1) + ". " + rb.scenarios[i].title;
    item.right = std::to_string(rb.scenarios[i].steps.size()) + " steps";
    list.items.push_back(std::move(item));
  }
  list.selected = 0;
  for (;;) {
    ui::Canvas c(screen.width(), screen.height());
    c.clear();
    c.text(1, 0, ui::ellipsize("Which scenario are you declaring?  " + rb.title, c.width() - 2), ui::Role::Title);
    c.frame({0, 1, c.width(), std::max(3, c.height() - 2)}, ui::Role::Border, "Scenarios");
    ui::draw_checklist(c, {1, 2, c.width() - 2, std::max(1, c.height() - 4)}, list);
    ui::draw_key_bar(c, {0, c.height() - 1, c.width(), 1}, {{"↑↓", "choose"}, {"Enter", "declare"}, {"q", "back out"}});
    screen.present(c);
    const auto k = screen.read_key(milliseconds{1000});
    using T = KeyEvent::Type;
    const int n = static_cast<int>(list.items.size());
    if (k.type == T::Up || (k.type == T::Char && k.text == "k")) list.selected = std::max(0, list.selected - 1);
    if (k.type == T::Down || (k.type == T::Char && k.text == "j")) list.selected = std::min(n - 1, list.selected + 1);
    if (k.type == T::Enter) return static_cast<std::size_t>(list.selected);
    if (k.type == T::Escape || (k.type == T::Char && k.text == "q")) return std::nullopt;
    if (k.type == T::Char && k.text.size() == 1 && k.text[0] >= '1' && k.text[0] <= '9' && k.text[0] - '1' < n) {
      list.selected = k.text[0] - '1';
    }
  }
}

}  // namespace drc::tui
