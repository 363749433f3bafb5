#include "check/readiness_checks.hpp"

#include <algorithm>

#include "inventory/posture.hpp"

namespace drc::check {

using std::chrono::milliseconds;
using std::chrono::seconds;
using namespace inventory;

namespace {

milliseconds latency(const Collection& c, std::initializer_list<std::string_view> services, bool both_regions = false) {
  milliseconds worst{0};
  for (const auto& region : c.scope().regions()) {
    if (!both_regions && region != c.scope().region) continue;
    for (auto s : services) worst = std::max(worst, c.latency(region, s).value_or(milliseconds{0}));
  }
  return worst;
}

std::string_view service_of(ResourceKind k) {
  return k == ResourceKind::DynamoTable ? "dynamodb" : k == ResourceKind::S3Bucket ? "s3" : k == ResourceKind::EbsVolume ? "ec2" : "rds";
}

const Gap* error_for(const Inventory& inv, std::string_view operation, std::string_view resource = {}) {
  for (const auto& g : inv.gaps) {
    if (g.operation == operation && (resource.empty() || g.resource == resource)) return &g;
  }
  return nullptr;
}

std::string said(const Gap& g) { return g.service + " " + g.operation + ": " + g.code + (g.message.empty() ? "" : ": " + g.message); }

CheckResult identity(const Collection& c) {
  const auto& inv = c.inventory();
  CheckResult r{CheckType::Backup, "AWS connectivity", Verdict::Pass, "", "", latency(c, {"sts"})};
  if (!inv.account.empty()) {
    r.detail = "signed in to account " + inv.account;
  } else if (const auto* g = error_for(inv, "GetCallerIdentity")) {
    r.status = Verdict::Fail;
    r.detail = said(*g);
  } else {
    r.status = Verdict::Fail;
    r.detail = "sts GetCallerIdentity named no account";
  }
  return r;
}

std::vector<CheckResult> regions(const Collection& c) {
  std::vector<CheckResult> out;
  const auto& inv = c.inventory();
  for (const auto& region : c.scope().regions()) {
    CheckResult r{CheckType::Backup, "region answers", Verdict::Pass, "", region, milliseconds{0}};
    for (auto s : {"rds", "ec2", "dynamodb", "backup", "s3", "sts"}) r.duration = std::max(r.duration, c.latency(region, s).value_or(milliseconds{0}));
    std::string blind, errors;
    for (const auto& g : inv.gaps) {
      if (g.region != region) continue;
      auto& into = g.unreachable() ? blind : errors;
      const auto what = g.service + " " + g.operation + " (" + g.code + (g.message.empty() ? "" : ": " + g.message) + ")";
      if (into.find(g.service + " " + g.operation + " ") == std::string::npos) into += (into.empty() ? "" : "; ") + what;
    }
    if (!blind.empty()) {
      r.status = Verdict::Fail;
      r.detail = "unreachable: " + blind;
    } else if (!errors.empty()) {
      r.status = Verdict::Warn;
      r.detail = "answered, with errors: " + errors;
    } else {
      r.detail = region == c.scope().region ? "primary region: every service answered" : "DR region: every service answered";
    }
    out.push_back(std::move(r));
  }
  return out;
}

CheckResult state_bucket(const Collection& c) {
  const auto& name = c.scope().named.state_bucket;
  CheckResult r{CheckType::Backup, "state bucket versioned", Verdict::Skip, "", name, latency(c, {"s3"})};
  if (name.empty()) {
    r.detail = "the environment names no state_bucket";
    return r;
  }
  const auto& inv = c.inventory();
  const auto* b = inv.find_anywhere(ResourceKind::S3Bucket, name);
  const Gap* err = error_for(inv, "GetBucketVersioning", name);
  if (!err) err = error_for(inv, "GetBucketLocation", name);
  const bool unread = b && std::find(b->unknown.begin(), b->unknown.end(), "versioning") != b->unknown.end();
  if (!b || b->status == "not found") {
    r.status = Verdict::Fail;
    r.detail = err ? said(*err) : "the bucket was not found";
  } else if (unread || (b->versioning.empty() && b->status.empty())) {
    r.status = Verdict::Fail;
    r.detail = "versioning could not be read" + (err ? ": " + said(*err) : std::string());
  } else if (b->versioning != "Enabled") {
    r.status = Verdict::Fail;
    r.detail = b->versioning.empty() ? "versioning has never been enabled: an overwritten state file cannot be recovered"
                                     : "versioning is " + b->versioning + ": an overwritten state file cannot be recovered";
  } else {
    r.status = Verdict::Pass;
    r.detail = "reachable in " + b->region + ", versioning enabled";
  }
  return r;
}

CheckResult lock_table(const Collection& c) {
  const auto& name = c.scope().named.lock_table;
  CheckResult r{CheckType::Backup, "lock table reachable", Verdict::Skip, "", name, latency(c, {"dynamodb"})};
  if (name.empty()) {
    r.detail = "the environment names no lock_table";
    return r;
  }
  const auto& inv = c.inventory();
  const auto* t = inv.find(ResourceKind::DynamoTable, name, c.scope().region);
  const auto* err = error_for(inv, "DescribeTable", name);
  if (!t || t->status.empty() || t->status == "not found") {
    r.status = Verdict::Fail;
    r.detail = err && err->code != "ResourceNotFoundException" ? said(*err) : "the table was not found in " + c.scope().region;
  } else if (t->status != "ACTIVE") {
    r.status = Verdict::Warn;
    r.detail = "status " + t->status;
  } else {
    r.status = Verdict::Pass;
    r.detail = "ACTIVE";
  }
  return r;
}

std::string label(const Posture& p) { return std::string(kind_name(p.kind)) + " " + p.name; }

bool is_database(ResourceKind k) {
  return k == ResourceKind::RdsInstance || k == ResourceKind::AuroraCluster || k == ResourceKind::DynamoTable;
}

}  // namespace

std::vector<CheckResult> backup_checks(const Collection& c, const Targets& t, Timestamp now) {
  std::vector<CheckResult> out;
  out.push_back(identity(c));
  for (auto& r : regions(c)) out.push_back(std::move(r));
  out.push_back(state_bucket(c));
  out.push_back(lock_table(c));
  const auto& inv = c.inventory();
  const auto posture = assess(inv, c.scope(), t.rpo, now);
  const auto& dr = c.scope().dr_region;
  for (const auto& p : posture) {
    CheckResult r{CheckType::Backup, "restorable within RPO", Verdict::Pass, p.reason, label(p),
                  latency(c, {service_of(p.kind), "backup"}, true)};
    r.status = p.status == PostureStatus::Ok ? Verdict::Pass : p.status == PostureStatus::Warning ? Verdict::Warn : Verdict::Fail;
    out.push_back(std::move(r));
    if (dr.empty()) continue;
    CheckResult copy{CheckType::Backup, "copy in DR region", Verdict::Pass, "", label(p), latency(c, {service_of(p.kind), "backup"}, true)};
    if (p.newest_in_dr) {
      copy.detail = "newest in " + dr + ": " + format_age(std::chrono::duration_cast<seconds>(now - p.newest_in_dr->time)) +
                    " old (" + p.newest_in_dr->what + ")";
    } else if (p.dr_copy) {
      copy.detail = p.kind == ResourceKind::S3Bucket ? "replication to another bucket is on" : "replicated to " + dr;
    } else if (const auto* g = inv.gap_for(dr, service_of(p.kind), true) ? inv.gap_for(dr, service_of(p.kind), true)
                                                                          : inv.gap_for(dr, "backup", true)) {
      copy.status = Verdict::Fail;
      copy.detail = "cannot tell: " + said(*g) + " in " + dr;
    } else {
      copy.status = Verdict::Warn;
      copy.detail = "no copy or replica in " + dr + ": a regional outage would leave nothing to restore from";
    }
    out.push_back(std::move(copy));
  }
  return out;
}

std::vector<CheckResult> pitr_checks(const Collection& c, const Targets& t, Timestamp now) {
  std::vector<CheckResult> out;
  const auto& inv = c.inventory();
  for (const auto& p : assess(inv, c.scope(), t.rpo, now)) {
    if (!is_database(p.kind)) continue;
    const auto* res = inv.find(p.kind, p.name, p.region);
    const auto took = latency(c, {service_of(p.kind)});
    CheckResult latest{CheckType::Pitr, "PITR latest restorable time", Verdict::Pass, "", label(p), took};
    CheckResult window{CheckType::Pitr, "PITR window", Verdict::Pass, "", label(p), took};
    if (!res || !p.found) {
      latest.status = window.status = Verdict::Fail;
      latest.detail = window.detail = p.reason;
      out.push_back(std::move(latest));
      out.push_back(std::move(window));
      continue;
    }
    if (!res->pitr) {
      latest.status = window.status = Verdict::Fail;
      latest.detail = window.detail =
          res->retention_days && *res->retention_days == 0
              ? "point-in-time recovery is off: backup retention is 0"
              : p.kind == ResourceKind::DynamoTable ? "point-in-time recovery is not enabled" : "no latest restorable time reported";
      out.push_back(std::move(latest));
      out.push_back(std::move(window));
      continue;
    }
    const auto behind = std::max(seconds{0}, std::chrono::duration_cast<seconds>(now - res->pitr->latest));
    latest.detail = "latest restorable time " + format_age(behind) + " ago";
    if (t.rpo && behind > *t.rpo) {
      latest.status = Verdict::Fail;
      latest.detail += ", over the RPO of " + format_compact(*t.rpo);
    } else if (t.rpo) {
      latest.detail += ", within the RPO of " + format_compact(*t.rpo);
    }
    // How far back it must reach: the runbook's word first, else the database's own retention setting.
    std::optional<seconds> expected = t.backup_retention;
    const bool from_runbook = expected.has_value();
    if (!expected && res->retention_days) expected = std::chrono::days{*res->retention_days};
    if (!res->pitr->earliest) {
      window.status = Verdict::Warn;
      window.detail = "the earliest restorable time is not reported, so how far back it reaches is unknown";
    } else {
      const auto reach = std::max(seconds{0}, std::chrono::duration_cast<seconds>(now - *res->pitr->earliest));
      window.detail = "reaches back " + format_age(reach);
      if (expected && reach < *expected) {
        // Short of its own setting usually means a young database; short of what the runbook promises is a failure.
        window.status = from_runbook ? Verdict::Fail : Verdict::Warn;
        window.detail += ", short of the " + format_compact(*expected) +
                         (from_runbook ? " the runbook expects (backup_retention)" : " its retention setting keeps");
      } else if (expected) {
        window.detail += ", at least the " + format_compact(*expected) + (from_runbook ? " the runbook expects" : " retention");
      }
    }
    out.push_back(std::move(latest));
    out.push_back(std::move(window));
  }
  return out;
}

}  // namespace drc::check
