#pragma once
// The cloud behind the console's inventory pane for `drconsole run`: the environment's account through
// AwsCloud, behind a guard that refuses every write (the console only looks), asked about the scope
// the environment describes, as `drconsole inventory` asks about it.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "cloud/aws_cloud.hpp"
#include "cloud/guarded_cloud.hpp"
#include "inventory/collection.hpp"
#include "runbook/runbook.hpp"
#include "util/result.hpp"

namespace drc::cli {

struct ConsoleCloud {
  std::shared_ptr<aws::model::ModelCatalog> catalog;  // shared with the client: each model read once
  std::unique_ptr<cloud::AwsCloud> aws;
  std::unique_ptr<cloud::GuardedCloud> read_only;  // over aws: what the console calls
  inventory::Scope scope;
  std::optional<std::chrono::seconds> rpo;
  std::string environment;
  bool production = false;
};

// Each inventory call's deadline in the console: as `drconsole inventory`'s default.
inline constexpr std::chrono::milliseconds kConsoleCallTimeout{10000};

// The inventory's scope for an environment: its region (or `fallback_region` when it names none), its
// DR and backup regions, the resources it names, and each call's deadline.
inventory::Scope scope_for(const runbook::Environment& env, const std::string& fallback_region,
                           std::chrono::milliseconds timeout);

// nullopt when the environment (the runbook's, completed from config.yaml) names no region: no cloud is
// wanted. An error, in one line, when the cloud cannot be opened (no such profile, a broken config).
std::optional<Result<ConsoleCloud>> open_console_cloud(const runbook::Runbook& rb, const std::string& env_name);

}  // namespace drc::cli
