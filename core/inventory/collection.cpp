#include "inventory/collection.hpp"

#include <algorithm>

#include "inventory/arn.hpp"
#include "util/json_fields.hpp"

namespace drc::inventory {

using nlohmann::json;
using std::chrono::milliseconds;

namespace {

std::optional<Timestamp> time_of(const json& item, const char* key) { return parse_iso8601(json_string(item, key)); }

const json& list(const json& out, const char* key) {
  static const json empty = json::array();
  auto it = out.find(key);
  return it != out.end() && it->is_array() ? *it : empty;
}

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

PointSource rds_source(const std::string& snapshot_type) {
  if (snapshot_type == "automated") return PointSource::AutomatedSnapshot;
  if (snapshot_type == "awsbackup") return PointSource::BackupRecoveryPoint;
  return PointSource::ManualSnapshot;
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

std::vector<cloud::CloudCall> Collection::digest(const cloud::CloudResult& res) {
  std::vector<cloud::CloudCall> follow;
  const auto& c = res.call;
  const auto& region = c.region;
  if (!res.ok()) {
    const auto& code = res.error->code;
    // Not an outage: the thing simply is not configured.
    if (c.operation == "GetBucketReplication" && code == "ReplicationConfigurationNotFoundError") return follow;
    if (c.operation == "DescribeTable" || c.operation == "DescribeContinuousBackups" || c.operation == "GetBucketVersioning" ||
        c.operation == "GetBucketReplication") {
      const bool table = c.service == "dynamodb";
      const auto name = json_string(c.params, table ? "TableName" : "Bucket");
      auto& r = resource(table ? ResourceKind::DynamoTable : ResourceKind::S3Bucket, name, region);
      if (code == "ResourceNotFoundException" || code == "NoSuchBucket") {
        r.status = "not found";
      } else {
        r.details_missing = true;
      }
    }
    gaps_.push_back({region, c.service, c.operation, code, res.error->message});
    return follow;
  }
  const auto& out = res.output;
  const auto& op = c.operation;
  if (op == "GetCallerIdentity") {
    account_ = json_string(out, "Account");
  } else if (op == "DescribeDBInstances") {
    for (const auto& i : list(out, "DBInstances")) {
      // Aurora members are restored through their cluster.
      if (!json_string(i, "DBClusterIdentifier").empty()) continue;
      auto& r = resource(ResourceKind::RdsInstance, json_string(i, "DBInstanceIdentifier"), region);
      r.arn = json_string(i, "DBInstanceArn");
      r.status = json_string(i, "DBInstanceStatus");
      const auto retention = json_int(i, "BackupRetentionPeriod");
      if (retention) r.retention_days = static_cast<int>(*retention);
      // Retention 0: no automated backups and so no point-in-time recovery, whatever else is reported.
      if (retention.value_or(0) > 0) {
        if (auto latest = time_of(i, "LatestRestorableTime")) {
          PitrWindow w;
          w.latest = *latest;
          if (r.pitr) w.earliest = r.pitr->earliest;  // the automated-backups answer may have come first
          r.pitr = w;
        }
      }
      for (const auto& replica : i.value("ReadReplicaDBInstanceIdentifiers", json::array())) {
        if (replica.is_string()) r.replicates_to.push_back(replica.get<std::string>());
      }
    }
  } else if (op == "DescribeDBInstanceAutomatedBackups") {
    for (const auto& b : list(out, "DBInstanceAutomatedBackups")) {
      const auto window = b.value("RestoreWindow", json::object());
      const auto earliest = time_of(window, "EarliestTime");
      if (!earliest) continue;
      // The source's region, when this is a replicated automated backup in the DR region.
      const auto src = json_string(b, "Region");
      const auto& home = src.empty() ? region : src;
      auto& r = resource(ResourceKind::RdsInstance, json_string(b, "DBInstanceIdentifier"), home);
      if (home != region) {
        r.replicates_to.push_back("automated backups replicated to " + region);
        continue;
      }
      if (r.pitr) {
        r.pitr->earliest = earliest;
      } else {
        r.pitr = PitrWindow{earliest, Timestamp{}};
      }
    }
  } else if (op == "DescribeDBSnapshots") {
    for (const auto& s : list(out, "DBSnapshots")) {
      RecoveryPoint p;
      p.id = json_string(s, "DBSnapshotIdentifier");
      p.source = rds_source(json_string(s, "SnapshotType"));
      p.region = region;
      p.time = time_of(s, "SnapshotCreateTime").value_or(Timestamp{});
      p.status = json_string(s, "Status");
      p.usable = p.status == "available" && p.time != Timestamp{};
      const bool copy = !json_string(s, "SourceRegion").empty() || !json_string(s, "SourceDBSnapshotIdentifier").empty();
      point(ResourceKind::RdsInstance, json_string(s, "DBInstanceIdentifier"), region, std::move(p), copy);
    }
  } else if (op == "DescribeDBClusters") {
    for (const auto& i : list(out, "DBClusters")) {
      auto& r = resource(ResourceKind::AuroraCluster, json_string(i, "DBClusterIdentifier"), region);
      r.arn = json_string(i, "DBClusterArn");
      r.status = json_string(i, "Status");
      const auto retention = json_int(i, "BackupRetentionPeriod");
      if (retention) r.retention_days = static_cast<int>(*retention);
      if (retention.value_or(0) > 0) {
        if (auto latest = time_of(i, "LatestRestorableTime")) r.pitr = PitrWindow{time_of(i, "EarliestRestorableTime"), *latest};
      }
      for (const auto& replica : i.value("ReadReplicaIdentifiers", json::array())) {
        if (replica.is_string()) r.replicates_to.push_back(replica.get<std::string>());
      }
    }
  } else if (op == "DescribeDBClusterSnapshots") {
    for (const auto& s : list(out, "DBClusterSnapshots")) {
      RecoveryPoint p;
      p.id = json_string(s, "DBClusterSnapshotIdentifier");
      p.source = rds_source(json_string(s, "SnapshotType"));
      p.region = region;
      p.time = time_of(s, "SnapshotCreateTime").value_or(Timestamp{});
      p.status = json_string(s, "Status");
      p.usable = p.status == "available" && p.time != Timestamp{};
      point(ResourceKind::AuroraCluster, json_string(s, "DBClusterIdentifier"), region, std::move(p),
            !json_string(s, "SourceDBClusterSnapshotArn").empty());
    }
  } else if (op == "DescribeVolumes") {
    for (const auto& v : list(out, "Volumes")) {
      auto& r = resource(ResourceKind::EbsVolume, json_string(v, "VolumeId"), region);
      r.status = json_string(v, "State");
    }
  } else if (op == "DescribeSnapshots") {
    for (const auto& s : list(out, "Snapshots")) {
      RecoveryPoint p;
      p.id = json_string(s, "SnapshotId");
      p.source = PointSource::ManualSnapshot;
      p.region = region;
      p.time = time_of(s, "StartTime").value_or(Timestamp{});
      p.status = json_string(s, "State");
      p.usable = p.status == "completed" && p.time != Timestamp{};
      point(ResourceKind::EbsVolume, json_string(s, "VolumeId"), region, std::move(p));
    }
  } else if (op == "DescribeImages") {
    for (const auto& img : list(out, "Images")) {
      LoosePoint lp;
      lp.point.id = json_string(img, "ImageId");
      lp.point.source = PointSource::Ami;
      lp.point.region = region;
      lp.point.time = time_of(img, "CreationDate").value_or(Timestamp{});
      lp.point.status = json_string(img, "State");
      lp.point.usable = lp.point.status == "available" && lp.point.time != Timestamp{};
      for (const auto& m : img.value("BlockDeviceMappings", json::array())) {
        const auto id = json_string(m.value("Ebs", json::object()), "SnapshotId");
        if (!id.empty()) lp.snapshot_ids.push_back(id);
      }
      lp.owner = {ResourceKind::EbsVolume, "", region};
      points_.push_back(std::move(lp));
    }
  } else if (op == "ListBackupVaults") {
    for (const auto& v : list(out, "BackupVaultList")) {
      follow.push_back({"backup", "ListRecoveryPointsByBackupVault", region, {{"BackupVaultName", json_string(v, "BackupVaultName")}}});
    }
  } else if (op == "ListRecoveryPointsByBackupVault") {
    for (const auto& i : list(out, "RecoveryPoints")) {
      const auto owner = parse_resource_arn(json_string(i, "ResourceArn"));
      if (!owner) continue;
      RecoveryPoint p;
      p.id = json_string(i, "RecoveryPointArn");
      p.source = PointSource::BackupRecoveryPoint;
      p.region = region;
      p.time = time_of(i, "CompletionDate").value_or(Timestamp{});
      p.status = json_string(i, "Status");
      p.usable = p.status == "COMPLETED" && p.time != Timestamp{};
      point(owner->kind, owner->name, owner->region.empty() ? region : owner->region, std::move(p));
    }
  } else if (op == "ListTables") {
    for (const auto& t : list(out, "TableNames")) {
      if (!t.is_string()) continue;
      follow.push_back({"dynamodb", "DescribeTable", region, {{"TableName", t}}});
      follow.push_back({"dynamodb", "DescribeContinuousBackups", region, {{"TableName", t}}});
    }
  } else if (op == "DescribeTable") {
    const auto t = out.value("Table", json::object());
    auto& r = resource(ResourceKind::DynamoTable, json_string(t, "TableName"), region);
    r.arn = json_string(t, "TableArn");
    r.status = json_string(t, "TableStatus");
    for (const auto& rep : t.value("Replicas", json::array())) {
      const auto rr = json_string(rep, "RegionName");
      if (!rr.empty() && rr != region) r.replicates_to.push_back("global table replica in " + rr);
    }
  } else if (op == "DescribeContinuousBackups") {
    auto& r = resource(ResourceKind::DynamoTable, json_string(c.params, "TableName"), region);
    const auto d = out.value("ContinuousBackupsDescription", json::object()).value("PointInTimeRecoveryDescription", json::object());
    if (json_string(d, "PointInTimeRecoveryStatus") == "ENABLED") {
      if (auto latest = time_of(d, "LatestRestorableDateTime")) r.pitr = PitrWindow{time_of(d, "EarliestRestorableDateTime"), *latest};
      r.retention_days = static_cast<int>(json_int(d, "RecoveryPeriodInDays").value_or(35));
    }
  } else if (op == "ListBackups") {
    for (const auto& b : list(out, "BackupSummaries")) {
      RecoveryPoint p;
      p.id = json_string(b, "BackupArn");
      p.source = json_string(b, "BackupType") == "AWS_BACKUP" ? PointSource::BackupRecoveryPoint : PointSource::OnDemandBackup;
      p.region = region;
      p.time = time_of(b, "BackupCreationDateTime").value_or(Timestamp{});
      p.status = json_string(b, "BackupStatus");
      p.usable = p.status == "AVAILABLE" && p.time != Timestamp{};
      const auto arn = parse_resource_arn(json_string(b, "TableArn"));
      point(ResourceKind::DynamoTable, json_string(b, "TableName"), arn && !arn->region.empty() ? arn->region : region, std::move(p));
    }
  } else if (op == "ListBuckets") {
    for (const auto& b : list(out, "Buckets")) {
      const auto name = json_string(b, "Name");
      follow.push_back({"s3", "GetBucketVersioning", region, {{"Bucket", name}}});
      follow.push_back({"s3", "GetBucketReplication", region, {{"Bucket", name}}});
    }
  } else if (op == "GetBucketVersioning") {
    auto& r = resource(ResourceKind::S3Bucket, json_string(c.params, "Bucket"), region);
    r.versioning = json_string(out, "Status");
    if (r.status.empty()) r.status = r.versioning.empty() ? "versioning never enabled" : "versioning " + r.versioning;
  } else if (op == "GetBucketReplication") {
    auto& r = resource(ResourceKind::S3Bucket, json_string(c.params, "Bucket"), region);
    for (const auto& rule : out.value("ReplicationConfiguration", json::object()).value("Rules", json::array())) {
      if (json_string(rule, "Status") != "Enabled") continue;
      const auto dest = json_string(rule.value("Destination", json::object()), "Bucket");
      if (!dest.empty()) r.replicates_to.push_back(dest);
    }
  }
  return follow;
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
