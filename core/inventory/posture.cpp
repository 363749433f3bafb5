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
  for (auto kind : {ResourceKind::RdsInstance, ResourceKind::AuroraCluster, ResourceKind::DynamoTable, ResourceKind::S3Bucket,
                    ResourceKind::EbsVolume}) {
    if (!scope.discovers()) {
      for (const auto& name : names_of(scope.named, kind)) out.push_back({kind, name});
      continue;
    }
    // Found, in the primary region, and not a read replica (whose source is what is protected).
    for (const auto& r : inv.resources) {
      if (r.kind == kind && r.region == scope.region && r.found() && r.replica_of.empty()) out.push_back({kind, r.name});
    }
    // Buckets live where they were made: discovered ones count wherever they are.
    if (kind == ResourceKind::S3Bucket) {
      for (const auto& r : inv.resources) {
        if (r.kind == kind && r.region != scope.region && r.found()) out.push_back({kind, r.name});
      }
    }
  }
  return out;
}

// The first call that did not answer, or answered with an error, among those that feed a resource of this
// kind in the region: what it would have said is unknown.
const Gap* blind_spot(const Inventory& inv, ResourceKind kind, const std::string& region) {
  if (const auto* g = inv.gap_for(region, service_of(kind), true)) return g;
  return inv.gap_for(region, "backup", true);
}

std::string cannot_tell(const Gap& g) {
  return "cannot tell: " + g.service + " " + g.operation + " in " + g.region +
         (g.unreachable() ? " did not answer (" + g.message + ")" : " said " + g.code + (g.message.empty() ? "" : ": " + g.message));
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
    const std::string label = std::string(kind_name(pr.kind)) + " " + pr.name;
    const Gap* blind = blind_spot(inv, pr.kind, r ? r->region : scope.region);
    p.found = r != nullptr && r->found();
    if (!r || r->status == "not found") {
      p.status = blind && !r ? PostureStatus::Unknown : PostureStatus::Breach;
      p.reason = blind && !r ? cannot_tell(*blind) : label + " was not found in " + (r ? r->region : scope.region);
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
    const auto unknown = [&](const char* detail) { return std::find(r->unknown.begin(), r->unknown.end(), detail) != r->unknown.end(); };
    if (r->kind == ResourceKind::S3Bucket) {
      // Replication's destination names no region: any counts as a copy elsewhere.
      p.dr_copy = p.dr_copy || !r->replicates_to.empty();
      // A versioned bucket keeps every overwritten and deleted object: it can be restored to any moment.
      if (r->versioning == "Enabled") {
        p.newest = Newest{now, "object versions", "", r->region};
        judge(p, now);
        p.reason = "versioning on: every overwritten or deleted object can be restored";
        if (!p.dr_copy && !scope.dr_region.empty()) p.reason += "; no replication to another bucket";
        out.push_back(std::move(p));
        continue;
      }
      if (!p.newest) {
        p.status = unknown("versioning") ? PostureStatus::Unknown : PostureStatus::Breach;
        p.reason = unknown("versioning") ? "cannot tell: the bucket's versioning could not be read"
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
    } else if (r->retention_days && *r->retention_days == 0 &&
               (r->kind == ResourceKind::RdsInstance || r->kind == ResourceKind::AuroraCluster)) {
      p.reason += "; backup retention is 0, so only snapshots count";
    }
    if (!r->found()) p.reason += "; the " + std::string(kind_name(r->kind)) + " itself no longer exists";
    // A breach judged on part of the answer may be wrong: a newer point may be in what did not come.
    if (p.status == PostureStatus::Breach && (blind || r->details_missing())) {
      p.status = PostureStatus::Unknown;
      p.reason = (blind ? cannot_tell(*blind) : "cannot tell: part of its description did not come back") + " (" + p.reason + ")";
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace drc::inventory
