#include "inventory/inventory.hpp"

namespace drc::inventory {

std::string_view kind_name(ResourceKind k) {
  switch (k) {
    case ResourceKind::RdsInstance: return "RDS instance";
    case ResourceKind::AuroraCluster: return "Aurora cluster";
    case ResourceKind::DynamoTable: return "DynamoDB table";
    case ResourceKind::S3Bucket: return "S3 bucket";
    case ResourceKind::EbsVolume: return "EBS volume";
  }
  return "resource";
}

std::string_view kind_key(ResourceKind k) {
  switch (k) {
    case ResourceKind::RdsInstance: return "rds_instance";
    case ResourceKind::AuroraCluster: return "aurora_cluster";
    case ResourceKind::DynamoTable: return "dynamodb_table";
    case ResourceKind::S3Bucket: return "s3_bucket";
    case ResourceKind::EbsVolume: return "ebs_volume";
  }
  return "resource";
}

std::string_view source_name(PointSource s) {
  switch (s) {
    case PointSource::AutomatedSnapshot: return "automated snapshot";
    case PointSource::ManualSnapshot: return "snapshot";
    case PointSource::BackupRecoveryPoint: return "AWS Backup recovery point";
    case PointSource::OnDemandBackup: return "on-demand backup";
    case PointSource::Ami: return "AMI";
    case PointSource::ReplicatedBackups: return "replicated automated backups";
  }
  return "point";
}

Resource* Inventory::find(ResourceKind kind, std::string_view name, std::string_view region) {
  for (auto& r : resources) {
    if (r.kind == kind && r.name == name && r.region == region) return &r;
  }
  return nullptr;
}

const Resource* Inventory::find(ResourceKind kind, std::string_view name, std::string_view region) const {
  return const_cast<Inventory*>(this)->find(kind, name, region);
}

const Resource* Inventory::find_anywhere(ResourceKind kind, std::string_view name) const {
  for (const auto& r : resources) {
    if (r.kind == kind && r.name == name) return &r;
  }
  return nullptr;
}

const Gap* Inventory::gap_for(std::string_view region, std::string_view service, bool any_error) const {
  for (const auto& g : gaps) {
    if (g.region == region && (service.empty() || g.service == service) && (any_error || g.unreachable())) return &g;
  }
  return nullptr;
}

std::optional<Newest> newest_point(const Resource& r, std::string_view region) {
  std::optional<Newest> best;
  auto consider = [&](Timestamp t, std::string what, std::string id, std::string where) {
    if (!best || t > best->time) best = Newest{t, std::move(what), std::move(id), std::move(where)};
  };
  if (r.pitr && r.pitr->latest != Timestamp{} && (region.empty() || region == r.region)) {
    consider(r.pitr->latest, "point-in-time restore", "", r.region);
  }
  // Retention 0 means automated snapshots are not kept: whatever is listed is about to go.
  const bool no_automated = r.retention_days && *r.retention_days == 0 &&
                            (r.kind == ResourceKind::RdsInstance || r.kind == ResourceKind::AuroraCluster);
  for (const auto& p : r.points) {
    if (!p.usable || (!region.empty() && p.region != region)) continue;
    if (no_automated && p.source == PointSource::AutomatedSnapshot) continue;
    consider(p.time, std::string(source_name(p.source)) + " " + p.id, p.id, p.region);
  }
  return best;
}

}  // namespace drc::inventory
