#pragma once
// Optional YAML front matter at the top of a runbook: service name and, per environment, objectives,
// regions, profile, status-update cadence and the protected resources.

#include <optional>
#include <string>
#include <string_view>

#include "runbook/runbook.hpp"

namespace drc::runbook {

struct FrontMatterBlock {
  std::string yaml;
  int first_line = 0;      // file line of the YAML's first line
  int lines_consumed = 0;  // lines from the top of the file through the closing '---'
};

// The block between a leading "---" line and the next "---" or "..." line, if the file starts with one.
std::optional<FrontMatterBlock> split_front_matter(std::string_view text);

// Reads the block into rb.service and rb.environments; every problem is added to rb.problems with its line.
void read_front_matter(const FrontMatterBlock& block, Runbook& rb);

}  // namespace drc::runbook
