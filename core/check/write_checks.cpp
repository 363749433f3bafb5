#include "check/write_checks.hpp"

#include <algorithm>
#include <cctype>
#include <thread>

#include "cloud/call_wait.hpp"
#include "cloud/guarded_cloud.hpp"
#include "inventory/posture.hpp"
#include "util/json_fields.hpp"

namespace drc::check {

using std::chrono::milliseconds;
using namespace inventory;

std::string temporary_name(std::string_view prefix, std::string_view resource, Timestamp now) {
  std::string stamp;
  for (char c : format_iso8601(now).substr(0, 19)) {
    if (std::isdigit(static_cast<unsigned char>(c))) stamp.push_back(c);
  }
  std::string name(prefix);
  for (char c : resource) {
    const char k = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '-';
    if (k == '-' && (name.empty() || name.back() == '-')) continue;
    name.push_back(k);
  }
  const std::string suffix = "-" + stamp.substr(0, 8) + "t" + stamp.substr(8);
  const std::size_t room = 63 - suffix.size();
  if (name.size() > room) name.resize(room);
  while (!name.empty() && name.back() == '-') name.pop_back();
  return name + suffix;
}

namespace {

using nlohmann::json;

std::string label(const Resource& r) { return std::string(kind_name(r.kind)) + " " + r.name; }

std::string error_text(const cloud::CloudResult& r) {
  if (r.error->code == cloud::kRefusedCode) return "refused: " + r.error->message;
  return r.error->code + ": " + r.error->message;
}

bool interrupted(const WaitPolicy& wait) { return wait.interrupted && *wait.interrupted; }

// Codes that mean "not now, ask again": the wait goes on.
bool passing(const std::string& code) {
  return code == "Timeout" || code == "Unreachable" || code == "Throttling" || code == "ThrottlingException" ||
         code == "RequestLimitExceeded" || code == "TooManyRequestsException" || code == "ProvisionedThroughputExceededException";
}

// Sleeps a poll interval in short slices; false when interrupted meanwhile (unless `through` it).
bool pause(const WaitPolicy& wait, bool through = false) {
  const auto wake = std::chrono::steady_clock::now() + wait.poll_every;
  while (std::chrono::steady_clock::now() < wake) {
    if (!through && interrupted(wait)) return false;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(wake - std::chrono::steady_clock::now(), milliseconds{100}));
  }
  return true;
}

// Polls `describe` until `ready` says yes (true) or no (false, with why); nullopt keeps waiting.
struct Waited {
  bool ok = false;
  std::string why;
};
template <class Ready>
Waited wait_until(cloud::Cloud& cloud, const cloud::CloudCall& describe, Ready ready, const WaitPolicy& wait,
                  const incident::Clock& clock) {
  const auto give_up = clock.now() + wait.give_up_after;
  for (;;) {
    auto r = cloud::call_wait(cloud, describe, wait.call_timeout);
    if (!r.ok() && !passing(r.error->code)) return {false, error_text(r)};
    if (r.ok()) {
      std::string why;
      if (auto done = ready(r.output, why)) return {*done, why};
    }
    if (clock.now() + wait.poll_every > give_up) {
      return {false, "still not ready after " + format_compact(std::chrono::duration_cast<std::chrono::seconds>(wait.give_up_after))};
    }
    if (!pause(wait)) return {false, "interrupted before it was ready"};
  }
}

// Deletes what a check made, retrying while it is still being created (DynamoDB and RDS refuse to
// delete a copy in that state) or the API is busy. Cleanup is not stopped by the first Ctrl-C.
Waited delete_until_gone(cloud::Cloud& cloud, const cloud::CloudCall& remove, const WaitPolicy& wait, const incident::Clock& clock) {
  const auto give_up = clock.now() + wait.give_up_after;
  for (;;) {
    auto r = cloud::call_wait(cloud, remove, wait.call_timeout);
    if (r.ok()) return {true, ""};
    const auto& code = r.error->code;
    if (code.find("NotFound") != std::string::npos) return {true, ""};  // never made, or already gone
    const bool busy = code == "ResourceInUseException" || code.starts_with("InvalidDBInstanceState") ||
                      code.starts_with("InvalidDBClusterState") || code.starts_with("InvalidDBSnapshotState") ||
                      code.starts_with("InvalidDBClusterSnapshotState") || passing(code);
    if (!busy || clock.now() + wait.poll_every > give_up) return {false, error_text(r)};
    pause(wait, true);
  }
}

// At most this many resources are worked on at once: a discovered account may hold hundreds.
constexpr std::size_t kConcurrentWrites = 8;

// Each resource's flow on a thread of its own, a bounded number at a time; results in resource order.
template <class Flow>
std::vector<CheckResult> each_concurrently(const std::vector<const Resource*>& resources, Flow flow) {
  std::vector<CheckResult> results(resources.size());
  for (std::size_t first = 0; first < resources.size(); first += kConcurrentWrites) {
    std::vector<std::thread> threads;
    for (std::size_t i = first; i < std::min(resources.size(), first + kConcurrentWrites); ++i) {
      threads.emplace_back([&, i] { results[i] = flow(*resources[i]); });
    }
    for (auto& t : threads) t.join();
  }
  return results;
}

std::vector<const Resource*> protected_of(const Collection& c, Timestamp now, bool databases_only) {
  std::vector<const Resource*> out;
  const auto& inv = c.inventory();
  for (const auto& p : assess(inv, c.scope(), std::nullopt, now)) {
    if (databases_only && p.kind != ResourceKind::RdsInstance && p.kind != ResourceKind::AuroraCluster) continue;
    const auto* r = inv.find(p.kind, p.name, p.region);
    if (r && p.found) out.push_back(r);
  }
  return out;
}

// A status that will not turn into the one awaited: stop waiting.
bool terminal(const std::string& s) {
  static const char* const kTerminal[] = {"failed", "error", "restore-error", "incompatible-restore", "incompatible-network",
                                          "incompatible-parameters", "incompatible-option-group", "storage-full",
                                          "inaccessible-encryption-credentials", "INACCESSIBLE_ENCRYPTION_CREDENTIALS",
                                          "ARCHIVED", "ARCHIVING", "DELETING"};
  return std::find(std::begin(kTerminal), std::end(kTerminal), s) != std::end(kTerminal);
}

std::optional<bool> status_is(const json& item, const char* key, std::string_view good, std::string& why) {
  const auto s = json_string(item, key);
  if (s == good) return true;
  if (terminal(s)) {
    why = "status " + s;
    return false;
  }
  return std::nullopt;
}

const json& first(const json& out, const char* list) {
  static const json none = json::object();
  const auto it = out.find(list);
  return it != out.end() && it->is_array() && !it->empty() ? it->front() : none;
}

json check_tags() { return json::array({{{"Key", "created-by"}, {"Value", "drconsole check"}}}); }

std::string took_text(milliseconds d) { return format_age(std::chrono::duration_cast<std::chrono::seconds>(d)); }

}  // namespace

std::vector<CheckResult> snapshot_checks(cloud::Cloud& cloud, const Collection& c, const WaitPolicy& wait,
                                         const incident::Clock& clock, bool keep) {
  const auto databases = protected_of(c, clock.now(), true);
  if (databases.empty()) return {{CheckType::Snapshot, "manual snapshot", Verdict::Skip, "no protected database found", "", milliseconds{0}}};
  return each_concurrently(databases, [&](const Resource& db) {
    const auto started = clock.now();
    CheckResult r{CheckType::Snapshot, "manual snapshot", Verdict::Fail, "", label(db), milliseconds{0}};
    if (interrupted(wait)) {
      r.status = Verdict::Skip;
      r.detail = "interrupted before it started";
      return r;
    }
    const bool cluster = db.kind == ResourceKind::AuroraCluster;
    const auto id = temporary_name("drc-check-", db.name, started);
    cloud::CloudCall create{"rds", cluster ? "CreateDBClusterSnapshot" : "CreateDBSnapshot", db.region,
                            cluster ? json{{"DBClusterIdentifier", db.name}, {"DBClusterSnapshotIdentifier", id}, {"Tags", check_tags()}}
                                    : json{{"DBInstanceIdentifier", db.name}, {"DBSnapshotIdentifier", id}, {"Tags", check_tags()}}};
    auto made = cloud::call_wait(cloud, create, wait.call_timeout);
    if (!made.ok()) {
      r.detail = error_text(made);
      r.duration = std::chrono::duration_cast<milliseconds>(clock.now() - started);
      return r;
    }
    cloud::CloudCall describe{"rds", cluster ? "DescribeDBClusterSnapshots" : "DescribeDBSnapshots", db.region,
                              cluster ? json{{"DBClusterSnapshotIdentifier", id}} : json{{"DBSnapshotIdentifier", id}}};
    const auto waited = wait_until(
        cloud, describe,
        [&](const json& out, std::string& why) { return status_is(first(out, cluster ? "DBClusterSnapshots" : "DBSnapshots"), "Status", "available", why); },
        wait, clock);
    r.duration = std::chrono::duration_cast<milliseconds>(clock.now() - started);
    r.status = waited.ok ? Verdict::Pass : Verdict::Fail;
    r.detail = waited.ok ? "snapshot " + id + " available after " + took_text(r.duration) : "snapshot " + id + ": " + waited.why;
    if (keep && waited.ok) {
      r.detail += "; kept (--keep-snapshots)";
      return r;
    }
    // Check snapshots count against the account's manual-snapshot quota: one a run would fill it.
    cloud::CloudCall remove{"rds", cluster ? "DeleteDBClusterSnapshot" : "DeleteDBSnapshot", db.region,
                            cluster ? json{{"DBClusterSnapshotIdentifier", id}} : json{{"DBSnapshotIdentifier", id}}};
    const auto gone = delete_until_gone(cloud, remove, wait, clock);
    r.detail += gone.ok ? "; deleted" : "; deleting it failed (" + gone.why + "): delete " + id + " by hand";
    if (!gone.ok) r.status = Verdict::Fail;
    return r;
  });
}

namespace {

struct RestoreCalls {
  cloud::CloudCall restore, describe, remove;
  const char* list = "";
  const char* status_key = "";
  const char* ready = "";
  std::string how;
  std::string caveat;  // what the timed restore does not include
};

// Where the copy lands: the original's subnets and security groups, never public, tagged as ours.
void place_like(json& params, const Resource& r) {
  if (!r.subnet_group.empty()) params["DBSubnetGroupName"] = r.subnet_group;
  if (!r.security_groups.empty()) params["VpcSecurityGroupIds"] = r.security_groups;
  params["PubliclyAccessible"] = false;
  params["Tags"] = check_tags();
}

std::optional<RestoreCalls> restore_calls(const Resource& r, const std::string& target) {
  const auto newest = newest_point(r, r.region);
  if (!newest) return std::nullopt;
  const bool pitr = newest->id.empty();
  RestoreCalls c;
  c.how = pitr ? "point-in-time restore to the latest restorable time" : "restore from " + newest->what;
  switch (r.kind) {
    case ResourceKind::RdsInstance: {
      json params = pitr ? json{{"SourceDBInstanceIdentifier", r.name}, {"TargetDBInstanceIdentifier", target}, {"UseLatestRestorableTime", true}}
                         : json{{"DBInstanceIdentifier", target}, {"DBSnapshotIdentifier", newest->id}};
      place_like(params, r);
      c.restore = {"rds", pitr ? "RestoreDBInstanceToPointInTime" : "RestoreDBInstanceFromDBSnapshot", r.region, params};
      c.describe = {"rds", "DescribeDBInstances", r.region, {{"DBInstanceIdentifier", target}}};
      c.remove = {"rds", "DeleteDBInstance", r.region, {{"DBInstanceIdentifier", target}, {"SkipFinalSnapshot", true}, {"DeleteAutomatedBackups", true}}};
      c.list = "DBInstances";
      c.status_key = "DBInstanceStatus";
      c.ready = "available";
      return c;
    }
    case ResourceKind::AuroraCluster: {
      if (!pitr) return std::nullopt;  // restoring a cluster snapshot needs its engine settings
      json params{{"SourceDBClusterIdentifier", r.name}, {"DBClusterIdentifier", target}, {"UseLatestRestorableTime", true}};
      place_like(params, r);
      params.erase("PubliclyAccessible");  // a cluster without instances has no endpoint to expose
      c.restore = {"rds", "RestoreDBClusterToPointInTime", r.region, params};
      c.describe = {"rds", "DescribeDBClusters", r.region, {{"DBClusterIdentifier", target}}};
      c.remove = {"rds", "DeleteDBCluster", r.region, {{"DBClusterIdentifier", target}, {"SkipFinalSnapshot", true}}};
      c.list = "DBClusters";
      c.status_key = "Status";
      c.ready = "available";
      c.caveat = "the cluster's storage only: no DB instance was created in it, so the time is not to a usable endpoint";
      return c;
    }
    case ResourceKind::DynamoTable:
      c.restore = pitr ? cloud::CloudCall{"dynamodb", "RestoreTableToPointInTime", r.region,
                                          {{"SourceTableName", r.name}, {"TargetTableName", target}, {"UseLatestRestorableTime", true}}}
                       : cloud::CloudCall{"dynamodb", "RestoreTableFromBackup", r.region, {{"TargetTableName", target}, {"BackupArn", newest->id}}};
      c.describe = {"dynamodb", "DescribeTable", r.region, {{"TableName", target}}};
      c.remove = {"dynamodb", "DeleteTable", r.region, {{"TableName", target}}};
      c.list = "";
      c.status_key = "TableStatus";
      c.ready = "ACTIVE";
      return c;
    case ResourceKind::S3Bucket:
    case ResourceKind::EbsVolume:
      return std::nullopt;
  }
  return std::nullopt;
}

// A restore that failed before saying so may still have started one: only a clear "no" proves it did not.
bool may_exist(const cloud::CloudResult& r) {
  const auto& code = r.error->code;
  return passing(code) || code == "ClientError" || code.find("AlreadyExists") != std::string::npos ||
         code == "TableAlreadyExistsException";
}

}  // namespace

std::vector<CheckResult> restore_rehearsals(cloud::Cloud& cloud, const Collection& c, const WaitPolicy& wait,
                                            const incident::Clock& clock) {
  const auto resources = protected_of(c, clock.now(), false);
  return each_concurrently(resources, [&](const Resource& res) {
    const auto started = clock.now();
    CheckResult r{CheckType::Full, "restore rehearsal", Verdict::Skip, "", label(res), milliseconds{0}};
    const auto target = temporary_name("drc-restore-", res.name, started);
    const auto calls = restore_calls(res, target);
    if (!calls) {
      r.detail = res.kind == ResourceKind::S3Bucket    ? "a versioned bucket is restored in place, object by object: nothing to rehearse"
                 : res.kind == ResourceKind::EbsVolume ? "EBS volume restores are not rehearsed yet"
                 : newest_point(res, res.region)       ? "only a cluster snapshot to restore from: not rehearsed (needs the engine)"
                                                       : "nothing to restore from";
      if (!newest_point(res, res.region) && res.kind != ResourceKind::S3Bucket) r.status = Verdict::Fail;
      return r;
    }
    if (interrupted(wait)) {
      r.detail = "interrupted before it started";
      return r;
    }
    auto restored = cloud::call_wait(cloud, calls->restore, wait.call_timeout);
    Waited waited{false, ""};
    if (restored.ok()) {
      waited = wait_until(
          cloud, calls->describe,
          [&](const json& out, std::string& why) {
            const json& item = *calls->list ? first(out, calls->list) : out.value("Table", json::object());
            return status_is(item, calls->status_key, calls->ready, why);
          },
          wait, clock);
    } else {
      waited.why = error_text(restored);
    }
    r.duration = std::chrono::duration_cast<milliseconds>(clock.now() - started);
    r.status = waited.ok ? (calls->caveat.empty() ? Verdict::Pass : Verdict::Warn) : Verdict::Fail;
    r.detail = calls->how + " as " + target + ": " +
               (waited.ok ? "available after " + took_text(r.duration) + (calls->caveat.empty() ? "" : " (" + calls->caveat + ")")
                          : waited.why);
    if (!restored.ok() && !may_exist(restored)) return r;
    // The copy goes whether or not it became available: a rehearsal must not leave anything behind.
    const auto gone = delete_until_gone(cloud, calls->remove, wait, clock);
    if (gone.ok) {
      r.detail += "; deleted";
    } else {
      r.status = Verdict::Fail;
      r.detail += "; deleting " + target + " failed (" + gone.why + "): delete it by hand";
    }
    return r;
  });
}

}  // namespace drc::check
