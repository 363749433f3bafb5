#pragma once
// What `inventory` and `check` share: the runbook, the environment it describes (with config.yaml filling
// the gaps), the scope of resources and regions, and the real cloud for that environment's account.

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "cloud/aws_cloud.hpp"
#include "inventory/collection.hpp"
#include "runbook/runbook.hpp"

namespace drc::cli {

struct DrOptions {
  std::string runbook, env, profile;
  double timeout_s = 10;
  bool json = false;
  bool debug = false;
};

void add_dr_options(CLI::App& cmd, DrOptions& o);

struct DrTarget {
  runbook::Runbook rb;
  runbook::Environment env;
  inventory::Scope scope;
  std::unique_ptr<cloud::AwsCloud> cloud;
};

// Fails through ctx (2 for an unknown environment or a bad option, 1 for an unreadable runbook or no
// credentials configuration) and returns nullopt.
std::optional<DrTarget> open_dr_target(Context& ctx, const DrOptions& o);

}  // namespace drc::cli
