#include "inventory/collection.hpp"

// Collection::digest: what each operation's answer says, folded into resources and recovery points, and
// the follow-up calls it calls for. One branch per operation the inventory asks.

#include "inventory/arn.hpp"
#include "util/json_fields.hpp"

namespace drc::inventory {

using nlohmann::json;

namespace {

std::optional<Timestamp> time_of(const json& item, const char* key) { return parse_iso8601(json_string(item, key)); }

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

// A recovery point from one item of a list answer, usable once its status reads `ready`.
RecoveryPoint point_of(const json& item, const char* id_key, const char* time_key, const char* status_key, std::string_view ready,
                       PointSource source, const std::string& region) {
  RecoveryPoint p;
  p.id = json_string(item, id_key);
  p.source = source;
  p.region = region;
  p.time = time_of(item, time_key).value_or(Timestamp{});
  p.status = json_string(item, status_key);
  p.usable = p.status == ready && p.time != Timestamp{};
  return p;
}

}  // namespace

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
      auto p = point_of(s, "DBSnapshotIdentifier", "SnapshotCreateTime", "Status", "available",
                        rds_source(json_string(s, "SnapshotType")), region);
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
      auto p = point_of(s, "DBClusterSnapshotIdentifier", "SnapshotCreateTime", "Status", "available",
                        rds_source(json_string(s, "SnapshotType")), region);
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
      auto p = point_of(s, "SnapshotId", "StartTime", "State", "completed", PointSource::ManualSnapshot, region);
      point(ResourceKind::EbsVolume, json_string(s, "VolumeId"), region, std::move(p));
    }
  } else if (op == "DescribeImages") {
    for (const auto& img : list(out, "Images")) {
      LoosePoint lp;
      lp.point = point_of(img, "ImageId", "CreationDate", "State", "available", PointSource::Ami, region);
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
      auto p = point_of(i, "RecoveryPointArn", "CompletionDate", "Status", "COMPLETED", PointSource::BackupRecoveryPoint, region);
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
      auto p = point_of(b, "BackupArn", "BackupCreationDateTime", "BackupStatus", "AVAILABLE",
                        json_string(b, "BackupType") == "AWS_BACKUP" ? PointSource::BackupRecoveryPoint : PointSource::OnDemandBackup,
                        region);
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

}  // namespace drc::inventory
