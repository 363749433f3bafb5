#pragma once
// Recovery objectives written in the runbook itself, for runbooks without front matter:
// "| Environment | RTO | RPO |" tables, "| Component | RTO | RPO | Backup Frequency |" tables under an
// environment's heading, "| **RTO** | 4 hours |" quick-reference tables, "**Recovery Time Objective (RTO)**: 4 hours"
// lines, and the status-update cadence ("**Frequency:** Every 15 minutes").

#include "runbook/markdown_tree.hpp"
#include "runbook/runbook.hpp"

namespace drc::runbook {

void read_objectives(const MdNode& document, Runbook& rb);

// "Production Environment" → "production", "Non-Production" → "non-production"; empty when none is named.
std::string environment_in(std::string_view heading);

}  // namespace drc::runbook
