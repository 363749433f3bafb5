#include "runbook/environment_config.hpp"

#include <fstream>
#include <sstream>

#include "runbook/front_matter.hpp"

namespace drc::runbook {

Result<std::map<std::string, Environment>> load_environment_config(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::map<std::string, Environment>{};
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error("cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  if (text.str().size() > (1u << 20)) return make_error(path.string() + " is over 1 MiB: not a config file");
  // The same reader as front matter, so the keys and their errors are the same; other top-level keys
  // (themes and the like) belong to other readers.
  FrontMatterBlock block{text.str(), 1, 0};
  Runbook holder;
  read_front_matter(block, holder);
  for (const auto& p : holder.problems) {
    if (p.severity == Severity::Error) return make_error(path.string() + ":" + std::to_string(p.line) + ": " + p.message);
  }
  return std::move(holder.environments);
}

Environment merge_environment(Environment base, const Environment& fallback) {
  auto fill = [](auto& mine, const auto& theirs) {
    if (!mine) mine = theirs;
  };
  fill(base.rto, fallback.rto);
  fill(base.rpo, fallback.rpo);
  fill(base.comms_every, fallback.comms_every);
  fill(base.backup_retention, fallback.backup_retention);
  fill(base.production, fallback.production);
  if (base.region.empty()) base.region = fallback.region;
  if (base.dr_region.empty()) base.dr_region = fallback.dr_region;
  if (base.profile.empty()) base.profile = fallback.profile;
  if (base.backup_regions.empty()) base.backup_regions = fallback.backup_regions;
  if (base.resources.empty()) base.resources = fallback.resources;
  if (base.components.empty()) base.components = fallback.components;
  return base;
}

Result<std::optional<Environment>> resolve_environment(const Runbook& rb, std::string_view name,
                                                       const std::filesystem::path& config_file) {
  auto configured = load_environment_config(config_file);
  if (!configured) return configured.error();
  const Environment* from_runbook = find_environment(rb, name);
  const Environment* from_config = nullptr;
  for (const auto& [key, env] : *configured) {
    if (environment_key(key) == environment_key(name)) from_config = &env;
  }
  if (!from_runbook && !from_config) return std::optional<Environment>();
  Environment env = from_runbook ? *from_runbook : *from_config;
  if (from_runbook && from_config) env = merge_environment(env, *from_config);
  if (env.name.empty() || env.name == kAnyEnvironment) env.name = std::string(name);
  return std::optional<Environment>(std::move(env));
}

}  // namespace drc::runbook
