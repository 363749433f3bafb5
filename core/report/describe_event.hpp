#pragma once
// One event in words, as an incident timeline is written by hand after the fact:
// "alice started step 1: Check RDS instance status".

#include <string>

#include "incident/state.hpp"

namespace drc::report {

// `before` is the state just before the event (for step titles and durations).
std::string describe_event(const incident::Event& e, const incident::IncidentState& before);

}  // namespace drc::report
