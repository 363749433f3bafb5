#pragma once
// The post-incident record: what teams write by hand under "## Timeline" after an incident, from the events.

#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "incident/state.hpp"

namespace drc::report {

std::string timeline_markdown(std::span<const incident::Event> events);
nlohmann::json timeline_json(std::span<const incident::Event> events);

}  // namespace drc::report
