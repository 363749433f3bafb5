// The inventory pane in a real terminal: sorting, filtering and the detail view on the demo's simulated
// cloud, and `drconsole run` with the environment's own (here: loopback) AWS endpoint.

#include "support/fake_server.hpp"
#include "tui/console_fixture.hpp"

using namespace std::chrono_literals;
using drc::test::Console;
using drc::test::kExamples;

namespace {

// A runbook whose environment names its regions, so `run` attaches the cloud.
const char* kRunbook = R"(---
service: ledger
environments:
  prod: { rto: 1h, rpo: 15m, region: us-east-1, dr_region: us-west-2 }
---

# Ledger database

## Scenario: Database lost

#### Step 1: Look at it (2 minutes)

Check the database.
)";

// AWS settings for a console that may reach only the given loopback port.
std::string aws_env(int port) {
  return "AWS_ACCESS_KEY_ID=AKIATEST AWS_SECRET_ACCESS_KEY=secret AWS_MAX_ATTEMPTS=1 AWS_ENDPOINT_URL=http://127.0.0.1:" +
         std::to_string(port);
}

// The order in which the texts appear on screen holds.
bool in_order(const std::string& s, const std::vector<std::string>& texts) {
  std::size_t last = 0;
  for (const auto& t : texts) {
    const auto at = s.find(t);
    if (at == std::string::npos || at < last) return false;
    last = at;
  }
  return true;
}

}  // namespace

TEST_F(Console, InventorySortsFiltersAndOpensADetailView) {
  start("demo", 120, 34);
  ASSERT_TRUE(wait_for("Inventory: 1 breach, 1 warning, 1 ok · 6 found")) << screen();
  keys({"Tab"});
  ASSERT_TRUE(wait_for("Enter detail")) << screen();  // the key bar names the pane's keys
  keys({"o", "o", "o", "o", "o", "o"});                // status, resource, kind, region, newest, age
  ASSERT_TRUE(wait_for("sorted by Age ▲")) << screen();
  EXPECT_TRUE(in_order(screen(), {"payments-aurora", "payments-prod-db ", "ledger-reporting"})) << screen();
  keys({"O"});
  ASSERT_TRUE(wait_for("sorted by Age ▼")) << screen();
  EXPECT_TRUE(in_order(screen(), {"ledger-reporting", "payments-prod-db ", "payments-aurora"})) << screen();

  // The filter narrows the rows as it is typed, whatever the case; Escape clears it.
  keys({"/"});
  ASSERT_TRUE(wait_for("Filter the inventory")) << screen();
  keys({"-l", "AUR"});
  ASSERT_TRUE(wait_for("/AUR  1 of")) << screen();
  EXPECT_NE(screen().find("payments-aurora"), std::string::npos);
  EXPECT_EQ(screen().find("ledger-reporting"), std::string::npos) << screen();
  keys({"Escape"});
  ASSERT_TRUE(wait_gone("/AUR")) << screen();
  EXPECT_NE(screen().find("ledger-reporting"), std::string::npos);

  // Enter keeps it; Enter again opens the selected row's detail, which q closes (and only it).
  keys({"/"});
  keys({"-l", "ledger"});
  keys({"Enter"});
  ASSERT_TRUE(wait_for("/ledger  1 of")) << screen();
  EXPECT_TRUE(wait_for("Enter detail")) << screen();
  keys({"Enter"});
  ASSERT_TRUE(wait_for("RDS instance ledger-reporting · us-east-1")) << screen();
  auto s = screen();
  EXPECT_NE(s.find("BREACH — newest point 9d old, over the RPO of 5m"), std::string::npos) << s;
  EXPECT_NE(s.find("so only snapshots count"), std::string::npos) << s;  // the posture's reason, wrapped
  EXPECT_NE(s.find("Recovery points (1)"), std::string::npos) << s;
  EXPECT_NE(s.find("ledger-reporting-manual"), std::string::npos) << s;
  EXPECT_NE(s.find("0 days: no automated backups"), std::string::npos) << s;
  keys({"q"});
  ASSERT_TRUE(wait_gone("Recovery points (1)")) << screen();
  EXPECT_EQ(screen().find("Leave the console?"), std::string::npos);

  // A resource with a DR copy: its points in both regions, newest first.
  keys({"Escape"});  // the kept filter goes too
  ASSERT_TRUE(wait_gone("/ledger")) << screen();
  keys({"/"});
  keys({"-l", "warning"});
  keys({"Enter", "Enter"});
  ASSERT_TRUE(wait_for("RDS instance payments-prod-db · us-east-1")) << screen();
  s = screen();
  EXPECT_NE(s.find("Recovery points (4)"), std::string::npos) << s;
  EXPECT_NE(s.find("payments-prod-db-copy-usw2"), std::string::npos) << s;
  EXPECT_NE(s.find("DR copy      yes: newest in us-west-2"), std::string::npos) << s;
  EXPECT_NE(s.find("PITR window"), std::string::npos) << s;
  keys({"Escape"});
  ASSERT_TRUE(wait_gone("Recovery points (4)")) << screen();
}

TEST_F(Console, RunWithoutAwsConfigurationSaysWhyAndStaysUsable) {
  // The payments environment names a profile this machine (here: none at all) does not have.
  start("run " + kExamples + "payments-db-failover.md --env prod --scenario 1");
  ASSERT_TRUE(wait_for("Steps 0/6")) << screen();
  ASSERT_TRUE(wait_for("No inventory: cannot use AWS for prod: The config profile (payments-prod) could not be found"))
      << screen();
  keys({"s"});
  EXPECT_TRUE(wait_for("tester started step 1")) << screen();
}

TEST_F(Console, RunAttachesTheEnvironmentsCloudAndShowsUnreachableRegions) {
  int closed = 0;
  {
    drc::test::FakeServer gone;  // a loopback port nobody listens on any more
    closed = gone.port();
  }
  drc::test::write_file(tmp / "ledger.md", kRunbook);
  start("run " + (tmp / "ledger.md").string() + " --env prod --scenario 1 --theme dark", 100, 30, aws_env(closed));
  // One row for each region's service, however many of its calls failed.
  ASSERT_TRUE(wait_for("us-west-2 rds: unreachable — Could not connect")) << screen();
  EXPECT_TRUE(wait_gone("calls out")) << screen();
  const auto s = screen();
  EXPECT_NE(s.find("Inventory: 0 found · "), std::string::npos) << s;
  EXPECT_EQ(s.find("us-east-1 rds: unreachable"), s.rfind("us-east-1 rds: unreachable")) << s;
  EXPECT_NE(s.find("us-east-1 backup: unreachable"), std::string::npos) << s;
  const auto look = drc::test::look_of(screen_with_colours(), "us-east-1 rds: unreachable");
  ASSERT_TRUE(look);
  EXPECT_EQ(look->bg, 1);  // the alarm colour
  EXPECT_TRUE(look->bold);
}

TEST_F(Console, CallsStillOutNeverHoldUpTheConsole) {
  drc::test::FakeServer server;
  server.set_fallback(drc::test::Behaviour::hang());  // accepts every request and never answers
  drc::test::write_file(tmp / "ledger.md", kRunbook);
  start("run " + (tmp / "ledger.md").string() + " --env prod --scenario 1", 100, 30, aws_env(server.port()));
  ASSERT_TRUE(wait_for("calls out")) << screen();
  keys({"s"});
  ASSERT_TRUE(wait_for("tester started step 1")) << screen();
  EXPECT_NE(screen().find("calls out"), std::string::npos) << screen();
  keys({"r"});
  EXPECT_TRUE(wait_for("still waiting for")) << screen();
  // At the deadline (10s after the first call) every call is given up, in the inventory's words.
  ASSERT_TRUE(wait_for("us-east-1 rds: unreachable — no answer within 10s", 15s)) << screen();
  EXPECT_TRUE(wait_gone("calls out")) << screen();
  keys({"r"});  // nothing is out now: it asks again
  EXPECT_TRUE(wait_for("asking the cloud again")) << screen();
  EXPECT_TRUE(wait_for("calls out")) << screen();
}
