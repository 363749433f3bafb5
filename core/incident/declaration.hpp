#pragma once
// Turning "this runbook, this scenario, this environment" into the incident.declared event: the objectives
// that apply, and a copy of the scenario's steps, so the timeline stands on its own if the runbook changes.

#include <string>

#include "incident/commands.hpp"
#include "runbook/runbook.hpp"
#include "util/result.hpp"

namespace drc::incident {

struct DeclarationRequest {
  std::string id;
  std::string scenario;  // number or title
  std::string environment;
  std::string severity = "P1";
  std::string commander;
  std::string mode = "commander";  // or "drill"
};

// Fails with a message naming what to fix: an unknown scenario or environment, a bad severity.
Result<Declare> plan_declaration(const runbook::Runbook& rb, const DeclarationRequest& request);

// "P1".."P5", "SEV1".."SEV5" in any case, normalised to upper case.
Result<std::string> normalise_severity(std::string_view severity);

}  // namespace drc::incident
