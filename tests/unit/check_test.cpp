// The DR checks judged from canned inventories, the report's forms, the write guard, and where
// environments come from.

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <mutex>
#include <thread>

#include "check/check_report.hpp"
#include "check/readiness_checks.hpp"
#include "check/restore_plan.hpp"
#include "check/write_checks.hpp"
#include "cloud/guarded_cloud.hpp"
#include "incident/clock.hpp"
#include "runbook/environment_config.hpp"
#include "support/temp_dir.hpp"
#include "collection_driver.hpp"

using namespace drc;
using namespace drc::check;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const Timestamp kNow = *parse_iso8601("2026-11-24T12:00:00Z");

inventory::Scope scope() {
  inventory::Scope s;
  s.region = "us-east-1";
  s.dr_region = "us-west-2";
  s.named.rds_instances = {"db"};
  s.named.state_bucket = "tf-state";
  s.named.lock_table = "tf-lock";
  s.identity = true;
  s.max_in_flight = 1000;
  return s;
}

struct Feed {
  test::CollectionDriver d{scope(), kNow};
  inventory::Collection& c = d.c;
  // Answers `op` in `region` with `output` (or an error when code is set); the rest later with {}.
  void give(const std::string& op, const std::string& region, json output, std::string code = {}, std::string key = {},
            std::string value = {}) {
    if (code.empty()) {
      d.give(op, region, std::move(output), key, value);
    } else {
      d.fail(op, region, code, key, value);
    }
  }
  void rest() { d.rest(); }
  void healthy(const std::string& versioning = "Enabled") {
    give("GetCallerIdentity", "us-east-1", {{"Account", "123456789012"}});
    give("DescribeDBInstances", "us-east-1",
         {{"DBInstances", {{{"DBInstanceIdentifier", "db"}, {"DBInstanceStatus", "available"}, {"BackupRetentionPeriod", 7},
                            {"LatestRestorableTime", format_iso8601(kNow - 60s)}}}}});
    give("DescribeDBSnapshots", "us-west-2",
         {{"DBSnapshots", {{{"DBSnapshotIdentifier", "copy"}, {"DBInstanceIdentifier", "db"}, {"SnapshotType", "manual"},
                            {"Status", "available"}, {"SnapshotCreateTime", format_iso8601(kNow - 3600s)}}}}});
    give("GetBucketLocation", "us-east-1", json::object(), {}, "Bucket", "tf-state");
    give("GetBucketVersioning", "us-east-1", versioning.empty() ? json::object() : json{{"Status", versioning}}, {}, "Bucket", "tf-state");
    give("DescribeTable", "us-east-1", {{"Table", {{"TableName", "tf-lock"}, {"TableStatus", "ACTIVE"}}}}, {}, "TableName", "tf-lock");
    rest();
  }
};

const CheckResult& find(const std::vector<CheckResult>& checks, const std::string& name, const std::string& resource = "") {
  for (const auto& c : checks) {
    if (c.name == name && (resource.empty() || c.resource == resource)) return c;
  }
  static CheckResult none;
  ADD_FAILURE() << "no check " << name << " " << resource;
  return none;
}

}  // namespace

TEST(BackupChecks, AHealthyEnvironmentPasses) {
  Feed f;
  f.healthy();
  ASSERT_TRUE(f.c.complete());
  const auto checks = backup_checks(f.c, {300s, std::nullopt}, kNow);
  for (const auto& c : checks) EXPECT_EQ(c.status, Verdict::Pass) << c.name << " " << c.resource << ": " << c.detail;
  EXPECT_EQ(find(checks, "AWS connectivity").detail, "signed in to account 123456789012");
  EXPECT_NE(find(checks, "copy in DR region").detail.find("copy"), std::string::npos);
}

TEST(BackupChecks, VersioningOffOnTheStateBucketFails) {
  for (std::string v : {"Suspended", ""}) {
    Feed f;
    f.healthy(v);
    const auto checks = backup_checks(f.c, {300s, std::nullopt}, kNow);  // kept: find() returns into it
    const auto& c = find(checks, "state bucket versioned");
    EXPECT_EQ(c.status, Verdict::Fail) << v;
    EXPECT_NE(c.detail.find("cannot be recovered"), std::string::npos) << c.detail;
  }
}

TEST(BackupChecks, NoPointWithinTheRpoFailsAndAMissingLockTableFails) {
  Feed f;
  f.give("DescribeDBInstances", "us-east-1",
         {{"DBInstances", {{{"DBInstanceIdentifier", "db"}, {"DBInstanceStatus", "available"}, {"BackupRetentionPeriod", 7},
                            {"LatestRestorableTime", format_iso8601(kNow - 3600s)}}}}});
  f.give("DescribeTable", "us-east-1", json::object(), "ResourceNotFoundException", "TableName", "tf-lock");
  f.rest();
  const auto checks = backup_checks(f.c, {300s, std::nullopt}, kNow);
  EXPECT_EQ(find(checks, "restorable within RPO").status, Verdict::Fail);
  EXPECT_EQ(find(checks, "lock table reachable").status, Verdict::Fail);
  EXPECT_EQ(find(checks, "AWS connectivity").status, Verdict::Fail);  // STS answered with no account
  EXPECT_EQ(find(checks, "copy in DR region").status, Verdict::Warn);
}

TEST(BackupChecks, ABlindRegionFailsItsOwnCheckOnly) {
  // The DR region never answers.
  Feed g;
  g.give("GetCallerIdentity", "us-east-1", {{"Account", "1"}});
  g.give("DescribeDBInstances", "us-east-1",
         {{"DBInstances", {{{"DBInstanceIdentifier", "db"}, {"BackupRetentionPeriod", 7}, {"LatestRestorableTime", format_iso8601(kNow - 60s)}}}}});
  g.give("GetBucketLocation", "us-east-1", json::object(), {}, "Bucket", "tf-state");
  g.give("GetBucketVersioning", "us-east-1", {{"Status", "Enabled"}}, {}, "Bucket", "tf-state");
  g.give("DescribeTable", "us-east-1", {{"Table", {{"TableName", "tf-lock"}, {"TableStatus", "ACTIVE"}}}}, {}, "TableName", "tf-lock");
  std::vector<std::string> silent;
  for (const auto& call : g.d.out) {
    if (call.region == "us-west-2") silent.push_back(call.operation + "@us-west-2");
  }
  g.d.rest(silent);
  g.d.expire(kNow + 20s);
  ASSERT_TRUE(g.c.complete());
  const auto checks = backup_checks(g.c, {300s, std::nullopt}, kNow + 20s);
  EXPECT_EQ(find(checks, "region answers", "us-east-1").status, Verdict::Pass);
  const auto& dr = find(checks, "region answers", "us-west-2");
  EXPECT_EQ(dr.status, Verdict::Fail);
  EXPECT_NE(dr.detail.find("unreachable"), std::string::npos);
  // The primary region's checks complete all the same: 80 s of exposure is within 5 minutes.
  EXPECT_EQ(find(checks, "restorable within RPO").status, Verdict::Pass);
  const auto& copy = find(checks, "copy in DR region");
  EXPECT_EQ(copy.status, Verdict::Fail);
  EXPECT_NE(copy.detail.find("cannot tell"), std::string::npos) << copy.detail;
}

TEST(PitrChecks, WindowAgainstTheRunbooksRetention) {
  Feed f;
  f.give("DescribeDBInstances", "us-east-1",
         {{"DBInstances", {{{"DBInstanceIdentifier", "db"}, {"BackupRetentionPeriod", 7}, {"LatestRestorableTime", format_iso8601(kNow - 60s)}}}}});
  f.give("DescribeDBInstanceAutomatedBackups", "us-east-1",
         {{"DBInstanceAutomatedBackups",
           {{{"DBInstanceIdentifier", "db"}, {"Status", "active"}, {"RestoreWindow", {{"EarliestTime", format_iso8601(kNow - std::chrono::hours(24 * 3))}}}}}}});
  f.rest();
  auto checks = pitr_checks(f.c, {300s, std::chrono::hours(24 * 7)}, kNow);
  EXPECT_EQ(find(checks, "PITR latest restorable time").status, Verdict::Pass);
  const auto& w = find(checks, "PITR window");
  EXPECT_EQ(w.status, Verdict::Fail);
  EXPECT_NE(w.detail.find("reaches back 3d"), std::string::npos) << w.detail;
  checks = pitr_checks(f.c, {300s, std::chrono::hours(24 * 2)}, kNow);
  EXPECT_EQ(find(checks, "PITR window").status, Verdict::Pass);
  // Without the runbook's word, short of the database's own 7 days is only a warning (a young database).
  checks = pitr_checks(f.c, {300s, std::nullopt}, kNow);
  EXPECT_EQ(find(checks, "PITR window").status, Verdict::Warn);
  // Latest restorable time older than the RPO.
  checks = pitr_checks(f.c, {30s, std::nullopt}, kNow);
  EXPECT_EQ(find(checks, "PITR latest restorable time").status, Verdict::Fail);
}

TEST(RestorePlan, NamesTheRecoveryPointAndHoldsTheEstimateAgainstTheRto) {
  Feed f;
  f.give("DescribeDBInstances", "us-east-1",
         {{"DBInstances", {{{"DBInstanceIdentifier", "db"}, {"BackupRetentionPeriod", 0}, {"LatestRestorableTime", format_iso8601(kNow - 60s)}}}}});
  f.give("DescribeDBSnapshots", "us-east-1",
         {{"DBSnapshots", {{{"DBSnapshotIdentifier", "nightly"}, {"DBInstanceIdentifier", "db"}, {"SnapshotType", "manual"},
                            {"Status", "available"}, {"SnapshotCreateTime", format_iso8601(kNow - 120s)}}}}});
  f.rest();
  RecoveryTime t{1800s, runbook::DurationRange{1200s, 1500s}, "Database failure"};
  auto plan = restore_plan(f.c, {300s, std::nullopt}, t, kNow);
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(plan[0].status, Verdict::Pass) << plan[0].detail;
  EXPECT_NE(plan[0].detail.find("would use snapshot nightly"), std::string::npos) << plan[0].detail;
  EXPECT_NE(plan[0].detail.find("expected data loss 2m"), std::string::npos) << plan[0].detail;
  t.estimate = runbook::DurationRange{2400s, 3600s};
  EXPECT_EQ(restore_plan(f.c, {300s, std::nullopt}, t, kNow)[0].status, Verdict::Fail);
  t.estimate = runbook::DurationRange{1200s, 3600s};
  EXPECT_EQ(restore_plan(f.c, {300s, std::nullopt}, t, kNow)[0].status, Verdict::Warn);
}

TEST(CheckReport, JsonHasTheDocumentedShape) {
  CheckReport r;
  r.env = "prod";
  r.type = CheckType::Backup;
  r.started = kNow;
  r.checks.push_back({CheckType::Backup, "state bucket versioned", Verdict::Fail, "versioning is Suspended", "tf", 12ms});
  r.checks.push_back({CheckType::Backup, "AWS connectivity", Verdict::Pass, "ok", "", 3ms});
  const auto j = report_json(r);
  EXPECT_EQ(j["env"], "prod");
  EXPECT_EQ(j["type"], "backup");
  EXPECT_EQ(j["checks"][0]["name"], "state bucket versioned");
  EXPECT_EQ(j["checks"][0]["status"], "FAIL");
  EXPECT_EQ(j["checks"][0]["detail"], "versioning is Suspended");
  EXPECT_EQ(j["checks"][0]["resource"], "tf");
  EXPECT_EQ(j["checks"][0]["duration_ms"], 12);
  EXPECT_EQ(j["summary"], (json{{"pass", 1}, {"warn", 0}, {"fail", 1}, {"skip", 0}}));
  EXPECT_TRUE(r.failed());
  const auto text = report_text(r, false);
  EXPECT_NE(text.find("FAIL  tf: state bucket versioned"), std::string::npos) << text;
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_NE(report_text(r, true).find("\x1b[1;31mFAIL"), std::string::npos);
}

TEST(CheckReport, SavedPrivatelyAsJsonAndText) {
  test::TempDir tmp;
  CheckReport r;
  r.env = "prod";
  r.started = kNow;
  auto first = save_report(r, tmp.path());
  ASSERT_TRUE(first) << first.error().message;
  auto second = save_report(r, tmp.path());
  ASSERT_TRUE(second);
  EXPECT_NE(*first, *second);  // the same second twice does not overwrite
  EXPECT_EQ(first->filename().string(), "20261124T120000Z-prod-backup");
  struct stat st{};
  ASSERT_EQ(::stat((*first / "report.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(first->c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  std::ifstream in(*first / "report.json");
  EXPECT_EQ(json::parse(in)["env"], "prod");
}

namespace {
class Recorder final : public cloud::Cloud {
 public:
  std::vector<std::string> sent;
  void call(cloud::CloudCall c, Done done) override {
    sent.push_back(c.operation);
    cloud::CloudResult r;
    r.call = std::move(c);
    done(std::move(r));
  }
};
std::optional<aws::model::Access> classify(const std::string&, const std::string& op) {
  if (op.starts_with("Describe")) return aws::model::Access::Read;
  if (op == "Mystery") return std::nullopt;
  return aws::model::Access::Write;
}
}  // namespace

TEST(GuardedCloud, RefusesWritesUnlessAllowedAndReportsEachWrite) {
  Recorder inner;
  cloud::GuardedCloud ro(inner, classify, {false, "production is read-only", {}});
  std::vector<cloud::CloudResult> got;
  auto keep = [&](cloud::CloudResult r) { got.push_back(std::move(r)); };
  ro.call({"rds", "DescribeDBInstances", "us-east-1", json::object()}, keep);
  ro.call({"rds", "CreateDBSnapshot", "us-east-1", json::object()}, keep);
  ro.call({"rds", "Mystery", "us-east-1", json::object()}, keep);  // unknown counts as a write
  EXPECT_EQ(inner.sent, std::vector<std::string>{"DescribeDBInstances"});
  ASSERT_EQ(got.size(), 3u);
  ASSERT_TRUE(got[1].error);
  EXPECT_EQ(got[1].error->code, cloud::kRefusedCode);
  EXPECT_NE(got[1].error->message.find("production is read-only"), std::string::npos);
  EXPECT_EQ(got[2].error->code, cloud::kRefusedCode);

  std::vector<std::string> writes;
  cloud::GuardedCloud rw(inner, classify, {true, "", [&](const cloud::CloudCall& c) { writes.push_back(c.operation); }});
  rw.call({"rds", "CreateDBSnapshot", "us-east-1", json::object()}, keep);
  rw.call({"rds", "DescribeDBSnapshots", "us-east-1", json::object()}, keep);
  EXPECT_EQ(writes, std::vector<std::string>{"CreateDBSnapshot"});
  EXPECT_EQ(inner.sent.back(), "DescribeDBSnapshots");
}

TEST(TemporaryName, IsAValidIdentifierEverywhere) {
  const auto n = temporary_name("drc-check-", "Prod_Postgres--main", kNow);
  EXPECT_EQ(n, "drc-check-prod-postgres-main-20261124t120000");
  const auto longest = temporary_name("drc-restore-", std::string(200, 'a'), kNow);
  EXPECT_LE(longest.size(), 63u);
  EXPECT_EQ(longest.find("--"), std::string::npos);
}

TEST(EnvironmentConfig, FillsWhatTheRunbookLeavesOut) {
  test::TempDir tmp;
  const auto path = tmp.path() / "config.yaml";
  {
    std::ofstream out(path);
    out << "theme: dark\nenvironments:\n  prod:\n    region: us-east-1\n    dr_region: us-west-2\n    rpo: 15m\n"
           "    resources:\n      state_bucket: tf\n";
  }
  auto envs = runbook::load_environment_config(path);
  ASSERT_TRUE(envs) << envs.error().message;
  ASSERT_TRUE(envs->count("prod"));
  runbook::Environment mine;
  mine.name = "prod";
  mine.rpo = 5min;
  const auto merged = runbook::merge_environment(mine, envs->at("prod"));
  EXPECT_EQ(merged.rpo, 5min);  // the runbook's word wins
  EXPECT_EQ(merged.region, "us-east-1");
  EXPECT_EQ(merged.dr_region, "us-west-2");
  EXPECT_EQ(merged.resources.state_bucket, "tf");
  EXPECT_TRUE(runbook::load_environment_config(tmp.path() / "missing.yaml"));
  {
    std::ofstream out(path);
    out << "environments:\n  prod:\n    rpo: soon\n";
  }
  auto bad = runbook::load_environment_config(path);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("config.yaml:3:"), std::string::npos) << bad.error().message;
}

namespace {
// Restores start, but the copy never becomes available: what an interrupted rehearsal meets.
class SlowRestoreCloud final : public cloud::Cloud {
 public:
  std::mutex mutex;
  std::vector<std::string> asked;
  void call(cloud::CloudCall c, Done done) override {
    {
      std::lock_guard lock(mutex);
      asked.push_back(c.operation);
    }
    cloud::CloudResult r;
    r.call = c;
    r.output = c.operation == "DescribeDBInstances" ? json{{"DBInstances", {{{"DBInstanceStatus", "creating"}}}}} : json::object();
    done(std::move(r));
  }
};
}  // namespace

TEST(RestoreRehearsal, AnInterruptStopsTheWaitAndStillDeletesTheCopy) {
  Feed f;
  f.give("DescribeDBInstances", "us-east-1",
         {{"DBInstances", {{{"DBInstanceIdentifier", "db"}, {"BackupRetentionPeriod", 7}, {"LatestRestorableTime", format_iso8601(kNow - 60s)}}}}});
  f.rest();
  SlowRestoreCloud cloud;
  incident::SystemClock clock;  // real time, so a broken interrupt ends in give_up_after, not a hung test
  std::atomic<bool> interrupted{false};
  WaitPolicy wait;
  wait.poll_every = 50ms;
  wait.give_up_after = 20s;
  wait.interrupted = &interrupted;
  std::thread ctrl_c([&] {
    std::this_thread::sleep_for(300ms);
    interrupted = true;
  });
  const auto results = restore_rehearsals(cloud, f.c, wait, clock);
  ctrl_c.join();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].status, Verdict::Fail);
  EXPECT_NE(results[0].detail.find("interrupted"), std::string::npos) << results[0].detail;
  EXPECT_NE(results[0].detail.find("deleted"), std::string::npos) << results[0].detail;
  std::lock_guard lock(cloud.mutex);
  EXPECT_EQ(cloud.asked.front(), "RestoreDBInstanceToPointInTime");
  EXPECT_EQ(cloud.asked.back(), "DeleteDBInstance");
}
