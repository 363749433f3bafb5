#include "check/write_checks.hpp"

#include <cctype>
#include <thread>

#include "cloud/call_wait.hpp"
#include "cloud/guarded_cloud.hpp"
#include "inventory/posture.hpp"
#include "util/json_fields.hpp"

namespace drc::check {

using nlohmann::json;
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

std::string label(const Resource& r) { return std::string(kind_name(r.kind)) + " " + r.name; }

std::string error_text(const cloud::CloudResult& r) {
  if (r.error->code == cloud::kRefusedCode) return "refused: " + r.error->message;
  return r.error->code + ": " + r.error->message;
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
    if (!r.ok() && r.error->code != "Timeout" && r.error->code != "Unreachable") return {false, error_text(r)};
    if (r.ok()) {
      std::string why;
      if (auto done = ready(r.output, why)) return {*done, why};
    }
    if (clock.now() + wait.poll_every > give_up) {
      return {false, "still not ready after " + format_compact(std::chrono::duration_cast<std::chrono::seconds>(wait.give_up_after))};
    }
    // Sleep in short slices, so an interrupt is heard within a fraction of a second.
    const auto wake = std::chrono::steady_clock::now() + wait.poll_every;
    while (std::chrono::steady_clock::now() < wake) {
      if (wait.interrupted && *wait.interrupted) return {false, "interrupted before it was ready"};
      std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(wake - std::chrono::steady_clock::now(), std::chrono::milliseconds{100}));
    }
  }
}

// Each resource's flow on its own thread; results in the order of the resources.
template <class Flow>
std::vector<CheckResult> each_concurrently(const std::vector<const Resource*>& resources, Flow flow) {
  std::vector<CheckResult> results(resources.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < resources.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = flow(*resources[i]); });
  }
  for (auto& t : threads) t.join();
  return results;
}

std::vector<const Resource*> protected_of(const Collection& c, Timestamp now, bool databases_only) {
  std::vector<const Resource*> out;
  const auto& inv = c.inventory();
  for (const auto& p : assess(inv, c.scope(), std::nullopt, now)) {
    if (databases_only && p.kind != ResourceKind::RdsInstance && p.kind != ResourceKind::AuroraCluster) continue;
    if (const auto* r = inv.find(p.kind, p.name, p.region); r && p.found) out.push_back(r);
  }
  return out;
}

std::optional<bool> status_is(const json& item, const char* key, std::string_view good, std::string& why) {
  const auto s = json_string(item, key);
  if (s == good) return true;
  if (s == "failed" || s == "error" || s == "incompatible-restore" || s == "inaccessible-encryption-credentials") {
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

}  // namespace

std::vector<CheckResult> snapshot_checks(cloud::Cloud& cloud, const Collection& c, const WaitPolicy& wait,
                                         const incident::Clock& clock) {
  const auto databases = protected_of(c, clock.now(), true);
  if (databases.empty()) return {{CheckType::Snapshot, "manual snapshot", Verdict::Skip, "no protected database found", "", milliseconds{0}}};
  return each_concurrently(databases, [&](const Resource& db) {
    const auto started = clock.now();
    CheckResult r{CheckType::Snapshot, "manual snapshot", Verdict::Fail, "", label(db), milliseconds{0}};
    const bool cluster = db.kind == ResourceKind::AuroraCluster;
    const auto id = temporary_name("drc-check-", db.name, started);
    const json tags = json::array({{{"Key", "created-by"}, {"Value", "drconsole check"}}});
    cloud::CloudCall create{"rds", cluster ? "CreateDBClusterSnapshot" : "CreateDBSnapshot", db.region,
                            cluster ? json{{"DBClusterIdentifier", db.name}, {"DBClusterSnapshotIdentifier", id}, {"Tags", tags}}
                                    : json{{"DBInstanceIdentifier", db.name}, {"DBSnapshotIdentifier", id}, {"Tags", tags}}};
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
    r.detail = waited.ok ? "snapshot " + id + " available after " + format_age(std::chrono::duration_cast<std::chrono::seconds>(r.duration))
                         : "snapshot " + id + ": " + waited.why;
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
};

std::optional<RestoreCalls> restore_calls(const Resource& r, const std::string& target) {
  const auto newest = newest_point(r, r.region);
  if (!newest) return std::nullopt;
  const bool pitr = newest->id.empty();
  RestoreCalls c;
  c.how = pitr ? "point-in-time restore to the latest restorable time" : "restore from " + newest->what;
  switch (r.kind) {
    case ResourceKind::RdsInstance:
      c.restore = pitr ? cloud::CloudCall{"rds", "RestoreDBInstanceToPointInTime", r.region,
                                          {{"SourceDBInstanceIdentifier", r.name}, {"TargetDBInstanceIdentifier", target}, {"UseLatestRestorableTime", true}}}
                       : cloud::CloudCall{"rds", "RestoreDBInstanceFromDBSnapshot", r.region,
                                          {{"DBInstanceIdentifier", target}, {"DBSnapshotIdentifier", newest->id}}};
      c.describe = {"rds", "DescribeDBInstances", r.region, {{"DBInstanceIdentifier", target}}};
      c.remove = {"rds", "DeleteDBInstance", r.region, {{"DBInstanceIdentifier", target}, {"SkipFinalSnapshot", true}, {"DeleteAutomatedBackups", true}}};
      c.list = "DBInstances";
      c.status_key = "DBInstanceStatus";
      c.ready = "available";
      return c;
    case ResourceKind::AuroraCluster:
      if (!pitr) return std::nullopt;  // restoring a cluster snapshot needs its engine, which the inventory does not keep
      c.restore = {"rds", "RestoreDBClusterToPointInTime", r.region,
                   {{"SourceDBClusterIdentifier", r.name}, {"DBClusterIdentifier", target}, {"UseLatestRestorableTime", true}}};
      c.describe = {"rds", "DescribeDBClusters", r.region, {{"DBClusterIdentifier", target}}};
      c.remove = {"rds", "DeleteDBCluster", r.region, {{"DBClusterIdentifier", target}, {"SkipFinalSnapshot", true}}};
      c.list = "DBClusters";
      c.status_key = "Status";
      c.ready = "available";
      return c;
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
    auto restored = cloud::call_wait(cloud, calls->restore, wait.call_timeout);
    if (!restored.ok()) {
      r.status = Verdict::Fail;
      r.detail = calls->how + ": " + error_text(restored);
      r.duration = std::chrono::duration_cast<milliseconds>(clock.now() - started);
      return r;
    }
    const auto waited = wait_until(
        cloud, calls->describe,
        [&](const json& out, std::string& why) {
          const json& item = *calls->list ? first(out, calls->list) : out.value("Table", json::object());
          return status_is(item, calls->status_key, calls->ready, why);
        },
        wait, clock);
    r.duration = std::chrono::duration_cast<milliseconds>(clock.now() - started);
    const auto took = format_age(std::chrono::duration_cast<std::chrono::seconds>(r.duration));
    r.status = waited.ok ? Verdict::Pass : Verdict::Fail;
    r.detail = waited.ok ? calls->how + " as " + target + ": available after " + took : calls->how + " as " + target + ": " + waited.why;
    // The copy goes whether or not it became available: a rehearsal must not leave anything behind.
    auto removed = cloud::call_wait(cloud, calls->remove, wait.call_timeout);
    if (!removed.ok()) {
      r.status = Verdict::Fail;
      r.detail += "; deleting " + target + " failed (" + error_text(removed) + "): delete it by hand";
    } else {
      r.detail += "; deleted";
    }
    return r;
  });
}

}  // namespace drc::check
