// The inventory's Collection fed canned answers in any order, its deadlines, and the RPO posture judged
// at a fixed now.

#include <gtest/gtest.h>

#include "inventory/arn.hpp"
#include "inventory/collection.hpp"
#include "inventory/posture.hpp"

using namespace drc;
using namespace drc::inventory;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const Timestamp kNow = *parse_iso8601("2026-11-24T12:00:00Z");

std::string iso(std::chrono::seconds ago) { return format_iso8601(kNow - ago); }

Scope two_regions() {
  Scope s;
  s.region = "us-east-1";
  s.dr_region = "us-west-2";
  s.timeout = 5s;
  return s;
}

// The call the Collection sent for this operation and region (so answers match its key).
cloud::CloudCall sent(const std::vector<cloud::CloudCall>& calls, const std::string& op, const std::string& region) {
  for (const auto& c : calls) {
    if (c.operation == op && c.region == region) return c;
  }
  ADD_FAILURE() << "no " << op << " call for " << region;
  return {};
}

cloud::CloudResult answer(cloud::CloudCall call, json output) {
  cloud::CloudResult r;
  r.call = std::move(call);
  r.output = std::move(output);
  return r;
}

cloud::CloudResult failure(cloud::CloudCall call, std::string code, std::string message) {
  cloud::CloudResult r;
  r.call = std::move(call);
  r.error = cloud::CloudError{std::move(code), std::move(message)};
  return r;
}

// Answers every outstanding call of the first round with an empty (but valid) output, except `keep`.
void answer_rest(Collection& c, const std::vector<cloud::CloudCall>& calls, const std::vector<std::string>& keep = {}) {
  for (const auto& call : calls) {
    if (std::find(keep.begin(), keep.end(), call.operation + "@" + call.region) != keep.end()) continue;
    (void)c.take(answer(call, json::object()), kNow);
  }
}

json instance(const std::string& id, int retention, std::optional<std::chrono::seconds> latest_ago) {
  json i{{"DBInstanceIdentifier", id}, {"DBInstanceStatus", "available"}, {"BackupRetentionPeriod", retention},
         {"DBInstanceArn", "arn:aws:rds:us-east-1:123456789012:db:" + id}};
  if (latest_ago) i["LatestRestorableTime"] = iso(*latest_ago);
  return i;
}

json snapshot(const std::string& id, const std::string& db, const std::string& type, std::chrono::seconds ago) {
  return {{"DBSnapshotIdentifier", id}, {"DBInstanceIdentifier", db}, {"SnapshotType", type}, {"Status", "available"},
          {"SnapshotCreateTime", iso(ago)}};
}

}  // namespace

TEST(Arn, NamesTheResourceItProtects) {
  auto db = parse_resource_arn("arn:aws:rds:us-east-1:123456789012:db:prod-postgres");
  ASSERT_TRUE(db);
  EXPECT_EQ(db->kind, ResourceKind::RdsInstance);
  EXPECT_EQ(db->name, "prod-postgres");
  EXPECT_EQ(db->region, "us-east-1");
  auto table = parse_resource_arn("arn:aws:dynamodb:eu-west-1:1:table/orders/backup/0169");
  ASSERT_TRUE(table);
  EXPECT_EQ(table->kind, ResourceKind::DynamoTable);
  EXPECT_EQ(table->name, "orders");
  auto bucket = parse_resource_arn("arn:aws:s3:::payments-media");
  ASSERT_TRUE(bucket);
  EXPECT_EQ(bucket->kind, ResourceKind::S3Bucket);
  EXPECT_EQ(bucket->region, "");
  EXPECT_EQ(parse_resource_arn("arn:aws:ec2:us-east-1:1:volume/vol-1")->name, "vol-1");
  EXPECT_EQ(parse_resource_arn("arn:aws:rds:us-east-1:1:cluster:pay")->kind, ResourceKind::AuroraCluster);
  EXPECT_FALSE(parse_resource_arn("arn:aws:iam::1:role/x"));
  EXPECT_FALSE(parse_resource_arn("not an arn"));
  EXPECT_FALSE(parse_resource_arn("arn:aws:rds:us-east-1:1:db:"));
}

TEST(Iso8601, AcceptsAwsFractionsAndOffsets) {
  EXPECT_EQ(parse_iso8601("2026-11-24T00:42:08.671668Z"), parse_iso8601("2026-11-24T00:42:08.671Z"));
  EXPECT_EQ(parse_iso8601("2026-11-24T02:42:08+02:00"), parse_iso8601("2026-11-24T00:42:08Z"));
  EXPECT_EQ(parse_iso8601("2026-11-23T19:42:08-05:00"), parse_iso8601("2026-11-24T00:42:08Z"));
  EXPECT_FALSE(parse_iso8601("2026-11-24T00:42:08"));
  EXPECT_FALSE(parse_iso8601("2026-11-24T00:42:08.Z"));
  EXPECT_FALSE(parse_iso8601("2026-11-24T00:42:08Zjunk"));
  EXPECT_FALSE(parse_iso8601("2026-13-24T00:42:08Z"));
}

TEST(Collection, AsksEveryRegionAndCompletesWhenAllAnswered) {
  Collection c(two_regions());
  const auto calls = c.start(kNow);
  EXPECT_EQ(sent(calls, "DescribeDBInstances", "us-west-2").service, "rds");
  EXPECT_TRUE(sent(calls, "DescribeDBSnapshots", "us-east-1").one_page);
  EXPECT_EQ(c.outstanding(), calls.size());
  answer_rest(c, calls);
  EXPECT_TRUE(c.complete());
  EXPECT_TRUE(c.inventory().gaps.empty());
}

TEST(Collection, AttachesSnapshotsAndDrCopiesToTheirDatabaseInAnyOrder) {
  Collection c(two_regions());
  const auto calls = c.start(kNow);
  // The DR copy and the snapshots come before the instance itself.
  (void)c.take(answer(sent(calls, "DescribeDBSnapshots", "us-west-2"),
                      {{"DBSnapshots", {snapshot("copy-1", "prod-postgres", "manual", 3600s)}}}),
               kNow);
  (void)c.take(answer(sent(calls, "DescribeDBSnapshots", "us-east-1"),
                      {{"DBSnapshots", {snapshot("auto-1", "prod-postgres", "automated", 7200s),
                                        snapshot("man-1", "prod-postgres", "manual", 600s)}}}),
               kNow);
  (void)c.take(answer(sent(calls, "DescribeDBInstances", "us-east-1"), {{"DBInstances", {instance("prod-postgres", 7, 120s)}}}), kNow);
  const auto& inv = c.inventory();
  const auto* db = inv.find(ResourceKind::RdsInstance, "prod-postgres", "us-east-1");
  ASSERT_NE(db, nullptr);
  ASSERT_EQ(db->points.size(), 3u);
  EXPECT_EQ(db->points.front().id, "man-1");  // newest first
  EXPECT_EQ(inv.find(ResourceKind::RdsInstance, "prod-postgres", "us-west-2"), nullptr);  // a copy, not a resource
  const auto newest = newest_point(*db);
  ASSERT_TRUE(newest);
  EXPECT_EQ(newest->what, "point-in-time restore");
  const auto in_dr = newest_point(*db, "us-west-2");
  ASSERT_TRUE(in_dr);
  EXPECT_EQ(in_dr->id, "copy-1");
}

TEST(Collection, RetentionZeroMeansNoPitrAndNoAutomatedSnapshots) {
  Collection c(two_regions());
  const auto calls = c.start(kNow);
  // Whatever the API says about restorable times, retention 0 keeps no automated backups.
  (void)c.take(answer(sent(calls, "DescribeDBInstances", "us-east-1"), {{"DBInstances", {instance("ledger", 0, 60s)}}}), kNow);
  (void)c.take(answer(sent(calls, "DescribeDBSnapshots", "us-east-1"), {{"DBSnapshots", {snapshot("auto", "ledger", "automated", 60s)}}}),
               kNow);
  const auto* db = c.inventory().find(ResourceKind::RdsInstance, "ledger", "us-east-1");
  ASSERT_NE(db, nullptr);
  EXPECT_FALSE(db->pitr);
  EXPECT_FALSE(newest_point(*db));
  // A manual snapshot does count.
  (void)c.take(answer(sent(calls, "DescribeDBClusterSnapshots", "us-east-1"), json::object()), kNow);
  Collection c2(two_regions());
  const auto calls2 = c2.start(kNow);
  (void)c2.take(answer(sent(calls2, "DescribeDBInstances", "us-east-1"), {{"DBInstances", {instance("ledger", 0, 60s)}}}), kNow);
  (void)c2.take(answer(sent(calls2, "DescribeDBSnapshots", "us-east-1"),
                       {{"DBSnapshots", {snapshot("auto", "ledger", "automated", 60s), snapshot("kept", "ledger", "manual", 3000s)}}}),
                kNow);
  const auto newest = newest_point(*c2.inventory().find(ResourceKind::RdsInstance, "ledger", "us-east-1"));
  ASSERT_TRUE(newest);
  EXPECT_EQ(newest->id, "kept");
}

TEST(Collection, ACallPastItsDeadlineLeavesATimeoutGapAndItsLateAnswerIsIgnored) {
  Collection c(two_regions());
  const auto calls = c.start(kNow);
  answer_rest(c, calls, {"DescribeDBInstances@us-west-2"});
  EXPECT_FALSE(c.complete());
  EXPECT_EQ(c.next_deadline(), kNow + 5s);
  EXPECT_FALSE(c.expire(kNow + 4s));
  EXPECT_TRUE(c.expire(kNow + 5s));
  EXPECT_TRUE(c.complete());
  const auto& inv = c.inventory();
  ASSERT_EQ(inv.gaps.size(), 1u);
  EXPECT_EQ(inv.gaps[0].region, "us-west-2");
  EXPECT_EQ(inv.gaps[0].service, "rds");
  EXPECT_EQ(inv.gaps[0].operation, "DescribeDBInstances");
  EXPECT_TRUE(inv.gaps[0].unreachable());
  EXPECT_NE(inv.gap_for("us-west-2", "rds"), nullptr);
  EXPECT_EQ(inv.gap_for("us-east-1"), nullptr);
  // The answer that finally comes changes nothing.
  EXPECT_TRUE(c.take(answer(sent(calls, "DescribeDBInstances", "us-west-2"), {{"DBInstances", {instance("late", 7, 1s)}}}), kNow + 6s).empty());
  EXPECT_EQ(c.inventory().find_anywhere(ResourceKind::RdsInstance, "late"), nullptr);
}

TEST(Collection, FollowsNextPagesAndVaults) {
  Collection c(two_regions());
  const auto calls = c.start(kNow);
  auto first = answer(sent(calls, "DescribeDBSnapshots", "us-east-1"), {{"DBSnapshots", {snapshot("a", "db1", "manual", 60s)}}});
  auto next = first.call;
  next.params["Marker"] = "page-2";
  first.next_page = next;
  auto follow = c.take(first, kNow);
  ASSERT_EQ(follow.size(), 1u);
  EXPECT_EQ(follow[0].params.value("Marker", ""), "page-2");
  EXPECT_FALSE(c.complete());
  auto vaults = c.take(answer(sent(calls, "ListBackupVaults", "us-east-1"), {{"BackupVaultList", {{{"BackupVaultName", "Default"}}}}}), kNow);
  ASSERT_EQ(vaults.size(), 1u);
  EXPECT_EQ(vaults[0].operation, "ListRecoveryPointsByBackupVault");
  (void)c.take(answer(vaults[0], {{"RecoveryPoints",
                                   {{{"RecoveryPointArn", "arn:rp:1"},
                                     {"ResourceArn", "arn:aws:dynamodb:us-east-1:1:table/orders"},
                                     {"ResourceType", "DynamoDB"},
                                     {"Status", "COMPLETED"},
                                     {"CompletionDate", iso(300s)}}}}}),
               kNow);
  const auto* orders = c.inventory().find(ResourceKind::DynamoTable, "orders", "us-east-1");
  ASSERT_NE(orders, nullptr);  // known only through its recovery point
  ASSERT_EQ(orders->points.size(), 1u);
  EXPECT_EQ(orders->points[0].source, PointSource::BackupRecoveryPoint);
}

TEST(Collection, NamedResourcesAreAskedForByNameAndOthersLeftOut) {
  Scope s = two_regions();
  s.named.rds_instances = {"prod-postgres"};
  s.named.state_bucket = "tf-state";
  s.named.lock_table = "tf-lock";
  Collection c(s);
  const auto calls = c.start(kNow);
  EXPECT_EQ(sent(calls, "GetBucketVersioning", "us-east-1").params.value("Bucket", ""), "tf-state");
  EXPECT_EQ(sent(calls, "DescribeTable", "us-east-1").params.value("TableName", ""), "tf-lock");
  for (const auto& call : calls) EXPECT_NE(call.operation, "ListBuckets");
  (void)c.take(answer(sent(calls, "DescribeDBInstances", "us-east-1"),
                      {{"DBInstances", {instance("prod-postgres", 7, 60s), instance("scratch", 1, 60s)}}}),
               kNow);
  (void)c.take(answer(sent(calls, "GetBucketVersioning", "us-east-1"), {{"Status", "Suspended"}}), kNow);
  (void)c.take(failure(sent(calls, "DescribeTable", "us-east-1"), "ResourceNotFoundException", "Requested resource not found"), kNow);
  const auto& inv = c.inventory();
  EXPECT_NE(inv.find(ResourceKind::RdsInstance, "prod-postgres", "us-east-1"), nullptr);
  EXPECT_EQ(inv.find(ResourceKind::RdsInstance, "scratch", "us-east-1"), nullptr);
  EXPECT_EQ(inv.find(ResourceKind::S3Bucket, "tf-state", "us-east-1")->versioning, "Suspended");
  EXPECT_EQ(inv.find(ResourceKind::DynamoTable, "tf-lock", "us-east-1")->status, "not found");
}

namespace {

std::vector<Posture> posture_for(std::chrono::seconds latest_ago, std::optional<std::chrono::seconds> rpo) {
  Scope s = two_regions();
  s.named.rds_instances = {"db"};
  Collection c(s);
  const auto calls = c.start(kNow);
  (void)c.take(answer(sent(calls, "DescribeDBInstances", "us-east-1"), {{"DBInstances", {instance("db", 7, latest_ago)}}}), kNow);
  answer_rest(c, calls, {"DescribeDBInstances@us-east-1"});
  return assess(c.inventory(), s, rpo, kNow);
}

}  // namespace

TEST(Posture, OkUnderThreeQuartersWarningAboveBreachOver) {
  auto ok = posture_for(200s, 300s);
  ASSERT_EQ(ok.size(), 1u);
  EXPECT_EQ(ok[0].status, PostureStatus::Ok);
  EXPECT_EQ(ok[0].exposure, 200s);
  auto warn = posture_for(240s, 300s);
  EXPECT_EQ(warn[0].status, PostureStatus::Warning) << warn[0].reason;
  auto edge = posture_for(225s, 300s);  // exactly 75 %: not over it
  EXPECT_EQ(edge[0].status, PostureStatus::Ok);
  auto breach = posture_for(301s, 300s);
  EXPECT_EQ(breach[0].status, PostureStatus::Breach);
  EXPECT_NE(breach[0].reason.find("over the RPO of 5m"), std::string::npos) << breach[0].reason;
  auto no_rpo = posture_for(99999s, std::nullopt);
  EXPECT_EQ(no_rpo[0].status, PostureStatus::Ok);
  EXPECT_NE(no_rpo[0].reason.find("no RPO"), std::string::npos);
}

TEST(Posture, MissingResourceIsABreachUnlessItsRegionWasBlind) {
  Scope s = two_regions();
  s.named.rds_instances = {"gone"};
  Collection c(s);
  const auto calls = c.start(kNow);
  answer_rest(c, calls);
  auto p = assess(c.inventory(), s, 300s, kNow);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].status, PostureStatus::Breach);
  EXPECT_FALSE(p[0].found);
  EXPECT_NE(p[0].reason.find("was not found in us-east-1"), std::string::npos);

  Collection blind(s);
  const auto calls2 = blind.start(kNow);
  answer_rest(blind, calls2, {"DescribeDBInstances@us-east-1"});
  (void)blind.expire(kNow + 10s);
  auto q = assess(blind.inventory(), s, 300s, kNow + 10s);
  EXPECT_EQ(q[0].status, PostureStatus::Unknown);
  EXPECT_NE(q[0].reason.find("did not answer"), std::string::npos) << q[0].reason;
}

TEST(Posture, VersioningIsTheBucketsRecoveryAndReplicationItsCopy) {
  Scope s = two_regions();
  s.named.s3_buckets = {"on", "off"};
  Collection c(s);
  const auto calls = c.start(kNow);
  for (const auto& call : calls) {
    if (call.operation == "GetBucketVersioning") {
      (void)c.take(answer(call, call.params["Bucket"] == "on" ? json{{"Status", "Enabled"}} : json::object()), kNow);
    } else if (call.operation == "GetBucketReplication" && call.params["Bucket"] == "on") {
      (void)c.take(answer(call, {{"ReplicationConfiguration",
                                  {{"Rules", {{{"Status", "Enabled"}, {"Destination", {{"Bucket", "arn:aws:s3:::on-dr"}}}}}}}}}),
                   kNow);
    } else if (call.operation == "GetBucketReplication") {
      (void)c.take(failure(call, "ReplicationConfigurationNotFoundError", "none"), kNow);
    } else {
      (void)c.take(answer(call, json::object()), kNow);
    }
  }
  EXPECT_TRUE(c.inventory().gaps.empty());  // no replication configured is not an error
  auto p = assess(c.inventory(), s, 300s, kNow);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].name, "on");
  EXPECT_EQ(p[0].status, PostureStatus::Ok);
  EXPECT_TRUE(p[0].dr_copy);
  EXPECT_EQ(p[1].status, PostureStatus::Breach);
  EXPECT_NE(p[1].reason.find("versioning is off"), std::string::npos);
}

TEST(Collection, ADrRegionsOwnDatabaseKeepsItsOwnSnapshotsButCopiesGoHome) {
  Collection c(two_regions());
  const auto calls = c.start(kNow);
  (void)c.take(answer(sent(calls, "DescribeDBInstances", "us-east-1"), {{"DBInstances", {instance("db", 7, 60s)}}}), kNow);
  (void)c.take(answer(sent(calls, "DescribeDBInstances", "us-west-2"), {{"DBInstances", {instance("db", 7, 60s)}}}), kNow);
  auto copied = snapshot("copied", "db", "manual", 600s);
  copied["SourceRegion"] = "us-east-1";
  (void)c.take(answer(sent(calls, "DescribeDBSnapshots", "us-west-2"),
                      {{"DBSnapshots", {snapshot("own-auto", "db", "automated", 300s), copied}}}),
               kNow);
  const auto& inv = c.inventory();
  const auto* primary = inv.find(ResourceKind::RdsInstance, "db", "us-east-1");
  const auto* standby = inv.find(ResourceKind::RdsInstance, "db", "us-west-2");
  ASSERT_TRUE(primary && standby);
  ASSERT_EQ(primary->points.size(), 1u);
  EXPECT_EQ(primary->points[0].id, "copied");
  ASSERT_EQ(standby->points.size(), 1u);
  EXPECT_EQ(standby->points[0].id, "own-auto");
}
