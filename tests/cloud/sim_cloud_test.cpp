#include <gtest/gtest.h>

#include <thread>

#include "cloud/result_queue.hpp"
#include "cloud/sim_cloud.hpp"
#include "support/temp_dir.hpp"

using namespace std::chrono_literals;
using namespace drc;
using namespace drc::cloud;

namespace {

const std::string kWorld = DRC_EXAMPLES_DIR "/worlds/payments.json";
const Timestamp kStart{std::chrono::milliseconds{1'790'000'000'000}};

std::unique_ptr<SimCloud> load(const std::string& path, const incident::Clock& clock) {
  auto c = SimCloud::load(path, clock);
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
  return c.ok() ? std::move(c).value() : nullptr;
}

std::vector<CloudResult> wait_for(ResultQueue& q, std::size_t n) {
  std::vector<CloudResult> got;
  const auto until = std::chrono::steady_clock::now() + 5s;
  while (got.size() < n && std::chrono::steady_clock::now() < until) {
    for (auto& r : q.drain()) got.push_back(std::move(r));
    std::this_thread::sleep_for(5ms);
  }
  return got;
}

}  // namespace

TEST(SimCloud, AnswersLaterOnItsOwnThreadAfterTheSimulatedLatency) {
  incident::ManualClock clock(kStart);
  auto cloud = load(kWorld, clock);
  ResultQueue q;
  const auto t0 = std::chrono::steady_clock::now();
  cloud->call({"rds", "DescribeDBInstances", "us-east-1", {}}, q.sink());
  cloud->call({"backup", "ListRecoveryPointsByBackupVault", "us-east-1", {{"BackupVaultName", "payments-prod-vault"}}}, q.sink());
  EXPECT_TRUE(q.drain().empty());  // call() returned before any answer
  auto got = wait_for(q, 2);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].call.service, "rds");  // 180 ms before backup's 350 ms
  EXPECT_GE(got[0].duration, 180ms);
  EXPECT_GE(got[1].duration, 350ms);
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 350ms);
  ASSERT_TRUE(got[0].ok());
  EXPECT_EQ(got[0].output["DBInstances"].size(), 2u);
  EXPECT_EQ(got[1].output["RecoveryPoints"][0]["ResourceType"], "DynamoDB");
}

TEST(SimCloud, RelativeTimesAreResolvedAgainstTheWorldClock) {
  incident::ManualClock clock(kStart);
  auto cloud = load(kWorld, clock);
  auto r = cloud->answer({"rds", "DescribeDBInstances", "us-east-1", {{"DBInstanceIdentifier", "payments-prod-db"}}});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.output["DBInstances"].size(), 1u);
  EXPECT_EQ(r.output["DBInstances"][0]["LatestRestorableTime"], format_iso8601(kStart - 4min));
  EXPECT_EQ(r.output["DBInstances"][0]["BackupRetentionPeriod"], 7);
}

TEST(SimCloud, FiltersAndTheApisErrors) {
  incident::ManualClock clock(kStart);
  auto cloud = load(kWorld, clock);
  auto snaps = cloud->answer({"rds", "DescribeDBSnapshots", "us-east-1",
                              {{"DBInstanceIdentifier", "payments-prod-db"}, {"SnapshotType", "automated"}}});
  EXPECT_EQ(snaps.output["DBSnapshots"].size(), 2u);
  auto missing = cloud->answer({"rds", "DescribeDBInstances", "us-east-1", {{"DBInstanceIdentifier", "nope"}}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error->code, "DBInstanceNotFound");
  auto cluster = cloud->answer({"rds", "DescribeDBClusters", "us-east-1", {{"DBClusterIdentifier", "nope"}}});
  EXPECT_EQ(cluster.error->code, "DBClusterNotFoundFault");
  auto vault = cloud->answer({"backup", "ListRecoveryPointsByBackupVault", "us-east-1", {{"BackupVaultName", "x"}}});
  EXPECT_EQ(vault.error->code, "ResourceNotFoundException");
  auto ebs = cloud->answer({"ec2", "DescribeSnapshots", "us-east-1", {{"SnapshotIds", {"snap-0a1b2c3d4e5f60002"}}}});
  ASSERT_EQ(ebs.output["Snapshots"].size(), 1u);
  EXPECT_EQ(ebs.output["Snapshots"][0]["VolumeId"], "vol-0abc");
  auto write = cloud->answer({"rds", "CreateDBSnapshot", "us-east-1", {}});
  EXPECT_EQ(write.error->code, "NotSimulated");
  auto region = cloud->answer({"rds", "DescribeDBInstances", "eu-west-1", {}});
  EXPECT_FALSE(region.ok());
}

TEST(SimCloud, InjectedFaultsAnswerWithTheirCodes) {
  test::TempDir tmp;
  test::write_file(tmp / "w.json",
                   R"({"regions": {"us-east-1": {"rds": {"DBInstances": []}}, "us-west-2": {}},
                       "faults": [{"region": "us-west-2", "code": "ServiceUnavailable", "message": "region impaired"}]})");
  incident::ManualClock clock(kStart);
  auto cloud = load((tmp / "w.json").string(), clock);
  auto bad = cloud->answer({"rds", "DescribeDBInstances", "us-west-2", {}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error->code, "ServiceUnavailable");
  EXPECT_EQ(bad.error->message, "region impaired");
  EXPECT_TRUE(cloud->answer({"rds", "DescribeDBInstances", "us-east-1", {}}).ok());
}

TEST(SimCloud, BadWorldFilesAreRefusedClearly) {
  test::TempDir tmp;
  test::write_file(tmp / "bad.json", "{ not json");
  test::write_file(tmp / "empty.json", "{}");
  incident::ManualClock clock(kStart);
  for (const auto& [file, fragment] : std::vector<std::pair<std::string, std::string>>{
           {"bad.json", "not a JSON world"}, {"empty.json", "needs \"regions\""}, {"missing.json", "cannot read"}}) {
    auto c = SimCloud::load(tmp / file, clock);
    ASSERT_FALSE(c.ok()) << file;
    EXPECT_NE(c.error().message.find(fragment), std::string::npos) << c.error().message;
  }
}

TEST(SimCloud, StopsCleanlyWithCallsInFlight) {
  incident::ManualClock clock(kStart);
  auto cloud = load(kWorld, clock);
  ResultQueue q;
  for (int i = 0; i < 50; ++i) cloud->call({"backup", "ListRecoveryPointsByBackupVault", "us-east-1", {}}, q.sink());
  cloud.reset();  // joins the worker; unanswered calls are dropped, nothing hangs
  SUCCEED();
}
