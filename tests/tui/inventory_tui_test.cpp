// The inventory pane in a real terminal: sorting, filtering and the detail view on the demo's simulated
// cloud, and `drconsole run` with the environment's own (here: loopback) AWS endpoint.

#include <ctime>

#include "support/fake_server.hpp"
#include "tui/console_fixture.hpp"

using namespace std::chrono_literals;
using drc::test::Console;
using drc::test::kExamples;

namespace {

// A runbook whose environment names its regions, so `run` attaches the cloud.
const char* kOneRegionRunbook = R"(---
service: ledger
environments:
  prod: { rto: 1h, rpo: 15m, region: us-east-1 }
---

# Ledger database

## Scenario: Database lost

#### Step 1: Look at it (2 minutes)

Check the database.
)";

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

// A moment `ago` before now, as AWS writes it.
std::string iso_ago(std::chrono::seconds ago) {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() - ago);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A loopback AWS that answers every call the inventory makes, in each service's own protocol: two RDS
// instances, ledger with backup retention 0 and no snapshot (over any RPO), orders-db restorable to a
// minute ago; nothing else anywhere.
drc::test::Behaviour answer_inventory(const drc::test::ReceivedRequest& r) {
  using drc::test::Behaviour;
  const auto xml = [](const std::string& body) { return Behaviour::respond(200, body, {{"Content-Type", "text/xml"}}); };
  const auto json = [](const std::string& body) {
    return Behaviour::respond(200, body, {{"Content-Type", "application/x-amz-json-1.1"}});
  };
  if (const auto at = r.body.find("Action="); at != std::string::npos) {
    const auto end = r.body.find('&', at);
    const auto action = r.body.substr(at + 7, end == std::string::npos ? std::string::npos : end - at - 7);
    if (r.body.find("Version=2014-10-31") == std::string::npos) return xml("<" + action + "Response></" + action + "Response>");  // EC2
    std::string result;
    if (action == "DescribeDBInstances") {
      result = "<DBInstances><DBInstance><DBInstanceIdentifier>ledger</DBInstanceIdentifier><DBInstanceStatus>available"
               "</DBInstanceStatus><Engine>postgres</Engine><BackupRetentionPeriod>0</BackupRetentionPeriod></DBInstance>"
               "<DBInstance><DBInstanceIdentifier>orders-db</DBInstanceIdentifier><DBInstanceStatus>available</DBInstanceStatus>"
               "<Engine>postgres</Engine><BackupRetentionPeriod>7</BackupRetentionPeriod><LatestRestorableTime>" +
               iso_ago(std::chrono::seconds(60)) + "</LatestRestorableTime></DBInstance></DBInstances>";
    }
    return xml("<" + action + "Response><" + action + "Result>" + result + "</" + action + "Result></" + action + "Response>");
  }
  if (!r.header("X-Amz-Target").empty() || r.target.starts_with("/backup-vaults")) return json("{}");  // DynamoDB, Backup
  return xml("<ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>");                 // S3
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
  // Over the RPO: the detail says by how much and from which point.
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

TEST_F(Console, ABreachIsDrawnInTheAlarmColourAndOkIsNot) {
  drc::test::FakeServer aws;
  aws.set_responder(answer_inventory);
  drc::test::write_file(tmp / "ledger.md", kOneRegionRunbook);
  start("run " + (tmp / "ledger.md").string() + " --env prod --scenario 1 --theme dark", 100, 30, aws_env(aws.port()));
  ASSERT_TRUE(wait_for("Inventory: 1 breach, 1 ok · 2 found")) << screen();  // every call answered: no gap
  const auto s = screen();
  EXPECT_TRUE(in_order(s, {"BREACH  ledger ", "ok      orders-db "})) << s;
  // The dark theme's alarm is bold bright white on red (white on an 8-colour terminal); ok is plain.
  const auto colours = screen_with_colours();
  const auto alarm = drc::test::look_of(colours, "BREACH  ledger ");
  ASSERT_TRUE(alarm) << colours;
  EXPECT_EQ(alarm->bg, 1);
  EXPECT_TRUE(alarm->fg == 15 || alarm->fg == 7) << alarm->fg;
  EXPECT_TRUE(alarm->bold);
  const auto plain = drc::test::look_of(colours, "ok      orders-db ");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->bg, -1);
  EXPECT_EQ(plain->fg, -1);
  EXPECT_FALSE(plain->bold);
  // Why, in the detail view; and no call asked AWS to change anything.
  keys({"Tab", "Enter"});
  ASSERT_TRUE(wait_for("RDS instance ledger · us-east-1")) << screen();
  EXPECT_NE(screen().find("Posture      BREACH — backup retention is 0: no automated backups"), std::string::npos) << screen();
  for (const auto& r : aws.requests()) {
    const auto action = r.body.find("Action=");
    EXPECT_TRUE(r.method == "GET" || action == std::string::npos || r.body.compare(action + 7, 8, "Describe") == 0) << r.body;
  }
}

TEST_F(Console, TheDebugLogGoesToTheStateFolderNotTheScreenAndKeepsNoSecret) {
  drc::test::FakeServer aws;
  aws.set_responder(answer_inventory);
  drc::test::write_file(tmp / "ledger.md", kOneRegionRunbook);
  start("run " + (tmp / "ledger.md").string() + " --env prod --scenario 1", 100, 30, aws_env(aws.port()) + " DRC_LOG=debug");
  ASSERT_TRUE(wait_for("Inventory: 1 breach, 1 ok · 2 found")) << screen();
  EXPECT_EQ(screen().find("attempt 1"), std::string::npos) << screen();  // nothing of it on the console
  const auto log = tmp / "drconsole" / "drconsole.log";
  ASSERT_TRUE(std::filesystem::exists(log));
  EXPECT_EQ(std::filesystem::status(log).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  const auto text = drc::test::read_file(log);
  EXPECT_NE(text.find("DescribeDBInstances attempt 1"), std::string::npos) << text.substr(0, 2000);
  EXPECT_EQ(text.find("secret"), std::string::npos);  // AWS_SECRET_ACCESS_KEY's value
  // The request's signature is masked: every "Signature=" is followed by the redaction mark.
  ASSERT_NE(text.find("Signature="), std::string::npos) << "the Authorization header is logged, masked";
  for (auto at = text.find("Signature="); at != std::string::npos; at = text.find("Signature=", at + 1)) {
    EXPECT_EQ(text.compare(at + 10, 3, "***"), 0) << text.substr(at, 60);
  }
}
