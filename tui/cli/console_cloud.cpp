#include "cli/console_cloud.hpp"

#include "cli/debug_log.hpp"
#include "runbook/environment_config.hpp"
#include "util/xdg.hpp"

namespace drc::cli {

inventory::Scope scope_for(const runbook::Environment& env, const std::string& fallback_region,
                           std::chrono::milliseconds timeout) {
  inventory::Scope s;
  s.region = env.region.empty() ? fallback_region : env.region;
  s.dr_region = env.dr_region;
  s.backup_regions = env.backup_regions;
  s.named = env.resources;
  s.timeout = timeout;
  return s;
}

std::optional<Result<ConsoleCloud>> open_console_cloud(const runbook::Runbook& rb, const std::string& env_name) {
  // config.yaml fills what the runbook leaves out, as for `drconsole inventory`.
  auto dir = config_dir();
  auto resolved = runbook::resolve_environment(rb, env_name, dir ? *dir / "config.yaml" : std::filesystem::path());
  if (!resolved) return Result<ConsoleCloud>(resolved.error());
  if (!*resolved) return std::nullopt;
  const runbook::Environment env = std::move(**resolved);
  if (env.region.empty()) return std::nullopt;

  auto catalog = aws::model::ModelCatalog::open();
  if (!catalog) return Result<ConsoleCloud>(make_error("cannot read the AWS models: " + catalog.error().message));
  aws::client::ClientConfig cfg;
  cfg.catalog = *catalog;
  cfg.profile_flag = env.profile;
  cfg.region_flag = env.region;
  // The inventory gives up on a call at its deadline, in its own words; the transport's limit comes a
  // little later, so a request never outlives the console's patience for long.
  cfg.http.total_timeout = kConsoleCallTimeout + std::chrono::seconds{5};
  cfg.http.connect_timeout = std::min(cfg.http.connect_timeout, kConsoleCallTimeout);
  // The console owns the terminal: its debug log goes to the state folder.
  if (debug_wanted(false)) {
    if (auto log = file_debug_log()) cfg.debug = *log;
  }
  auto aws = cloud::AwsCloud::create(std::move(cfg));
  if (!aws) return Result<ConsoleCloud>(make_error("cannot use AWS for " + env_name + ": " + aws.error().message));
  ConsoleCloud c;
  c.catalog = *catalog;
  c.aws = std::move(aws).value();
  c.environment = env.name;
  c.production = runbook::is_production(env);
  cloud::GuardPolicy policy;
  policy.writes_allowed = false;
  policy.why_not = "the console's cloud is read-only";
  c.read_only = std::make_unique<cloud::GuardedCloud>(*c.aws, c.aws->access_of(), std::move(policy));
  c.scope = scope_for(env, c.aws->default_region(), kConsoleCallTimeout);
  c.rpo = env.rpo;
  return Result<ConsoleCloud>(std::move(c));
}

}  // namespace drc::cli
