#include "inventory/posture.hpp"

#include <algorithm>

namespace drc::inventory {

using std::chrono::seconds;

std::string_view status_name(PostureStatus s) {
  switch (s) {
    case PostureStatus::Ok: return "ok";
    case PostureStatus::Warning: return "warning";
    case PostureStatus::Breach: return "breach";
    case PostureStatus::Unknown: return "unknown";
  }
  return "unknown";
}

namespace {

std::string_view service_of(ResourceKind k) {
  switch (k) {
    case ResourceKind::RdsInstance:
    case ResourceKind::AuroraCluster: return "rds";
    case ResourceKind::DynamoTable: return "dynamodb";
    case ResourceKind::S3Bucket: return "s3";
    case ResourceKind::EbsVolume: return "ec2";
  }
  return "";
}

struct Protected {
  ResourceKind kind;
  std::string name;
};

std::vector<Protected> protected_resources(const Inventory& inv, const Scope& scope) {
  std::vector<Protected> out;
  const auto& n = scope.named;
  if (n.empty()) {
    for (const auto& r : inv.resources) {
      if (r.region == scope.region && r.status.find("not found") == std::string::npos) out.push_back({r.kind, r.name});
    }
    return out;
  }
  for (const auto& x : n.rds_instances) out.push_back({ResourceKind::RdsInstance, x});
  for (const auto& x : n.aurora_clusters) out.push_back({ResourceKind::AuroraCluster, x});
  for (const auto& x : n.dynamodb_tables) out.push_back({ResourceKind::DynamoTable, x});
  for (const auto& x : n.s3_buckets) out.push_back({ResourceKind::S3Bucket, x});
  for (const auto& x : n.ebs_volumes) out.push_back({ResourceKind::EbsVolume, x});
  return out;
}

bool in_region(const std::string& arn_or_text, const std::string& region) {
  return !region.empty() && arn_or_text.find(region) != std::string::npos;
}

void judge(Posture& p, Timestamp now) {
  if (!p.newest) {
    p.status = PostureStatus::Breach;
    return;
  }
  p.exposure = std::chrono::duration_cast<seconds>(now - p.newest->time);
  if (p.exposure < seconds::zero()) p.exposure = seconds::zero();  // a clock a little ahead of ours
  const auto age = format_age(*p.exposure);
  if (!p.rpo) {
    p.status = PostureStatus::Ok;
    p.reason = "newest point " + age + " old (" + p.newest->what + "); no RPO set for this environment";
    return;
  }
  const auto rpo = format_compact(*p.rpo);
  if (*p.exposure > *p.rpo) {
    p.status = PostureStatus::Breach;
    p.reason = "newest point " + age + " old, over the RPO of " + rpo + " (" + p.newest->what + ")";
  } else if (*p.exposure * 4 > *p.rpo * 3) {
    p.status = PostureStatus::Warning;
    p.reason = "newest point " + age + " old, over 75% of the RPO of " + rpo + " (" + p.newest->what + ")";
  } else {
    p.status = PostureStatus::Ok;
    p.reason = "newest point " + age + " old, within the RPO of " + rpo + " (" + p.newest->what + ")";
  }
}

}  // namespace

std::vector<Posture> assess(const Inventory& inv, const Scope& scope, std::optional<seconds> rpo, Timestamp now) {
  std::vector<Posture> out;
  for (const auto& pr : protected_resources(inv, scope)) {
    Posture p;
    p.kind = pr.kind;
    p.name = pr.name;
    p.region = scope.region;
    p.rpo = rpo;
    const Resource* r = inv.find(pr.kind, pr.name, scope.region);
    if (!r) r = inv.find_anywhere(pr.kind, pr.name);
    p.found = r != nullptr && r->status.find("not found") == std::string::npos;
    if (!r) {
      if (const auto* gap = inv.gap_for(scope.region, service_of(pr.kind))) {
        p.status = PostureStatus::Unknown;
        p.reason = "cannot tell: " + gap->service + " in " + gap->region + " did not answer (" + gap->message + ")";
      } else {
        p.status = PostureStatus::Breach;
        p.reason = std::string(kind_name(pr.kind)) + " " + pr.name + " was not found in " + scope.region;
      }
      out.push_back(std::move(p));
      continue;
    }
    p.region = r->region;
    p.retention_days = r->retention_days;
    p.pitr = r->pitr.has_value();
    p.newest = newest_point(*r);
    if (!scope.dr_region.empty()) {
      p.newest_in_dr = newest_point(*r, scope.dr_region);
      p.dr_copy = p.newest_in_dr.has_value() ||
                  std::any_of(r->replicates_to.begin(), r->replicates_to.end(),
                              [&](const std::string& t) { return in_region(t, scope.dr_region); });
    }
    if (r->kind == ResourceKind::S3Bucket) {
      p.dr_copy = p.dr_copy || !r->replicates_to.empty();
      // A versioned bucket keeps every overwritten and deleted object: it can be restored to any moment.
      if (r->versioning == "Enabled") {
        p.newest = Newest{now, "object versions", "", r->region};
        judge(p, now);
        p.reason = "versioning on: every overwritten or deleted object can be restored";
        if (!p.dr_copy && !scope.dr_region.empty()) p.reason += "; no replication to the DR region";
        out.push_back(std::move(p));
        continue;
      }
      if (!p.newest) {
        p.status = r->details_missing ? PostureStatus::Unknown : PostureStatus::Breach;
        p.reason = r->details_missing ? "cannot tell: the bucket's versioning could not be read"
                                      : "versioning is off and there is no backup: overwritten or deleted objects are lost";
        out.push_back(std::move(p));
        continue;
      }
    }
    judge(p, now);
    if (!p.newest) {
      const bool zero = r->retention_days && *r->retention_days == 0;
      p.reason = zero ? "backup retention is 0: no automated backups, no point-in-time recovery, and no snapshot"
                      : "no restorable point: no point-in-time recovery and no usable snapshot or backup";
      if (r->details_missing) {
        p.status = PostureStatus::Unknown;
        p.reason = "cannot tell: part of its description did not come back";
      }
    } else if (r->retention_days && *r->retention_days == 0 &&
               (r->kind == ResourceKind::RdsInstance || r->kind == ResourceKind::AuroraCluster)) {
      p.reason += "; backup retention is 0, so only snapshots count";
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace drc::inventory
