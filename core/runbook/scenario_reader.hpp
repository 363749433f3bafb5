#pragma once
// Finds a runbook's scenarios and their steps in the Markdown tree, in the styles teams write:
// "## Scenario: X" / "### Scenario 2: X" headings; steps as an ordered list (under "**Recovery Steps:**",
// "**Response**:" or alone), as "#### Step N: Title (5 minutes)" headings, or as "**Step N:**" paragraphs.

#include <string_view>
#include <vector>

#include "runbook/markdown_tree.hpp"
#include "runbook/runbook.hpp"

namespace drc::runbook {

// lines are the file's lines (index 0 is line 1), used to keep step bodies as the author wrote them.
void read_scenarios(const MdNode& document, const std::vector<std::string_view>& lines, Runbook& rb);

}  // namespace drc::runbook
