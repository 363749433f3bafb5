#pragma once
// Declaring an incident from a loaded runbook: shared by `drconsole declare` and `drconsole run`.

#include <memory>
#include <string>

#include "cli/context.hpp"
#include "runbook/runbook.hpp"

namespace drc::cli {

struct DeclareChoice {
  std::string scenario;  // number or title
  std::string env;
  std::string severity = "P1";
  std::string commander;  // default: who declares
  bool drill = false;
};

// Creates the journal, records incident.declared, and returns the engine over it. Nothing is left on
// disk when the declaration is refused.
Result<std::unique_ptr<incident::Engine>> declare_incident(Context& ctx, const runbook::Runbook& rb,
                                                           const DeclareChoice& choice);

// Loads a runbook for declaring: its path made absolute so the incident can find it again.
Result<runbook::Runbook> load_for_incident(const std::string& path);

}  // namespace drc::cli
