#include "runbook/runbook_json.hpp"

namespace drc::runbook {

using nlohmann::json;

namespace {

json seconds_or_null(const std::optional<std::chrono::seconds>& s) {
  return s ? json(s->count()) : json(nullptr);
}

json environment_json(const Environment& e) {
  json j{{"rto_s", seconds_or_null(e.rto)}, {"rpo_s", seconds_or_null(e.rpo)}};
  if (e.comms_every) j["comms_every_s"] = e.comms_every->count();
  if (e.backup_retention) j["backup_retention_s"] = e.backup_retention->count();
  if (!e.region.empty()) j["region"] = e.region;
  if (!e.dr_region.empty()) j["dr_region"] = e.dr_region;
  if (!e.backup_regions.empty()) j["backup_regions"] = e.backup_regions;
  j["production"] = is_production(e);
  if (!e.profile.empty()) j["profile"] = e.profile;
  if (!e.components.empty()) {
    json comps = json::array();
    for (const auto& c : e.components) {
      comps.push_back({{"name", c.name}, {"rto_s", seconds_or_null(c.rto)}, {"rpo_s", seconds_or_null(c.rpo)},
                       {"backup_frequency", c.backup_frequency}, {"line", c.line}});
    }
    j["components"] = std::move(comps);
  }
  if (!e.resources.empty()) {
    const auto& r = e.resources;
    json res = json::object();
    auto list = [&](const char* k, const std::vector<std::string>& v) {
      if (!v.empty()) res[k] = v;
    };
    list("rds_instances", r.rds_instances);
    list("aurora_clusters", r.aurora_clusters);
    list("dynamodb_tables", r.dynamodb_tables);
    list("s3_buckets", r.s3_buckets);
    list("ebs_volumes", r.ebs_volumes);
    if (!r.state_bucket.empty()) res["state_bucket"] = r.state_bucket;
    if (!r.lock_table.empty()) res["lock_table"] = r.lock_table;
    j["resources"] = std::move(res);
  }
  return j;
}

json command_json(const AwsCommand& c) {
  return {{"line", c.line},       {"text", c.text},           {"service", c.service},
          {"operation", c.operation}, {"placeholders", c.placeholders}};
}

}  // namespace

json estimate_json(const std::optional<DurationRange>& r) {
  if (!r) return nullptr;
  return {{"min_s", r->min.count()}, {"max_s", r->max.count()}};
}

json to_json(const Runbook& rb) {
  json objectives = json::object();
  for (const auto& [name, env] : rb.environments) objectives[name] = environment_json(env);
  json scenarios = json::array();
  for (const auto& sc : rb.scenarios) {
    json steps = json::array();
    for (const auto& st : sc.steps) {
      json cmds = json::array();
      for (const auto& c : st.commands) cmds.push_back(command_json(c));
      steps.push_back({{"number", st.number},
                       {"title", st.title},
                       {"line", st.line},
                       {"estimate", estimate_json(st.estimate)},
                       {"commands", std::move(cmds)}});
    }
    scenarios.push_back({{"title", sc.title},
                         {"line", sc.line},
                         {"detection", sc.detection},
                         {"estimate", estimate_json(sc.estimate)},
                         {"steps", std::move(steps)}});
  }
  json problems = json::array();
  for (const auto& p : rb.problems) {
    problems.push_back({{"file", rb.path},
                        {"line", p.line > 0 ? json(p.line) : json(nullptr)},
                        {"severity", p.severity == Severity::Error ? "error" : "warning"},
                        {"message", p.message}});
  }
  json out{{"file", rb.path},        {"title", rb.title},       {"sha256", rb.sha256},
           {"objectives", std::move(objectives)}, {"scenarios", std::move(scenarios)}, {"problems", std::move(problems)}};
  if (!rb.service.empty()) out["service"] = rb.service;
  if (rb.comms_every) out["comms_every_s"] = rb.comms_every->count();
  return out;
}

}  // namespace drc::runbook
