// The console's cloud for `drconsole run`: attached only when the environment names a region, read-only,
// and when it cannot be opened, a reason in one line.

#include <gtest/gtest.h>

#include <cstdlib>

#include "cli/console_cloud.hpp"
#include "support/temp_dir.hpp"

using namespace drc;

namespace {

// This process's AWS and drconsole settings, kept away from the machine's own.
class ConsoleCloud : public ::testing::Test {
 protected:
  void SetUp() override {
    ::setenv("XDG_CONFIG_HOME", (tmp / "config").c_str(), 1);
    ::setenv("AWS_CONFIG_FILE", "/nonexistent/config", 1);
    ::setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials", 1);
    ::setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
    ::unsetenv("AWS_PROFILE");
  }
  runbook::Runbook runbook_with(runbook::Environment env) {
    runbook::Runbook rb;
    rb.environments[env.name] = env;
    return rb;
  }
  test::TempDir tmp;
};

runbook::Environment prod() {
  runbook::Environment e;
  e.name = "prod";
  e.rpo = std::chrono::minutes(5);
  return e;
}

}  // namespace

TEST_F(ConsoleCloud, NoRegionNoCloud) {
  EXPECT_FALSE(cli::open_console_cloud(runbook_with(prod()), "prod"));
  EXPECT_FALSE(cli::open_console_cloud(runbook_with(prod()), "staging"));
}

TEST_F(ConsoleCloud, AnUnknownProfileIsAReasonNotAFailure) {
  auto env = prod();
  env.region = "us-east-1";
  env.profile = "payments-prod";
  auto opened = cli::open_console_cloud(runbook_with(env), "prod");
  ASSERT_TRUE(opened);
  ASSERT_FALSE(*opened);
  EXPECT_EQ(opened->error().message, "cannot use AWS for prod: The config profile (payments-prod) could not be found");
}

TEST_F(ConsoleCloud, OpensReadOnlyWithTheEnvironmentsScope) {
  auto env = prod();
  env.region = "eu-west-1";
  env.dr_region = "eu-central-1";
  env.resources.rds_instances = {"ledger"};
  auto opened = cli::open_console_cloud(runbook_with(env), "Prod");  // names match loosely
  ASSERT_TRUE(opened);
  ASSERT_TRUE(*opened) << opened->error().message;
  auto& c = opened->value();
  EXPECT_EQ(c.scope.region, "eu-west-1");
  EXPECT_EQ(c.scope.dr_region, "eu-central-1");
  EXPECT_EQ(c.scope.named.rds_instances, std::vector<std::string>{"ledger"});
  EXPECT_EQ(c.scope.timeout, cli::kConsoleCallTimeout);
  EXPECT_EQ(c.rpo, std::chrono::seconds(300));
  // A write never leaves the console: the guard answers it, at once, without sending it.
  std::optional<cloud::CloudResult> refused;
  c.read_only->call({"rds", "DeleteDBInstance", "eu-west-1", {{"DBInstanceIdentifier", "ledger"}}},
                    [&](cloud::CloudResult r) { refused = std::move(r); });
  ASSERT_TRUE(refused);
  ASSERT_FALSE(refused->ok());
  EXPECT_EQ(refused->error->code, cloud::kRefusedCode);
}

TEST_F(ConsoleCloud, ConfigFillsWhatTheRunbookLeavesOut) {
  std::filesystem::create_directories(tmp / "config" / "drconsole");
  test::write_file(tmp / "config" / "drconsole" / "config.yaml", "environments:\n  prod: { region: ap-south-1, rpo: 1h }\n");
  auto opened = cli::open_console_cloud(runbook_with(prod()), "prod");
  ASSERT_TRUE(opened);
  ASSERT_TRUE(*opened) << opened->error().message;
  EXPECT_EQ(opened->value().scope.region, "ap-south-1");
  EXPECT_EQ(opened->value().rpo, std::chrono::minutes(5));  // the runbook's word wins
  test::write_file(tmp / "config" / "drconsole" / "config.yaml", "environments: [\n");
  auto broken = cli::open_console_cloud(runbook_with(prod()), "prod");
  ASSERT_TRUE(broken);
  EXPECT_FALSE(*broken);
}

TEST(ConsoleScope, FallsBackToTheDefaultRegion) {
  runbook::Environment e;
  e.dr_region = "us-west-2";
  const auto s = cli::scope_for(e, "us-east-2", std::chrono::seconds(3));
  EXPECT_EQ(s.region, "us-east-2");
  EXPECT_EQ(s.dr_region, "us-west-2");
  EXPECT_EQ(s.timeout, std::chrono::seconds(3));
}
