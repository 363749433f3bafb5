#include "cli/dr_target.hpp"

#include <cmath>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "runbook/environment_config.hpp"
#include "runbook/loader.hpp"
#include "util/xdg.hpp"

namespace drc::cli {

void add_dr_options(CLI::App& cmd, DrOptions& o) {
  cmd.add_option("runbook", o.runbook, "Markdown runbook whose front matter describes the environment")->required();
  cmd.add_option("--env,-e", o.env, "Environment, e.g. prod")->required();
  cmd.add_option("--profile", o.profile, "AWS profile (default: the environment's, else AWS_PROFILE)");
  cmd.add_option("--timeout", o.timeout_s, "Seconds to wait for each call before calling its region unreachable")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 3600.0));
  cmd.add_flag("--json", o.json, "Print JSON for scripts");
  cmd.add_flag("--debug", o.debug, "Log each AWS request and response (redacted) to stderr; also DRC_LOG=debug");
}

std::optional<DrTarget> open_dr_target(Context& ctx, const DrOptions& o) {
  auto rb = runbook::load_runbook(o.runbook);
  if (!rb) {
    ctx.fail(rb.error().message);
    return std::nullopt;
  }
  for (const auto& p : rb->problems) {
    if (p.severity == runbook::Severity::Error) {
      ctx.err << "drconsole: " << rb->path << ":" << p.line << ": " << p.message << '\n';
    }
  }
  std::map<std::string, runbook::Environment> configured;
  if (auto dir = config_dir()) {
    auto loaded = runbook::load_environment_config(*dir / "config.yaml");
    if (!loaded) {
      ctx.fail(loaded.error().message + "; fix it or move it aside", kUsage);
      return std::nullopt;
    }
    configured = std::move(loaded).value();
  }
  const runbook::Environment* from_runbook = runbook::find_environment(*rb, o.env);
  const runbook::Environment* from_config = nullptr;
  for (const auto& [name, env] : configured) {
    if (runbook::environment_key(name) == runbook::environment_key(o.env)) from_config = &env;
  }
  if (!from_runbook && !from_config) {
    std::string known;
    for (const auto& [name, env] : rb->environments) known += (known.empty() ? "" : ", ") + name;
    for (const auto& [name, env] : configured) known += (known.empty() ? "" : ", ") + name;
    ctx.fail("no environment '" + o.env + "' in " + rb->path + "'s front matter or config.yaml" +
                 (known.empty() ? "; describe it under 'environments:' (see the README)" : " (there is: " + known + ")"),
             kUsage);
    return std::nullopt;
  }
  runbook::Environment env = from_runbook ? *from_runbook : *from_config;
  if (from_runbook && from_config) env = runbook::merge_environment(env, *from_config);
  if (env.name.empty() || env.name == runbook::kAnyEnvironment) env.name = o.env;

  aws::client::ClientConfig cfg;
  cfg.profile_flag = o.profile.empty() ? env.profile : o.profile;
  cfg.region_flag = env.region;
  const auto timeout = std::chrono::milliseconds(static_cast<long long>(std::llround(o.timeout_s * 1000)));
  cfg.http.total_timeout = timeout;
  cfg.http.connect_timeout = std::min(cfg.http.connect_timeout, timeout);
  const char* level = std::getenv("DRC_LOG");
  if (o.debug || (level && std::string_view(level) == "debug")) {
    auto log = spdlog::get("drconsole-dr");
    if (!log) log = spdlog::stderr_logger_mt("drconsole-dr");
    log->set_level(spdlog::level::debug);
    log->set_pattern("%Y-%m-%d %H:%M:%S,%e drconsole %l: %v");
    cfg.debug = [log](const std::string& line) { log->debug(line); };
  }
  auto cloud = cloud::AwsCloud::create(std::move(cfg));
  if (!cloud) {
    ctx.fail(cloud.error().message);
    return std::nullopt;
  }
  DrTarget t{std::move(rb).value(), env, {}, std::move(cloud).value()};
  t.scope.region = env.region.empty() ? t.cloud->default_region() : env.region;
  if (t.scope.region.empty()) {
    ctx.fail("no region for environment '" + env.name + "': set 'region:' in its front matter, or AWS_REGION", kUsage);
    return std::nullopt;
  }
  t.scope.dr_region = env.dr_region;
  t.scope.backup_regions = env.backup_regions;
  t.scope.named = env.resources;
  t.scope.timeout = timeout;
  return t;
}

}  // namespace drc::cli
