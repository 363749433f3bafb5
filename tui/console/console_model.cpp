#include "console/console_model.hpp"

#include "report/describe_event.hpp"

namespace drc::tui {

bool TimelineText::update(const std::vector<incident::Event>& events) {
  const bool added = described_ < events.size();
  for (; described_ < events.size(); ++described_) {
    const auto& e = events[described_];
    ui::LogLine line;
    line.time = format_clock_utc(e.ts);
    line.text = report::describe_event(e, replay_);
    using K = incident::EventKind;
    line.role = e.kind == K::StepFailed || e.kind == K::ActionFailed ? ui::Role::Alarm
                : e.kind == K::StepCompleted || e.kind == K::IncidentResolved ? ui::Role::Ok
                : e.kind == K::Decision || e.kind == K::CommsSent ? ui::Role::Accent
                                                                  : ui::Role::Normal;
    lines_.push_back(std::move(line));
    (void)incident::apply(replay_, e);
  }
  return added;
}

}  // namespace drc::tui
