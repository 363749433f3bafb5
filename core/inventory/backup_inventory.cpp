#include "inventory/backup_inventory.hpp"

#include "util/json_fields.hpp"

namespace drc::inventory {

using nlohmann::json;

namespace {

std::optional<Timestamp> time_of(const json& item, const char* key) { return parse_iso8601(json_string(item, key)); }

InventoryRow row(const json& item, const char* name_key, const char* kind, const std::string& region,
                 const char* time_key, const char* status_key) {
  InventoryRow r;
  r.name = json_string(item, name_key);
  r.kind = kind;
  r.region = region;
  r.point = time_of(item, time_key);
  r.status = json_string(item, status_key);
  return r;
}

}  // namespace

std::vector<cloud::CloudCall> inventory_calls(const std::vector<std::string>& regions) {
  std::vector<cloud::CloudCall> calls;
  for (const auto& region : regions) {
    calls.push_back({"rds", "DescribeDBInstances", region, json::object()});
    calls.push_back({"rds", "DescribeDBSnapshots", region, json::object()});
    calls.push_back({"rds", "DescribeDBClusters", region, json::object()});
    calls.push_back({"rds", "DescribeDBClusterSnapshots", region, json::object()});
    calls.push_back({"ec2", "DescribeSnapshots", region, {{"OwnerIds", {"self"}}}});
    calls.push_back({"backup", "ListBackupVaults", region, json::object()});
  }
  return calls;
}

Digest digest(const cloud::CloudResult& res) {
  Digest d;
  const auto& c = res.call;
  if (!res.ok()) {
    InventoryRow r;
    r.name = c.service + " " + c.operation;
    r.kind = "unreachable";
    r.region = c.region;
    r.status = res.error->code + ": " + res.error->message;
    r.problem = true;
    d.rows.push_back(std::move(r));
    return d;
  }
  const auto& out = res.output;
  auto each = [&](const char* key, auto make) {
    for (const auto& item : out.value(key, json::array())) d.rows.push_back(make(item));
  };
  if (c.operation == "DescribeDBInstances") {
    each("DBInstances", [&](const json& i) {
      auto r = row(i, "DBInstanceIdentifier", "RDS instance", c.region, "LatestRestorableTime", "DBInstanceStatus");
      // Retention 0 means no automated backups and so no point-in-time recovery, whatever else is reported.
      if (json_int(i, "BackupRetentionPeriod").value_or(0) == 0) {
        r.point.reset();
        r.status += ", no PITR (retention 0)";
        r.problem = true;
      }
      return r;
    });
  } else if (c.operation == "DescribeDBSnapshots") {
    each("DBSnapshots", [&](const json& i) { return row(i, "DBSnapshotIdentifier", "RDS snapshot", c.region, "SnapshotCreateTime", "Status"); });
  } else if (c.operation == "DescribeDBClusters") {
    each("DBClusters", [&](const json& i) { return row(i, "DBClusterIdentifier", "Aurora cluster", c.region, "LatestRestorableTime", "Status"); });
  } else if (c.operation == "DescribeDBClusterSnapshots") {
    each("DBClusterSnapshots", [&](const json& i) {
      return row(i, "DBClusterSnapshotIdentifier", "Cluster snapshot", c.region, "SnapshotCreateTime", "Status");
    });
  } else if (c.operation == "DescribeSnapshots") {
    each("Snapshots", [&](const json& i) { return row(i, "SnapshotId", "EBS snapshot", c.region, "StartTime", "State"); });
  } else if (c.operation == "ListBackupVaults") {
    for (const auto& v : out.value("BackupVaultList", json::array())) {
      d.follow_ups.push_back({"backup", "ListRecoveryPointsByBackupVault", c.region,
                              {{"BackupVaultName", json_string(v, "BackupVaultName")}}});
    }
  } else if (c.operation == "ListRecoveryPointsByBackupVault") {
    each("RecoveryPoints", [&](const json& i) {
      auto r = row(i, "RecoveryPointArn", "Recovery point", c.region, "CompletionDate", "Status");
      const auto resource = json_string(i, "ResourceArn");
      if (const auto slash = resource.find_last_of(":/"); slash != std::string::npos) r.name = resource.substr(slash + 1);
      r.status = json_string(i, "ResourceType") + " " + r.status;
      return r;
    });
  }
  return d;
}

}  // namespace drc::inventory
