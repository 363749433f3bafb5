#include "inventory/inventory_json.hpp"

namespace drc::inventory {

using nlohmann::json;

namespace {
json time_or_null(const std::optional<Timestamp>& t) { return t ? json(format_iso8601(*t)) : json(nullptr); }
json seconds_or_null(const std::optional<std::chrono::seconds>& s) { return s ? json(s->count()) : json(nullptr); }
}  // namespace

json resource_json(const Resource& r) {
  json points = json::array();
  for (const auto& p : r.points) {
    points.push_back({{"id", p.id}, {"source", source_name(p.source)}, {"region", p.region}, {"time", format_iso8601(p.time)},
                      {"status", p.status}, {"usable", p.usable}});
  }
  json j{{"kind", kind_key(r.kind)}, {"name", r.name}, {"region", r.region}, {"status", r.status}, {"points", std::move(points)}};
  if (!r.arn.empty()) j["arn"] = r.arn;
  j["retention_days"] = r.retention_days ? json(*r.retention_days) : json(nullptr);
  j["pitr"] = r.pitr ? json{{"earliest", time_or_null(r.pitr->earliest)}, {"latest", format_iso8601(r.pitr->latest)}} : json(nullptr);
  if (r.kind == ResourceKind::S3Bucket) j["versioning"] = r.versioning;
  if (!r.replicates_to.empty()) j["replicates_to"] = r.replicates_to;
  return j;
}

json posture_json(const Posture& p) {
  json newest = nullptr;
  if (p.newest) newest = {{"time", format_iso8601(p.newest->time)}, {"what", p.newest->what}, {"region", p.newest->region}};
  return {{"kind", kind_key(p.kind)},
          {"name", p.name},
          {"region", p.region},
          {"found", p.found},
          {"status", status_name(p.status)},
          {"newest", std::move(newest)},
          {"exposure_s", seconds_or_null(p.exposure)},
          {"rpo_s", seconds_or_null(p.rpo)},
          {"retention_days", p.retention_days ? json(*p.retention_days) : json(nullptr)},
          {"pitr", p.pitr},
          {"dr_copy", p.dr_copy},
          {"reason", p.reason}};
}

json inventory_json(const Collection& c, const std::vector<Posture>& posture) {
  const auto& inv = c.inventory();
  json resources = json::array(), gaps = json::array(), post = json::array();
  for (const auto& r : inv.resources) resources.push_back(resource_json(r));
  for (const auto& g : inv.gaps) {
    gaps.push_back({{"region", g.region}, {"service", g.service}, {"operation", g.operation}, {"code", g.code},
                    {"message", g.message}, {"unreachable", g.unreachable()}});
  }
  for (const auto& p : posture) post.push_back(posture_json(p));
  return {{"regions", c.scope().regions()}, {"resources", std::move(resources)}, {"posture", std::move(post)},
          {"gaps", std::move(gaps)}, {"complete", c.complete()}};
}

}  // namespace drc::inventory
