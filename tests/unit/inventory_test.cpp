// The inventory's Collection fed canned answers in any order, its deadlines, and the RPO posture judged
// at a fixed now.

#include <gtest/gtest.h>

#include "inventory/arn.hpp"
#include "inventory/collection.hpp"
#include "inventory/posture.hpp"
#include "collection_driver.hpp"

using namespace drc;
using namespace drc::inventory;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

using Driver = drc::test::CollectionDriver;

const Timestamp kNow = *parse_iso8601("2026-11-24T12:00:00Z");

std::string iso(std::chrono::seconds ago) { return format_iso8601(kNow - ago); }

Scope two_regions() {
  Scope s;
  s.region = "us-east-1";
  s.dr_region = "us-west-2";
  s.timeout = 5s;
  s.max_in_flight = 1000;  // every call at once, unless a test is about the window
  return s;
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
  Driver d(two_regions(), kNow);
  EXPECT_EQ(d.call("DescribeDBInstances", "us-west-2").service, "rds");
  EXPECT_TRUE(d.call("DescribeDBSnapshots", "us-east-1").one_page);
  EXPECT_EQ(d.c.outstanding(), d.out.size());
  d.rest();
  EXPECT_TRUE(d.c.complete());
  EXPECT_TRUE(d.c.inventory().gaps.empty());
}

TEST(Collection, KeepsAtMostTheWindowOutAndStartsEachDeadlineWhenItGoes) {
  auto s = two_regions();
  s.max_in_flight = 3;
  Driver d(s, kNow);
  ASSERT_EQ(d.out.size(), 3u);
  EXPECT_GT(d.c.outstanding(), 3u);  // the rest wait their turn
  // Time passes with one answer: the call that takes its place gets a fresh deadline.
  d.now = kNow + 4s;
  auto first = d.out.front();
  cloud::CloudResult r;
  r.call = first;
  r.output = json::object();
  d.deliver(r);
  EXPECT_EQ(d.out.size(), 3u);
  d.expire(kNow + 5s);  // the two first calls expire; the newcomer does not
  EXPECT_EQ(d.c.inventory().gaps.size(), 2u);
  EXPECT_EQ(d.out.size(), 3u + 2u);  // the two that expired are still listed by the driver, and two more went out
  d.rest();
  d.expire(kNow + 20s);
  EXPECT_TRUE(d.c.complete());
}

TEST(Collection, AttachesSnapshotsAndDrCopiesToTheirDatabaseInAnyOrder) {
  Driver d(two_regions(), kNow);
  // The DR copy and the snapshots come before the instance itself.
  auto copied = snapshot("copy-1", "prod-postgres", "manual", 60s);
  copied["SourceRegion"] = "us-east-1";
  copied["OriginalSnapshotCreateTime"] = iso(3600s);  // the copy's own time is when it was copied
  d.give("DescribeDBSnapshots", "us-west-2", {{"DBSnapshots", {copied}}});
  d.give("DescribeDBSnapshots", "us-east-1",
         {{"DBSnapshots", {snapshot("auto-1", "prod-postgres", "automated", 7200s), snapshot("man-1", "prod-postgres", "manual", 600s)}}});
  d.give("DescribeDBInstances", "us-east-1", {{"DBInstances", {instance("prod-postgres", 7, 120s)}}});
  const auto& inv = d.c.inventory();
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
  EXPECT_EQ(in_dr->time, kNow - 3600s);  // the data's time, not the copy's
}

TEST(Collection, RetentionZeroMeansNoPitrAndNoAutomatedSnapshots) {
  Driver d(two_regions(), kNow);
  // Whatever the API says about restorable times, retention 0 keeps no automated backups.
  d.give("DescribeDBInstanceAutomatedBackups", "us-east-1",
         {{"DBInstanceAutomatedBackups",
           {{{"DBInstanceIdentifier", "ledger"}, {"Status", "active"}, {"RestoreWindow", {{"EarliestTime", iso(9000s)}, {"LatestTime", iso(60s)}}}}}}});
  d.give("DescribeDBInstances", "us-east-1", {{"DBInstances", {instance("ledger", 0, 60s)}}});
  d.give("DescribeDBSnapshots", "us-east-1", {{"DBSnapshots", {snapshot("auto", "ledger", "automated", 60s)}}});
  const auto* db = d.c.inventory().find(ResourceKind::RdsInstance, "ledger", "us-east-1");
  ASSERT_NE(db, nullptr);
  EXPECT_FALSE(db->pitr);
  EXPECT_FALSE(newest_point(*db));
  // A manual snapshot does count.
  Driver d2(two_regions(), kNow);
  d2.give("DescribeDBInstances", "us-east-1", {{"DBInstances", {instance("ledger", 0, 60s)}}});
  d2.give("DescribeDBSnapshots", "us-east-1",
          {{"DBSnapshots", {snapshot("auto", "ledger", "automated", 60s), snapshot("kept", "ledger", "manual", 3000s)}}});
  const auto newest = newest_point(*d2.c.inventory().find(ResourceKind::RdsInstance, "ledger", "us-east-1"));
  ASSERT_TRUE(newest);
  EXPECT_EQ(newest->id, "kept");
}

TEST(Collection, TheAutomatedBackupsWindowIsKeptOnlyForAnInstanceThatExists) {
  Driver d(two_regions(), kNow);
  d.give("DescribeDBInstanceAutomatedBackups", "us-east-1",
         {{"DBInstanceAutomatedBackups",
           {{{"DBInstanceIdentifier", "db"}, {"Status", "active"}, {"RestoreWindow", {{"EarliestTime", iso(86400s)}, {"LatestTime", iso(300s)}}}},
            {{"DBInstanceIdentifier", "deleted"}, {"Status", "retained"}, {"RestoreWindow", {{"EarliestTime", iso(86400s)}}}}}}});
  d.give("DescribeDBInstances", "us-east-1", {{"DBInstances", {instance("db", 7, 120s)}}});
  const auto& inv = d.c.inventory();
  const auto* db = inv.find(ResourceKind::RdsInstance, "db", "us-east-1");
  ASSERT_TRUE(db && db->pitr);
  EXPECT_EQ(db->pitr->earliest, kNow - 86400s);
  EXPECT_EQ(db->pitr->latest, kNow - 120s);
  EXPECT_EQ(inv.find_anywhere(ResourceKind::RdsInstance, "deleted"), nullptr);
}

TEST(Collection, ACallPastItsDeadlineLeavesATimeoutGapAndItsLateAnswerIsIgnored) {
  Driver d(two_regions(), kNow);
  const auto late = d.call("DescribeDBInstances", "us-west-2");
  d.rest({"DescribeDBInstances@us-west-2"});
  EXPECT_FALSE(d.c.complete());
  EXPECT_EQ(d.c.next_deadline(), kNow + 5s);
  d.expire(kNow + 4s);
  EXPECT_TRUE(d.c.inventory().gaps.empty());
  d.expire(kNow + 5s);
  EXPECT_TRUE(d.c.complete());
  const auto& inv = d.c.inventory();
  ASSERT_EQ(inv.gaps.size(), 1u);
  EXPECT_EQ(inv.gaps[0].region, "us-west-2");
  EXPECT_EQ(inv.gaps[0].service, "rds");
  EXPECT_EQ(inv.gaps[0].operation, "DescribeDBInstances");
  EXPECT_EQ(inv.gaps[0].message, "no answer within 5s");
  EXPECT_TRUE(inv.gaps[0].unreachable());
  EXPECT_NE(inv.gap_for("us-west-2", "rds"), nullptr);
  EXPECT_EQ(inv.gap_for("us-east-1"), nullptr);
  // The answer that finally comes changes nothing.
  cloud::CloudResult r;
  r.call = late;
  r.output = {{"DBInstances", {instance("late", 7, 1s)}}};
  EXPECT_TRUE(d.c.take(r, kNow + 6s).empty());
  EXPECT_EQ(d.c.inventory().find_anywhere(ResourceKind::RdsInstance, "late"), nullptr);
}

TEST(Collection, AFollowUpThatTimesOutLeavesItsDetailUnknownNotOff) {
  auto s = two_regions();
  s.named.state_bucket = "tf";
  Driver d(s, kNow);
  d.give("GetBucketLocation", "us-east-1", {{"LocationConstraint", "eu-west-1"}}, "Bucket", "tf");
  EXPECT_TRUE(d.has("GetBucketVersioning", "eu-west-1"));  // asked in the bucket's own region
  d.give("GetBucketReplication", "eu-west-1", json::object(), "Bucket", "tf");
  d.rest({"GetBucketVersioning@eu-west-1"});
  d.expire(kNow + 10s);
  const auto* b = d.c.inventory().find_anywhere(ResourceKind::S3Bucket, "tf");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->region, "eu-west-1");
  EXPECT_EQ(b->unknown, std::vector<std::string>{"versioning"});
}

TEST(Collection, FollowsNextPagesAndVaults) {
  Driver d(two_regions(), kNow);
  cloud::CloudResult first;
  first.call = d.call("DescribeDBSnapshots", "us-east-1");
  first.output = {{"DBSnapshots", {snapshot("a", "db1", "manual", 60s)}}};
  auto next = first.call;
  next.params["Marker"] = "page-2";
  first.next_page = next;
  d.deliver(first);
  EXPECT_EQ(d.call("DescribeDBSnapshots", "us-east-1", "Marker", "page-2").params.value("Marker", ""), "page-2");
  EXPECT_FALSE(d.c.complete());
  d.give("ListBackupVaults", "us-east-1", {{"BackupVaultList", {{{"BackupVaultName", "Default"}}}}});
  d.give("ListRecoveryPointsByBackupVault", "us-east-1",
         {{"RecoveryPoints",
           {{{"RecoveryPointArn", "arn:rp:1"}, {"ResourceArn", "arn:aws:dynamodb:us-east-1:1:table/orders"}, {"ResourceType", "DynamoDB"},
             {"Status", "AVAILABLE"}, {"CreationDate", iso(900s)}, {"CompletionDate", iso(300s)}}}}});
  const auto* orders = d.c.inventory().find(ResourceKind::DynamoTable, "orders", "us-east-1");
  ASSERT_NE(orders, nullptr);  // known only through its recovery point
  ASSERT_EQ(orders->points.size(), 1u);
  EXPECT_EQ(orders->points[0].source, PointSource::BackupRecoveryPoint);
  EXPECT_TRUE(orders->points[0].usable);                 // AVAILABLE is as good as COMPLETED
  EXPECT_EQ(orders->points[0].time, kNow - 900s);        // when the backup began: the data's time
}

TEST(Collection, AnEbsCopyBelongsToItsOriginalsVolumeWithTheOriginalsTime) {
  Driver d(two_regions(), kNow);
  d.give("DescribeVolumes", "us-east-1", {{"Volumes", {{{"VolumeId", "vol-1"}, {"State", "in-use"}}}}});
  d.give("DescribeSnapshots", "us-east-1",
         {{"Snapshots", {{{"SnapshotId", "snap-orig"}, {"VolumeId", "vol-1"}, {"State", "completed"}, {"StartTime", iso(7200s)}}}}});
  d.give("DescribeSnapshots", "us-west-2",
         {{"Snapshots", {{{"SnapshotId", "snap-copy"}, {"VolumeId", "vol-ffffffff"}, {"State", "completed"}, {"StartTime", iso(60s)},
                          {"Description", "[Copied snap-orig from us-east-1]"}}}}});
  const auto& inv = d.c.inventory();
  const auto* v = inv.find(ResourceKind::EbsVolume, "vol-1", "us-east-1");
  ASSERT_NE(v, nullptr);
  ASSERT_EQ(v->points.size(), 2u);
  const auto dr = newest_point(*v, "us-west-2");
  ASSERT_TRUE(dr);
  EXPECT_EQ(dr->id, "snap-copy");
  EXPECT_EQ(dr->time, kNow - 7200s);
  EXPECT_EQ(inv.find_anywhere(ResourceKind::EbsVolume, "vol-ffffffff"), nullptr);
}

TEST(Collection, NamedResourcesAreAskedForByNameAndNothingElseCounts) {
  Scope s = two_regions();
  s.named.rds_instances = {"prod-postgres"};
  s.named.state_bucket = "tf-state";
  s.named.lock_table = "tf-lock";
  Driver d(s, kNow);
  EXPECT_EQ(d.call("GetBucketLocation", "us-east-1").params.value("Bucket", ""), "tf-state");
  EXPECT_EQ(d.call("DescribeTable", "us-east-1", "TableName", "tf-lock").operation, "DescribeTable");
  EXPECT_FALSE(d.has("ListTables", "us-east-1"));   // the environment says what it protects
  EXPECT_FALSE(d.has("ListBuckets", "us-east-1"));
  d.give("DescribeDBInstances", "us-east-1", {{"DBInstances", {instance("prod-postgres", 7, 60s), instance("scratch", 1, 60s)}}});
  d.give("GetBucketLocation", "us-east-1", json::object(), "Bucket", "tf-state");
  d.give("GetBucketVersioning", "us-east-1", {{"Status", "Suspended"}}, "Bucket", "tf-state");
  d.fail("DescribeTable", "us-east-1", "ResourceNotFoundException", "TableName", "tf-lock");
  d.fail("DescribeContinuousBackups", "us-east-1", "TableNotFoundException", "TableName", "tf-lock");
  const auto& inv = d.c.inventory();
  EXPECT_NE(inv.find(ResourceKind::RdsInstance, "prod-postgres", "us-east-1"), nullptr);
  EXPECT_EQ(inv.find(ResourceKind::RdsInstance, "scratch", "us-east-1"), nullptr);
  EXPECT_EQ(inv.find(ResourceKind::S3Bucket, "tf-state", "us-east-1")->versioning, "Suspended");
  EXPECT_EQ(inv.find(ResourceKind::DynamoTable, "tf-lock", "us-east-1")->status, "not found");
  EXPECT_TRUE(inv.gaps.empty());  // a missing table is a finding, not a blind spot
}

namespace {

std::vector<Posture> posture_for(std::chrono::seconds latest_ago, std::optional<std::chrono::seconds> rpo) {
  Scope s = two_regions();
  s.named.rds_instances = {"db"};
  Driver d(s, kNow);
  d.give("DescribeDBInstances", "us-east-1", {{"DBInstances", {instance("db", 7, latest_ago)}}});
  d.rest();
  return assess(d.c.inventory(), s, rpo, kNow);
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

TEST(Posture, MissingResourceIsABreachUnlessItsRegionWasBlindOrRefused) {
  Scope s = two_regions();
  s.named.rds_instances = {"gone"};
  Driver d(s, kNow);
  d.rest();
  auto p = assess(d.c.inventory(), s, 300s, kNow);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].status, PostureStatus::Breach);
  EXPECT_FALSE(p[0].found);
  EXPECT_NE(p[0].reason.find("was not found in us-east-1"), std::string::npos);

  Driver blind(s, kNow);
  blind.rest({"DescribeDBInstances@us-east-1"});
  blind.expire(kNow + 10s);
  auto q = assess(blind.c.inventory(), s, 300s, kNow + 10s);
  EXPECT_EQ(q[0].status, PostureStatus::Unknown);
  EXPECT_NE(q[0].reason.find("did not answer"), std::string::npos) << q[0].reason;

  // Expired credentials are not "not found" either.
  Driver refused(s, kNow);
  refused.fail("DescribeDBInstances", "us-east-1", "ExpiredToken");
  refused.rest();
  auto e = assess(refused.c.inventory(), s, 300s, kNow);
  EXPECT_EQ(e[0].status, PostureStatus::Unknown);
  EXPECT_NE(e[0].reason.find("said ExpiredToken"), std::string::npos) << e[0].reason;
}

TEST(Posture, ABreachJudgedOnAPartialAnswerIsUnknown) {
  Scope s = two_regions();
  s.named.rds_instances = {"ledger"};
  Driver d(s, kNow);
  d.give("DescribeDBInstances", "us-east-1", {{"DBInstances", {instance("ledger", 0, std::nullopt)}}});
  d.rest({"DescribeDBSnapshots@us-east-1"});
  d.expire(kNow + 10s);
  auto p = assess(d.c.inventory(), s, 300s, kNow + 10s);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].status, PostureStatus::Unknown) << p[0].reason;
  EXPECT_NE(p[0].reason.find("DescribeDBSnapshots"), std::string::npos) << p[0].reason;
}

TEST(Scope, TheStateBucketAndLockTableAloneStillDiscoverEverything) {
  Scope s = two_regions();
  s.named.state_bucket = "tf";
  s.named.lock_table = "lock";
  EXPECT_TRUE(s.discovers());
  Driver d(s, kNow);
  EXPECT_TRUE(d.has("ListTables", "us-east-1"));
  EXPECT_TRUE(d.has("ListBuckets", "us-east-1"));
  d.give("DescribeDBInstances", "us-east-1", {{"DBInstances", {instance("db", 7, 60s)}}});
  d.rest();
  auto p = assess(d.c.inventory(), s, 300s, kNow);
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p[0].name, "db");
}

TEST(Posture, DiscoveryLeavesReadReplicasOut) {
  Driver d(two_regions(), kNow);
  auto replica = instance("db-replica", 0, std::nullopt);
  replica["ReadReplicaSourceDBInstanceIdentifier"] = "db";
  d.give("DescribeDBInstances", "us-east-1", {{"DBInstances", {instance("db", 7, 60s), replica}}});
  d.rest();
  auto p = assess(d.c.inventory(), two_regions(), 300s, kNow);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].name, "db");
}

TEST(Posture, VersioningIsTheBucketsRecoveryAndReplicationItsCopy) {
  Scope s = two_regions();
  s.named.s3_buckets = {"on", "off"};
  Driver d(s, kNow);
  d.give("GetBucketLocation", "us-east-1", json::object(), "Bucket", "on");
  d.give("GetBucketLocation", "us-east-1", json::object(), "Bucket", "off");
  d.give("GetBucketVersioning", "us-east-1", {{"Status", "Enabled"}}, "Bucket", "on");
  d.give("GetBucketVersioning", "us-east-1", json::object(), "Bucket", "off");
  d.give("GetBucketReplication", "us-east-1",
         {{"ReplicationConfiguration", {{"Rules", {{{"Status", "Enabled"}, {"Destination", {{"Bucket", "arn:aws:s3:::on-dr"}}}}}}}}}, "Bucket", "on");
  d.fail("GetBucketReplication", "us-east-1", "ReplicationConfigurationNotFoundError", "Bucket", "off");
  d.rest();
  EXPECT_TRUE(d.c.inventory().gaps.empty());  // no replication configured is not an error
  auto p = assess(d.c.inventory(), s, 300s, kNow);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].name, "on");
  EXPECT_EQ(p[0].status, PostureStatus::Ok);
  EXPECT_TRUE(p[0].dr_copy);
  EXPECT_EQ(p[1].status, PostureStatus::Breach);
  EXPECT_NE(p[1].reason.find("versioning is off"), std::string::npos);
}

TEST(Collection, ADrRegionsOwnDatabaseKeepsItsOwnSnapshotsButCopiesGoHome) {
  Driver d(two_regions(), kNow);
  d.give("DescribeDBInstances", "us-east-1", {{"DBInstances", {instance("db", 7, 60s)}}});
  d.give("DescribeDBInstances", "us-west-2", {{"DBInstances", {instance("db", 7, 60s)}}});
  auto copied = snapshot("copied", "db", "manual", 600s);
  copied["SourceRegion"] = "us-east-1";
  d.give("DescribeDBSnapshots", "us-west-2", {{"DBSnapshots", {snapshot("own-auto", "db", "automated", 300s), copied}}});
  const auto& inv = d.c.inventory();
  const auto* primary = inv.find(ResourceKind::RdsInstance, "db", "us-east-1");
  const auto* standby = inv.find(ResourceKind::RdsInstance, "db", "us-west-2");
  ASSERT_TRUE(primary && standby);
  ASSERT_EQ(primary->points.size(), 1u);
  EXPECT_EQ(primary->points[0].id, "copied");
  ASSERT_EQ(standby->points.size(), 1u);
  EXPECT_EQ(standby->points[0].id, "own-auto");
}
