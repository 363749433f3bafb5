#include "inventory/collection.hpp"

#include <algorithm>
#include <unordered_map>

#include "util/json_fields.hpp"

namespace drc::inventory {

using nlohmann::json;
using std::chrono::milliseconds;

const std::vector<std::string>& names_of(const runbook::Resources& r, ResourceKind k) {
  switch (k) {
    case ResourceKind::RdsInstance: return r.rds_instances;
    case ResourceKind::AuroraCluster: return r.aurora_clusters;
    case ResourceKind::DynamoTable: return r.dynamodb_tables;
    case ResourceKind::S3Bucket: return r.s3_buckets;
    case ResourceKind::EbsVolume: return r.ebs_volumes;
  }
  return r.rds_instances;
}

std::string call_key(const cloud::CloudCall& c) { return c.service + ' ' + c.operation + ' ' + c.region + ' ' + c.params.dump(); }

std::vector<std::string> Scope::regions() const {
  std::vector<std::string> out{region};
  auto add = [&](const std::string& r) {
    if (!r.empty() && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  };
  add(dr_region);
  for (const auto& r : backup_regions) add(r);
  return out;
}

bool Scope::discovers() const {
  return named.rds_instances.empty() && named.aurora_clusters.empty() && named.dynamodb_tables.empty() && named.s3_buckets.empty() &&
         named.ebs_volumes.empty();
}

std::vector<cloud::CloudCall> Collection::start(Timestamp now) {
  started_ = now;
  std::vector<cloud::CloudCall> calls;
  const auto& named = scope_.named;
  if (scope_.identity) calls.push_back({"sts", "GetCallerIdentity", scope_.region, json::object()});
  for (const auto& region : scope_.regions()) {
    calls.push_back({"rds", "DescribeDBInstances", region, json::object()});
    calls.push_back({"rds", "DescribeDBInstanceAutomatedBackups", region, json::object()});
    calls.push_back({"rds", "DescribeDBSnapshots", region, json::object()});
    calls.push_back({"rds", "DescribeDBClusters", region, json::object()});
    calls.push_back({"rds", "DescribeDBClusterSnapshots", region, json::object()});
    calls.push_back({"ec2", "DescribeSnapshots", region, {{"OwnerIds", {"self"}}, {"MaxResults", 1000}}});
    calls.push_back({"ec2", "DescribeImages", region, {{"Owners", {"self"}}}});
    calls.push_back({"backup", "ListBackupVaults", region, json::object()});
    calls.push_back({"dynamodb", "ListBackups", region, {{"BackupType", "ALL"}}});
    if (scope_.discovers()) calls.push_back({"dynamodb", "ListTables", region, json::object()});
    if (scope_.discovers()) calls.push_back({"ec2", "DescribeVolumes", region, json::object()});
  }
  // Named tables are asked for by name, in the primary region; a lock table is a table too.
  auto tables = named.dynamodb_tables;
  if (!named.lock_table.empty() && std::find(tables.begin(), tables.end(), named.lock_table) == tables.end()) {
    tables.push_back(named.lock_table);
  }
  for (const auto& t : tables) {
    calls.push_back({"dynamodb", "DescribeTable", scope_.region, {{"TableName", t}}});
    calls.push_back({"dynamodb", "DescribeContinuousBackups", scope_.region, {{"TableName", t}}});
  }
  if (!named.ebs_volumes.empty()) {
    // A filter, not VolumeIds: one mistyped id must not hide the others.
    calls.push_back({"ec2", "DescribeVolumes", scope_.region, {{"Filters", {{{"Name", "volume-id"}, {"Values", named.ebs_volumes}}}}}});
  }
  // Bucket names are global; each bucket answers in its own region, found first.
  auto buckets = named.s3_buckets;
  if (!named.state_bucket.empty() && std::find(buckets.begin(), buckets.end(), named.state_bucket) == buckets.end()) {
    buckets.push_back(named.state_bucket);
  }
  if (scope_.discovers()) calls.push_back({"s3", "ListBuckets", scope_.region, {{"MaxBuckets", 1000}}});
  for (const auto& b : buckets) calls.push_back({"s3", "GetBucketLocation", scope_.region, {{"Bucket", b}}});
  return track(std::move(calls), now);
}

std::vector<cloud::CloudCall> Collection::track(std::vector<cloud::CloudCall> calls, Timestamp now) {
  for (auto& c : calls) {
    // Page by page: each request has its own deadline, and the inventory fills as pages come.
    c.one_page = true;
    // The same call twice (a vault listed in two answers) is asked once.
    if (seen_.insert(call_key(c)).second) queued_.push_back(std::move(c));
  }
  std::vector<cloud::CloudCall> sent;
  while (!queued_.empty() && outstanding_.size() < std::max<std::size_t>(1, scope_.max_in_flight)) {
    auto c = std::move(queued_.front());
    queued_.pop_front();
    outstanding_.emplace(call_key(c), Pending{c, now + scope_.timeout});
    sent.push_back(std::move(c));
  }
  return sent;
}

std::vector<cloud::CloudCall> Collection::take(const cloud::CloudResult& r, Timestamp now) {
  auto it = outstanding_.find(call_key(r.call));
  if (it == outstanding_.end()) return {};
  outstanding_.erase(it);
  auto& latest = latency_[r.call.region + ' ' + r.call.service];
  latest = std::max(latest, std::chrono::duration_cast<milliseconds>(now - started_));
  dirty_ = true;
  auto follow = digest(r);
  if (r.next_page) follow.push_back(*r.next_page);
  return track(std::move(follow), now);
}

std::vector<cloud::CloudCall> Collection::expire(Timestamp now) {
  bool any = false;
  for (auto it = outstanding_.begin(); it != outstanding_.end();) {
    if (it->second.due > now) {
      ++it;
      continue;
    }
    const auto& c = it->second.call;
    const auto waited = format_duration_ms(scope_.timeout);
    note_failure(c, {c.region, c.service, c.operation, "Timeout", "no answer within " + waited, {}});
    auto& latest = latency_[c.region + ' ' + c.service];
    latest = std::max(latest, std::chrono::duration_cast<milliseconds>(now - started_));
    it = outstanding_.erase(it);
    any = true;
  }
  if (!any) return {};
  dirty_ = true;
  return track({}, now);  // the freed places go to calls still waiting their turn
}

void Collection::abandon(const std::string& code, const std::string& why) {
  for (const auto& [key, p] : outstanding_) note_failure(p.call, {p.call.region, p.call.service, p.call.operation, code, why, {}});
  for (const auto& c : queued_) note_failure(c, {c.region, c.service, c.operation, code, why, {}});
  outstanding_.clear();
  queued_.clear();
  dirty_ = true;
}

std::optional<Timestamp> Collection::next_deadline() const {
  std::optional<Timestamp> next;
  for (const auto& [key, p] : outstanding_) {
    if (!next || p.due < *next) next = p.due;
  }
  return next;
}

std::optional<milliseconds> Collection::latency(std::string_view region, std::string_view service) const {
  auto it = latency_.find(std::string(region) + ' ' + std::string(service));
  if (it == latency_.end()) return std::nullopt;
  return it->second;
}

bool Collection::wanted(ResourceKind kind, const std::string& name) const {
  if (scope_.discovers()) return true;
  const auto& names = names_of(scope_.named, kind);
  if (std::find(names.begin(), names.end(), name) != names.end()) return true;
  if (kind == ResourceKind::S3Bucket && name == scope_.named.state_bucket) return true;
  return kind == ResourceKind::DynamoTable && name == scope_.named.lock_table;
}

Resource& Collection::resource(ResourceKind kind, const std::string& name, const std::string& region) {
  for (auto& r : found_) {
    if (r.kind == kind && r.name == name && r.region == region) return r;
  }
  Resource r;
  r.kind = kind;
  r.name = name;
  r.region = region;
  found_.push_back(std::move(r));
  return found_.back();
}

void Collection::point(ResourceKind kind, const std::string& name, const std::string& region, RecoveryPoint p, bool copy) {
  points_.push_back({{kind, name, region}, std::move(p), {}, copy, {}});
}

const Inventory& Collection::inventory() const {
  if (dirty_) rebuild();
  return view_;
}

void Collection::rebuild() const {
  Inventory inv;
  inv.account = account_;
  inv.gaps = gaps_;
  for (const auto& r : found_) {
    if (!wanted(r.kind, r.name)) continue;
    inv.resources.push_back(r);
    auto& added = inv.resources.back();
    // The automated backups' window, for an instance that keeps them.
    const auto w = windows_.find(added.name + ' ' + added.region);
    if (added.kind == ResourceKind::RdsInstance && w != windows_.end() && added.retention_days.value_or(0) > 0) {
      if (added.pitr) {
        added.pitr->earliest = w->second.earliest;
      } else if (w->second.latest) {
        added.pitr = PitrWindow{w->second.earliest, *w->second.latest};
      }
    }
  }
  // EBS snapshots by id, so an AMI finds the volumes it was made from and a copy finds its original.
  std::map<std::string, const LoosePoint*> snapshot;
  for (const auto& lp : points_) {
    if (lp.owner.kind == ResourceKind::EbsVolume && lp.point.source != PointSource::Ami) snapshot[lp.point.id] = &lp;
  }
  // Resources by kind, name and region: thousands of points find their resource without a scan each.
  std::unordered_map<std::string, std::size_t> index;
  auto key = [](ResourceKind k, const std::string& name, const std::string& region) {
    return std::to_string(static_cast<int>(k)) + ' ' + region + ' ' + name;
  };
  for (std::size_t i = 0; i < inv.resources.size(); ++i) {
    const auto& r = inv.resources[i];
    index.emplace(key(r.kind, r.name, r.region), i);
  }
  auto at = [&](ResourceKind k, const std::string& name, const std::string& region) -> std::optional<std::size_t> {
    const auto it = index.find(key(k, name, region));
    return it == index.end() ? std::nullopt : std::optional(it->second);
  };
  auto attach = [&](const Owner& o, const RecoveryPoint& p, bool copy) {
    if (o.name.empty() || !wanted(o.kind, o.name)) return;
    // A point in another region is a copy of the primary's resource of that name, unless a resource of that
    // name lives there too and the point does not say it was copied (its own automated snapshot, say).
    auto home = at(o.kind, o.name, o.region);
    if (o.region != scope_.region && (copy || !home)) {
      if (auto primary = at(o.kind, o.name, scope_.region)) home = primary;
    }
    if (!home) {
      // Points whose resource is gone (deleted, or only its copies are here): still restorable.
      Resource r;
      r.kind = o.kind;
      r.name = o.name;
      r.region = o.region;
      r.status = "not found (recovery points only)";
      home = inv.resources.size();
      index.emplace(key(r.kind, r.name, r.region), *home);
      inv.resources.push_back(std::move(r));
    }
    inv.resources[*home].points.push_back(p);
  };
  for (const auto& lp : points_) {
    if (lp.point.source != PointSource::Ami) {
      if (lp.copied_from.empty()) {
        attach(lp.owner, lp.point, lp.copy);
        continue;
      }
      // An EBS copy names a meaningless volume: it belongs to its original's, with the original's time.
      const auto original = snapshot.find(lp.copied_from);
      if (original == snapshot.end()) continue;  // the original is in a region not inventoried
      auto p = lp.point;
      p.time = original->second->point.time;
      attach(original->second->owner, p, true);
      continue;
    }
    std::vector<std::string> volumes;
    for (const auto& s : lp.snapshot_ids) {
      auto it = snapshot.find(s);
      if (it == snapshot.end() || !it->second->copied_from.empty()) continue;
      const auto& v = it->second->owner.name;
      if (std::find(volumes.begin(), volumes.end(), v) == volumes.end()) volumes.push_back(v);
    }
    for (const auto& v : volumes) attach({ResourceKind::EbsVolume, v, lp.owner.region}, lp.point, false);
  }
  for (auto& r : inv.resources) {
    std::sort(r.points.begin(), r.points.end(), [](const RecoveryPoint& a, const RecoveryPoint& b) { return a.time > b.time; });
  }
  std::stable_sort(inv.resources.begin(), inv.resources.end(), [&](const Resource& a, const Resource& b) {
    const bool ap = a.region == scope_.region, bp = b.region == scope_.region;
    if (ap != bp) return ap;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.name < b.name;
  });
  view_ = std::move(inv);
  dirty_ = false;
}

}  // namespace drc::inventory
