#pragma once
// The inventory and its posture as JSON, for `drconsole inventory --json` and the saved check reports.

#include <nlohmann/json.hpp>

#include "inventory/posture.hpp"

namespace drc::inventory {

nlohmann::json resource_json(const Resource& r);
nlohmann::json posture_json(const Posture& p);
// {"regions", "resources": [...], "posture": [...], "gaps": [...], "complete"}
nlohmann::json inventory_json(const Collection& c, const std::vector<Posture>& posture);

}  // namespace drc::inventory
