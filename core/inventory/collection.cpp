#include "inventory/collection.hpp"

#include <algorithm>

#include "util/json_fields.hpp"

namespace drc::inventory {

using nlohmann::json;
using std::chrono::milliseconds;

namespace {

bool named_nothing(const runbook::Resources& r) { return r.empty(); }

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

}  // namespace

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
    calls.push_back({"ec2", "DescribeSnapshots", region, {{"OwnerIds", {"self"}}}});
    calls.push_back({"ec2", "DescribeImages", region, {{"Owners", {"self"}}}});
    calls.push_back({"backup", "ListBackupVaults", region, json::object()});
    calls.push_back({"dynamodb", "ListBackups", region, json::object()});
    if (named.dynamodb_tables.empty() && named_nothing(named)) {
      calls.push_back({"dynamodb", "ListTables", region, json::object()});
    }
    if (named.ebs_volumes.empty() && named_nothing(named)) calls.push_back({"ec2", "DescribeVolumes", region, json::object()});
  }
  // Named tables and volumes are asked for by name, in the primary region; a lock table is a table too.
  auto tables = named.dynamodb_tables;
  if (!named.lock_table.empty() && std::find(tables.begin(), tables.end(), named.lock_table) == tables.end()) {
    tables.push_back(named.lock_table);
  }
  for (const auto& t : tables) {
    calls.push_back({"dynamodb", "DescribeTable", scope_.region, {{"TableName", t}}});
    calls.push_back({"dynamodb", "DescribeContinuousBackups", scope_.region, {{"TableName", t}}});
  }
  if (!named.ebs_volumes.empty()) {
    calls.push_back({"ec2", "DescribeVolumes", scope_.region, {{"VolumeIds", named.ebs_volumes}}});
  }
  // Buckets are global names: ask for the named ones, or list them all once.
  auto buckets = named.s3_buckets;
  if (!named.state_bucket.empty() && std::find(buckets.begin(), buckets.end(), named.state_bucket) == buckets.end()) {
    buckets.push_back(named.state_bucket);
  }
  if (named_nothing(named)) {
    calls.push_back({"s3", "ListBuckets", scope_.region, json::object()});
  }
  for (const auto& b : buckets) {
    calls.push_back({"s3", "GetBucketVersioning", scope_.region, {{"Bucket", b}}});
    calls.push_back({"s3", "GetBucketReplication", scope_.region, {{"Bucket", b}}});
  }
  return track(std::move(calls), now);
}

std::vector<cloud::CloudCall> Collection::track(std::vector<cloud::CloudCall> calls, Timestamp now) {
  std::vector<cloud::CloudCall> sent;
  for (auto& c : calls) {
    // Page by page: each request has its own deadline, and the inventory fills as pages come.
    c.one_page = true;
    // The same call twice (a vault listed in both answers of a retried page) is asked once.
    if (outstanding_.emplace(call_key(c), now + scope_.timeout).second) sent.push_back(std::move(c));
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

bool Collection::expire(Timestamp now) {
  bool any = false;
  for (auto it = outstanding_.begin(); it != outstanding_.end();) {
    if (it->second > now) {
      ++it;
      continue;
    }
    // The key is "service operation region params".
    const auto& key = it->first;
    const auto a = key.find(' '), b = key.find(' ', a + 1), c = key.find(' ', b + 1);
    Gap g{key.substr(b + 1, c - b - 1), key.substr(0, a), key.substr(a + 1, b - a - 1), "Timeout",
          "no answer within " + format_compact(std::chrono::duration_cast<std::chrono::seconds>(scope_.timeout))};
    auto& latest = latency_[g.region + ' ' + g.service];
    latest = std::max(latest, std::chrono::duration_cast<milliseconds>(now - started_));
    gaps_.push_back(std::move(g));
    it = outstanding_.erase(it);
    any = true;
  }
  if (any) dirty_ = true;
  return any;
}

std::optional<Timestamp> Collection::next_deadline() const {
  std::optional<Timestamp> next;
  for (const auto& [key, due] : outstanding_) {
    if (!next || due < *next) next = due;
  }
  return next;
}

std::optional<milliseconds> Collection::latency(std::string_view region, std::string_view service) const {
  auto it = latency_.find(std::string(region) + ' ' + std::string(service));
  if (it == latency_.end()) return std::nullopt;
  return it->second;
}

bool Collection::wanted(ResourceKind kind, const std::string& name) const {
  if (named_nothing(scope_.named)) return true;
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
  points_.push_back({{kind, name, region}, std::move(p), {}, copy});
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
    if (wanted(r.kind, r.name)) inv.resources.push_back(r);
  }
  // Volumes by snapshot, so an AMI finds the volumes it was made from.
  std::map<std::string, std::string> volume_of;
  for (const auto& lp : points_) {
    if (lp.owner.kind == ResourceKind::EbsVolume && lp.point.source != PointSource::Ami) volume_of[lp.point.id] = lp.owner.name;
  }
  auto attach = [&](const Owner& o, const RecoveryPoint& p, bool copy) {
    if (o.name.empty()) return;
    // A point in another region is a copy of the primary's resource of that name, unless a resource of that
    // name lives there too and the point does not say it was copied (its own automated snapshot, say).
    Resource* home = inv.find(o.kind, o.name, o.region);
    if (o.region != scope_.region && (copy || !home)) {
      if (auto* primary = inv.find(o.kind, o.name, scope_.region)) home = primary;
    }
    if (!home) {
      // Points whose resource is gone (deleted, or only its copies are here): still restorable.
      if (!wanted(o.kind, o.name)) return;
      Resource r;
      r.kind = o.kind;
      r.name = o.name;
      r.region = o.region;
      r.status = "not found (recovery points only)";
      inv.resources.push_back(std::move(r));
      home = &inv.resources.back();
    }
    home->points.push_back(p);
  };
  for (const auto& lp : points_) {
    if (lp.point.source != PointSource::Ami) {
      attach(lp.owner, lp.point, lp.copy);
      continue;
    }
    std::vector<std::string> volumes;
    for (const auto& s : lp.snapshot_ids) {
      auto it = volume_of.find(s);
      if (it != volume_of.end() && std::find(volumes.begin(), volumes.end(), it->second) == volumes.end()) volumes.push_back(it->second);
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
