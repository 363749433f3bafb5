#pragma once
// The runbook as `drconsole lint --json` prints it.

#include <nlohmann/json.hpp>

#include "runbook/runbook.hpp"

namespace drc::runbook {

nlohmann::json estimate_json(const std::optional<DurationRange>& r);
nlohmann::json to_json(const Runbook& rb);

}  // namespace drc::runbook
