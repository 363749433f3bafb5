// A runbook's aws lines run from the console: the line is offered to edit, read against the models, run
// through the core (recorded through the engine before it is sent), and its answer shown; a write to
// production asks for the environment's name, and the guard refuses it without.

#include <gtest/gtest.h>

#include "console_fixture.hpp"

namespace {

class Actions : public drc::test::Console {
 protected:
  // The drill's journal (drills are kept under drills/).
  std::string drill_journal() {
    for (const auto& e : std::filesystem::directory_iterator(tmp / "drconsole" / "drills" / "incidents")) {
      if (e.path().extension() == ".jsonl") return e.path().string();
    }
    return {};
  }
};

}  // namespace

TEST_F(Actions, RunsAStepsAwsLineShowsTheAnswerAndRecordsIt) {
  start("demo", 120, 34);
  ASSERT_TRUE(wait_for("found")) << screen();
  keys({"a"});
  ASSERT_TRUE(wait_for("Run (fill in, then Enter")) << screen();
  EXPECT_NE(screen().find("aws rds describe-db-instances"), std::string::npos) << screen();  // step 1's line, to edit
  keys({"Enter"});
  // The answer, as the aws CLI prints it, in a view of its own.
  ASSERT_TRUE(wait_for("\"DBInstanceIdentifier\": \"payments-prod-db\"")) << screen();
  EXPECT_NE(screen().find("rds describe-db-instances in us-east-1"), std::string::npos) << screen();
  keys({"Escape"});
  ASSERT_TRUE(wait_for("succeeded in")) << screen();
  const auto s = screen();
  EXPECT_NE(s.find("ran rds DescribeDBInstances in us-east-1 for step 1"), std::string::npos) << s;
  EXPECT_NE(s.find("rds DescribeDBInstances succeeded in"), std::string::npos) << s;
  // On the record: the request, then its outcome.
  const auto journal = drc::test::read_file(drill_journal());
  const auto requested = journal.find("\"action.requested\"");
  const auto succeeded = journal.find("\"action.succeeded\"");
  ASSERT_NE(requested, std::string::npos);
  ASSERT_NE(succeeded, std::string::npos);
  EXPECT_LT(requested, succeeded);
}

TEST_F(Actions, AProductionWriteNeedsTheEnvironmentsNameAndARefusalIsRecorded) {
  start("demo", 120, 34);
  ASSERT_TRUE(wait_for("found")) << screen();
  keys({"j", "a"});  // step 2: aws ecs update-service, a write
  ASSERT_TRUE(wait_for("aws ecs update-service")) << screen();
  keys({"Enter"});
  ASSERT_TRUE(wait_for("A change in prod: type prod to run ecs update-service")) << screen();
  keys({"-l", "nope"});
  keys({"Enter"});
  ASSERT_TRUE(wait_for("ecs UpdateService failed")) << screen();
  EXPECT_NE(screen().find("RefusedByGuard"), std::string::npos) << screen();
  // Confirmed, it goes to the cloud (the simulated one does not do ECS, and says so, on the record too).
  keys({"a", "Enter"});
  ASSERT_TRUE(wait_for("type prod to run ecs update-service")) << screen();
  keys({"-l", "prod"});
  keys({"Enter"});
  ASSERT_TRUE(wait_for("NotSimulated")) << screen();
  const auto journal = drc::test::read_file(drill_journal());
  EXPECT_NE(journal.find("RefusedByGuard"), std::string::npos);
  EXPECT_NE(journal.find("NotSimulated"), std::string::npos);
}

TEST_F(Actions, ALineWithPlaceholdersSaysWhatToFillIn) {
  start("demo", 120, 34);
  ASSERT_TRUE(wait_for("found")) << screen();
  keys({"j", "j", "j", "a"});  // step 4: the restore, with <...> to fill in
  ASSERT_TRUE(wait_for("restore-db-instance-to-point-in-time")) << screen();
  keys({"Enter"});
  ASSERT_TRUE(wait_for("not run: fill in")) << screen();
}
