#include "inventory/collection.hpp"

// Collection::digest: what each operation's answer says, folded into resources and recovery points, and
// the follow-up calls it calls for. One branch per operation the inventory asks.

#include "inventory/arn.hpp"
#include "util/json_fields.hpp"

namespace drc::inventory {

using nlohmann::json;

namespace {

std::optional<Timestamp> time_of(const json& item, const char* key) { return parse_iso8601(json_string(item, key)); }

// The first of these times the item has: for a copy, the original's time comes before the copy's.
Timestamp first_time(const json& item, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    if (auto t = time_of(item, k)) return *t;
  }
  return Timestamp{};
}

const json& list(const json& out, const char* key) {
  static const json empty = json::array();
  auto it = out.find(key);
  return it != out.end() && it->is_array() ? *it : empty;
}

PointSource rds_source(const std::string& snapshot_type) {
  if (snapshot_type == "automated") return PointSource::AutomatedSnapshot;
  if (snapshot_type == "awsbackup") return PointSource::BackupRecoveryPoint;
  return PointSource::ManualSnapshot;
}

// A recovery point from one item of a list answer, usable once its status is one of `ready`.
RecoveryPoint point_of(const json& item, const char* id_key, Timestamp time, const char* status_key,
                       std::initializer_list<std::string_view> ready, PointSource source, const std::string& region) {
  RecoveryPoint p;
  p.id = json_string(item, id_key);
  p.source = source;
  p.region = region;
  p.time = time;
  p.status = json_string(item, status_key);
  p.usable = time != Timestamp{} && std::find(ready.begin(), ready.end(), p.status) != ready.end();
  return p;
}

// S3's LocationConstraint: empty for us-east-1, "EU" for eu-west-1 (the oldest buckets).
std::string bucket_region(const std::string& constraint) {
  if (constraint.empty()) return "us-east-1";
  if (constraint == "EU") return "eu-west-1";
  return constraint;
}

bool not_found(const std::string& code) {
  return code == "ResourceNotFoundException" || code == "TableNotFoundException" || code == "NoSuchBucket" ||
         code == "DBInstanceNotFound" || code == "DBInstanceNotFoundFault";
}

// "[Copied snap-0123 from us-east-1]": EC2's description of a copy, whose VolumeId is meaningless.
std::string copied_from(const std::string& description) {
  const auto at = description.find("Copied snap-");
  if (at == std::string::npos) return {};
  const auto start = at + 7;
  const auto end = description.find(' ', start);
  return description.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

void Collection::note_failure(const cloud::CloudCall& c, Gap gap) {
  const auto& op = c.operation;
  const bool table = op == "DescribeTable" || op == "DescribeContinuousBackups";
  const bool bucket = op == "GetBucketVersioning" || op == "GetBucketReplication" || op == "GetBucketLocation";
  if (table || bucket) {
    const auto name = json_string(c.params, table ? "TableName" : "Bucket");
    gap.resource = name;
    auto& r = resource(table ? ResourceKind::DynamoTable : ResourceKind::S3Bucket, name, c.region);
    if (not_found(gap.code)) {
      // A finding about the resource, not a blind spot in the region.
      r.status = "not found";
      return;
    }
    r.unknown.push_back(op == "DescribeContinuousBackups" ? "PITR"
                        : op == "GetBucketReplication"    ? "replication"
                        : op == "DescribeTable"           ? "description"
                                                          : "versioning");
  }
  gaps_.push_back(std::move(gap));
}

std::vector<cloud::CloudCall> Collection::digest(const cloud::CloudResult& res) {
  std::vector<cloud::CloudCall> follow;
  const auto& c = res.call;
  const auto& region = c.region;
  if (!res.ok()) {
    // Not an outage: the thing simply is not configured.
    if (c.operation == "GetBucketReplication" && res.error->code == "ReplicationConfigurationNotFoundError") return follow;
    note_failure(c, {region, c.service, c.operation, res.error->code, res.error->message, {}});
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
      r.replica_of = json_string(i, "ReadReplicaSourceDBInstanceIdentifier");
      r.engine = json_string(i, "Engine");
      r.instance_class = json_string(i, "DBInstanceClass");
      r.availability_zone = json_string(i, "AvailabilityZone");
      r.subnet_group = json_string(i.value("DBSubnetGroup", json::object()), "DBSubnetGroupName");
      for (const auto& g : i.value("VpcSecurityGroups", json::array())) r.security_groups.push_back(json_string(g, "VpcSecurityGroupId"));
      const auto retention = json_int(i, "BackupRetentionPeriod");
      if (retention) r.retention_days = static_cast<int>(*retention);
      // Retention 0: no automated backups and so no point-in-time recovery, whatever else is reported.
      r.pitr.reset();
      if (retention.value_or(0) > 0) {
        if (auto latest = time_of(i, "LatestRestorableTime")) r.pitr = PitrWindow{std::nullopt, *latest};
      }
      for (const auto& replica : i.value("ReadReplicaDBInstanceIdentifiers", json::array())) {
        if (replica.is_string()) r.replicates_to.push_back(replica.get<std::string>());
      }
    }
  } else if (op == "DescribeDBInstanceAutomatedBackups") {
    for (const auto& b : list(out, "DBInstanceAutomatedBackups")) {
      const auto window = b.value("RestoreWindow", json::object());
      const auto name = json_string(b, "DBInstanceIdentifier");
      const auto home = json_string(b, "Region");
      if (!home.empty() && home != region) {
        // Automated backups replicated here from another region: a DR copy restorable to its latest time.
        auto p = point_of(b, "DBInstanceAutomatedBackupsArn", first_time(window, {"LatestTime"}), "Status",
                          {"replicating", "active"}, PointSource::ReplicatedBackups, region);
        points_.push_back({{ResourceKind::RdsInstance, name, home}, std::move(p), {}, true, {}});
        continue;
      }
      // Kept aside until the instance itself is known: a retained backup of a deleted instance is no window.
      if (json_string(b, "Status") == "active") windows_[name + ' ' + region] = {time_of(window, "EarliestTime"), time_of(window, "LatestTime")};
    }
  } else if (op == "DescribeDBSnapshots") {
    for (const auto& s : list(out, "DBSnapshots")) {
      auto p = point_of(s, "DBSnapshotIdentifier", first_time(s, {"SnapshotDatabaseTime", "OriginalSnapshotCreateTime", "SnapshotCreateTime"}),
                        "Status", {"available"}, rds_source(json_string(s, "SnapshotType")), region);
      const auto source = json_string(s, "SourceRegion");
      point(ResourceKind::RdsInstance, json_string(s, "DBInstanceIdentifier"), region, std::move(p), !source.empty() && source != region);
    }
  } else if (op == "DescribeDBClusters") {
    for (const auto& i : list(out, "DBClusters")) {
      // Multi-AZ DB clusters, Neptune and DocumentDB answer here too; only Aurora is inventoried as such.
      if (!json_string(i, "Engine").starts_with("aurora")) continue;
      auto& r = resource(ResourceKind::AuroraCluster, json_string(i, "DBClusterIdentifier"), region);
      r.arn = json_string(i, "DBClusterArn");
      r.status = json_string(i, "Status");
      r.engine = json_string(i, "Engine");
      r.replica_of = json_string(i, "ReplicationSourceIdentifier");
      r.subnet_group = json_string(i, "DBSubnetGroup");
      for (const auto& g : i.value("VpcSecurityGroups", json::array())) r.security_groups.push_back(json_string(g, "VpcSecurityGroupId"));
      const auto retention = json_int(i, "BackupRetentionPeriod");
      if (retention) r.retention_days = static_cast<int>(*retention);
      r.pitr.reset();
      if (retention.value_or(0) > 0) {
        if (auto latest = time_of(i, "LatestRestorableTime")) r.pitr = PitrWindow{time_of(i, "EarliestRestorableTime"), *latest};
      }
      for (const auto& replica : i.value("ReadReplicaIdentifiers", json::array())) {
        if (replica.is_string()) r.replicates_to.push_back(replica.get<std::string>());
      }
    }
  } else if (op == "DescribeDBClusterSnapshots") {
    for (const auto& s : list(out, "DBClusterSnapshots")) {
      auto p = point_of(s, "DBClusterSnapshotIdentifier", first_time(s, {"SnapshotCreateTime"}), "Status", {"available"},
                        rds_source(json_string(s, "SnapshotType")), region);
      point(ResourceKind::AuroraCluster, json_string(s, "DBClusterIdentifier"), region, std::move(p),
            !json_string(s, "SourceDBClusterSnapshotArn").empty());
    }
  } else if (op == "DescribeVolumes") {
    for (const auto& v : list(out, "Volumes")) {
      auto& r = resource(ResourceKind::EbsVolume, json_string(v, "VolumeId"), region);
      r.status = json_string(v, "State");
      r.availability_zone = json_string(v, "AvailabilityZone");
    }
  } else if (op == "DescribeSnapshots") {
    for (const auto& s : list(out, "Snapshots")) {
      auto p = point_of(s, "SnapshotId", first_time(s, {"StartTime"}), "State", {"completed"}, PointSource::ManualSnapshot, region);
      LoosePoint lp{{ResourceKind::EbsVolume, json_string(s, "VolumeId"), region}, std::move(p), {}, false, copied_from(json_string(s, "Description"))};
      lp.copy = !lp.copied_from.empty();
      points_.push_back(std::move(lp));
    }
  } else if (op == "DescribeImages") {
    for (const auto& img : list(out, "Images")) {
      LoosePoint lp;
      lp.point = point_of(img, "ImageId", first_time(img, {"CreationDate"}), "State", {"available"}, PointSource::Ami, region);
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
      // CreationDate is when the backup began, the data's time; CompletionDate only when the job ended.
      auto p = point_of(i, "RecoveryPointArn", first_time(i, {"CreationDate", "CompletionDate"}), "Status", {"COMPLETED", "AVAILABLE"},
                        PointSource::BackupRecoveryPoint, region);
      const auto home = owner->region.empty() ? region : owner->region;
      point(owner->kind, owner->name, home, std::move(p), home != region);
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
      auto p = point_of(b, "BackupArn", first_time(b, {"BackupCreationDateTime"}), "BackupStatus", {"AVAILABLE"},
                        json_string(b, "BackupType") == "AWS_BACKUP" ? PointSource::BackupRecoveryPoint : PointSource::OnDemandBackup,
                        region);
      const auto arn = parse_resource_arn(json_string(b, "TableArn"));
      const auto home = arn && !arn->region.empty() ? arn->region : region;
      point(ResourceKind::DynamoTable, json_string(b, "TableName"), home, std::move(p), home != region);
    }
  } else if (op == "ListBuckets") {
    for (const auto& b : list(out, "Buckets")) {
      const auto name = json_string(b, "Name");
      const auto home = json_string(b, "BucketRegion");
      if (home.empty()) {
        follow.push_back({"s3", "GetBucketLocation", region, {{"Bucket", name}}});
        continue;
      }
      follow.push_back({"s3", "GetBucketVersioning", home, {{"Bucket", name}}});
      follow.push_back({"s3", "GetBucketReplication", home, {{"Bucket", name}}});
    }
  } else if (op == "GetBucketLocation") {
    // Each bucket answers in its own region: ask it there.
    const auto name = json_string(c.params, "Bucket");
    const auto home = bucket_region(json_string(out, "LocationConstraint"));
    follow.push_back({"s3", "GetBucketVersioning", home, {{"Bucket", name}}});
    follow.push_back({"s3", "GetBucketReplication", home, {{"Bucket", name}}});
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

}  // namespace drc::inventory
