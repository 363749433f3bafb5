#pragma once
// An incident's status at a moment, as `drconsole status --json` prints it and the views show it.

#include <nlohmann/json.hpp>

#include "incident/state.hpp"

namespace drc::report {

nlohmann::json status_json(const incident::IncidentState& st, Timestamp now);

}  // namespace drc::report
