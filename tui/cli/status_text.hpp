#pragma once
// The human form of `drconsole status` and `drconsole incidents`.

#include <ostream>
#include <span>

#include "incident/state.hpp"
#include "timeline/incident_store.hpp"

namespace drc::cli {

void print_status(std::ostream& out, const incident::IncidentState& st, Timestamp now);
void print_incident_list(std::ostream& out, std::span<const timeline::IncidentSummary> incidents);

}  // namespace drc::cli
