// The console's inventory driver on a cloud that answers only when the test says so, and a clock that
// moves only when told: nothing waits, answers fold in when polled, deadlines are kept.

#include <gtest/gtest.h>

#include "console/inventory_feed.hpp"
#include "console/inventory_fixture.hpp"
#include "incident/clock.hpp"

using namespace std::chrono;
using namespace drc;

namespace {

// Keeps every call; the test answers them.
class HeldCloud final : public cloud::Cloud {
 public:
  void call(cloud::CloudCall call, Done done) override { held.push_back({std::move(call), std::move(done)}); }
  // Answers the first held call of that operation with `output`; false when there is none.
  bool answer(const std::string& operation, nlohmann::json output) {
    for (auto it = held.begin(); it != held.end(); ++it) {
      if (it->first.operation != operation) continue;
      cloud::CloudResult r;
      r.call = it->first;
      r.output = std::move(output);
      auto done = std::move(it->second);
      held.erase(it);
      done(std::move(r));
      return true;
    }
    return false;
  }
  std::vector<std::pair<cloud::CloudCall, Done>> held;
};

}  // namespace

TEST(InventoryDriver, FoldsAnswersWhenPolledSendsFollowUpsAndKeepsDeadlines) {
  HeldCloud cloud;
  cloud::ResultQueue queue;
  incident::ManualClock clock(test::kNow);
  tui::CloudFeed feed{cloud, queue, test::sample_scope(), minutes(5)};
  feed.scope.timeout = seconds(10);
  tui::InventoryDriver driver(feed);
  EXPECT_FALSE(driver.until_deadline(clock.now()));  // nothing out yet
  driver.start(clock.now());
  const auto first_round = cloud.held.size();
  ASSERT_GT(first_round, 0u);
  EXPECT_EQ(driver.collection().outstanding(), first_round);
  EXPECT_FALSE(driver.poll(clock.now()));  // nothing has come

  clock.advance(seconds(2));
  ASSERT_TRUE(cloud.answer("DescribeDBInstances", {{"DBInstances",
                                                    {{{"DBInstanceIdentifier", "db"}, {"DBInstanceStatus", "available"},
                                                      {"BackupRetentionPeriod", 7}, {"LatestRestorableTime", "2026-11-20T10:00:00Z"}}}}}));
  ASSERT_TRUE(cloud.answer("ListBackupVaults", {{"BackupVaultList", {{{"BackupVaultName", "vault"}}}}}));
  EXPECT_EQ(driver.collection().outstanding(), first_round);  // in the queue, not yet taken
  EXPECT_TRUE(driver.poll(clock.now()));
  EXPECT_NE(driver.collection().inventory().find(inventory::ResourceKind::RdsInstance, "db", "us-east-1"), nullptr);
  // The vault's recovery points were asked for at once, with a deadline of their own.
  EXPECT_EQ(cloud.held.back().first.operation, "ListRecoveryPointsByBackupVault");
  EXPECT_EQ(driver.collection().outstanding(), first_round - 2 + 1);
  EXPECT_EQ(driver.until_deadline(clock.now()), milliseconds(8000));  // the first round's, 10s after the start

  EXPECT_FALSE(driver.restart(clock.now()));  // calls are out: no second round on top
  clock.advance(seconds(8));
  EXPECT_EQ(driver.until_deadline(clock.now()), milliseconds(0));
  EXPECT_TRUE(driver.poll(clock.now()));  // the first round is given up
  EXPECT_EQ(driver.collection().outstanding(), 1u);
  const auto* gap = driver.collection().inventory().gap_for("us-east-1", "ec2");
  ASSERT_NE(gap, nullptr);
  EXPECT_EQ(gap->code, "Timeout");
  clock.advance(seconds(2));
  EXPECT_TRUE(driver.poll(clock.now()));
  EXPECT_TRUE(driver.collection().complete());

  // A late answer to a call given up on changes nothing; a refresh starts a whole new round.
  ASSERT_TRUE(cloud.answer("DescribeDBSnapshots", {{"DBSnapshots", nlohmann::json::array()}}));
  driver.poll(clock.now());
  EXPECT_TRUE(driver.collection().complete());
  const auto before = cloud.held.size();
  EXPECT_TRUE(driver.restart(clock.now()));
  EXPECT_EQ(cloud.held.size(), before + first_round);
  EXPECT_TRUE(driver.collection().inventory().gaps.empty());
}
