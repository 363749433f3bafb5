#include "cli/dr_target.hpp"

#include <cmath>

#include "cli/console_cloud.hpp"
#include "cli/debug_log.hpp"
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
  auto dir = config_dir();
  auto resolved = runbook::resolve_environment(*rb, o.env, dir ? *dir / "config.yaml" : std::filesystem::path());
  if (!resolved) {
    ctx.fail(resolved.error().message + "; fix it or move it aside", kUsage);
    return std::nullopt;
  }
  if (!*resolved) {
    std::string known;
    for (const auto& [name, env] : rb->environments) known += (known.empty() ? "" : ", ") + name;
    ctx.fail("no environment '" + o.env + "' in " + rb->path + "'s front matter or config.yaml" +
                 (known.empty() ? "; describe it under 'environments:' (see the README)" : " (the runbook has: " + known + ")"),
             kUsage);
    return std::nullopt;
  }
  const runbook::Environment env = std::move(**resolved);

  aws::client::ClientConfig cfg;
  cfg.profile_flag = o.profile.empty() ? env.profile : o.profile;
  cfg.region_flag = env.region;
  const auto timeout = std::chrono::milliseconds(static_cast<long long>(std::llround(o.timeout_s * 1000)));
  cfg.http.total_timeout = timeout;
  cfg.http.connect_timeout = std::min(cfg.http.connect_timeout, timeout);
  if (debug_wanted(o.debug)) cfg.debug = stderr_debug_log();
  auto cloud = cloud::AwsCloud::create(std::move(cfg));
  if (!cloud) {
    ctx.fail(cloud.error().message);
    return std::nullopt;
  }
  DrTarget t{std::move(rb).value(), env, {}, std::move(cloud).value()};
  t.scope = scope_for(env, t.cloud->default_region(), timeout);
  if (t.scope.region.empty()) {
    ctx.fail("no region for environment '" + env.name + "': set 'region:' in its front matter, or AWS_REGION", kUsage);
    return std::nullopt;
  }
  return t;
}

}  // namespace drc::cli
