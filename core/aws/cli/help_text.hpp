#pragma once
// `drconsole aws SERVICE --help` and `drconsole aws SERVICE OPERATION --help` (or `help`, as the aws CLI
// spells it): what a service offers and what an operation takes, read from the models. The models carry
// no documentation (it is stripped to keep them small), so this is the synopsis, not the manual.

#include <optional>
#include <string>
#include <vector>

#include "aws/model/model_catalog.hpp"

namespace drc::aws::cli {

// The help the words after "aws" ask for, or nullopt when they do not ask for help.
std::optional<std::string> help_for(const model::ModelCatalog& catalog, const std::vector<std::string>& words);

}  // namespace drc::aws::cli
