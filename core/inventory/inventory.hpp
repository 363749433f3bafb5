#pragma once
// The backup inventory: each protectable resource found in the environment's regions, with every point
// it could be restored to (its PITR window, snapshots, AWS Backup recovery points, copies in the DR
// region), and the calls that got no answer. Built by a Collection from the Cloud door's answers.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "util/time_format.hpp"

namespace drc::inventory {

enum class ResourceKind { RdsInstance, AuroraCluster, DynamoTable, S3Bucket, EbsVolume };
std::string_view kind_name(ResourceKind k);   // "RDS instance"
std::string_view kind_key(ResourceKind k);    // "rds_instance": the JSON form

// Where a restorable point comes from.
enum class PointSource { AutomatedSnapshot, ManualSnapshot, BackupRecoveryPoint, OnDemandBackup, Ami, ReplicatedBackups };
std::string_view source_name(PointSource s);  // "automated snapshot"

struct RecoveryPoint {
  std::string id;  // snapshot identifier, recovery point ARN, backup ARN
  PointSource source = PointSource::ManualSnapshot;
  std::string region;
  Timestamp time{};    // when its data was captured (for a copy, the original's time, not the copy's)
  std::string status;  // as the API says: "available", "completed", ...
  bool usable = false;  // complete and restorable now
};

// A point-in-time-recovery window: restore to any moment between earliest and latest.
struct PitrWindow {
  std::optional<Timestamp> earliest;
  Timestamp latest{};
};

struct Resource {
  ResourceKind kind = ResourceKind::RdsInstance;
  std::string name;  // identifier, table name, bucket name, volume id
  std::string region;
  std::string arn;
  std::string status;
  std::optional<int> retention_days;  // automated backup retention (RDS, Aurora) or PITR period (DynamoDB)
  std::optional<PitrWindow> pitr;     // absent when PITR is off or retention is 0
  std::vector<RecoveryPoint> points;  // in its own region and copies elsewhere, newest first after sorting
  // S3: versioning status ("Enabled", "Suspended", "" = never enabled) and where replication sends objects.
  std::string versioning;
  std::vector<std::string> replicates_to;
  std::string replica_of;  // a read replica: the source it follows (not protected in its own right)
  // What a restore needs to land where the original lives (RDS): copied into a rehearsal's restore.
  std::string engine, instance_class, subnet_group, availability_zone;
  std::vector<std::string> security_groups;
  // Details that could not be read ("versioning", "replication", "PITR", "description"): judged unknown.
  std::vector<std::string> unknown;
  bool details_missing() const { return !unknown.empty(); }
  bool found() const { return status != "not found" && status.find("recovery points only") == std::string::npos; }
};

// A call with no answer (no network, a timeout) or an error answer: the region and service it leaves blind.
struct Gap {
  std::string region, service, operation;
  std::string code;  // the API's code, "Unreachable", or "Timeout"
  std::string message;
  std::string resource;  // the table or bucket the call was about, when it was about one
  bool unreachable() const { return code == "Unreachable" || code == "Timeout"; }
};

struct Inventory {
  std::vector<Resource> resources;
  std::vector<Gap> gaps;
  std::string account;  // when the caller's identity was asked

  Resource* find(ResourceKind kind, std::string_view name, std::string_view region);
  const Resource* find(ResourceKind kind, std::string_view name, std::string_view region) const;
  // Any region.
  const Resource* find_anywhere(ResourceKind kind, std::string_view name) const;
  // Is the region (or one of its services) blind? service empty: any service. With any_error, an error
  // answer (AccessDenied, throttling) counts too: either way what it would have said is unknown.
  const Gap* gap_for(std::string_view region, std::string_view service = {}, bool any_error = false) const;
};

// The newest usable point of a resource in the given region (empty: any region); PITR counts as its
// latest restorable time.
struct Newest {
  Timestamp time{};
  std::string what;  // "PITR", "manual snapshot s1", ...
  std::string id;
  std::string region;
};
std::optional<Newest> newest_point(const Resource& r, std::string_view region = {});

}  // namespace drc::inventory
