// A runbook's aws line prepared against the models, and run for an incident: the engine records the
// request before the call goes out and the outcome when it ends; production writes need confirmation.

#include <gtest/gtest.h>

#include <thread>

#include "actions/action_runner.hpp"
#include "aws/client/redact.hpp"
#include "event_builders.hpp"
#include "support/temp_dir.hpp"
#include "timeline/file_journal.hpp"

using namespace drc;
using namespace drc::actions;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

std::shared_ptr<aws::model::ModelCatalog> catalog() {
  static auto c = aws::model::ModelCatalog::open(DRC_MODELS_DIR);
  EXPECT_TRUE(c) << c.error().message;
  return *c;
}

// Answers every call at once, as a cloud would, and remembers what it was asked.
class AnsweringCloud final : public cloud::Cloud {
 public:
  std::vector<cloud::CloudCall> asked;
  void call(cloud::CloudCall c, Done done) override {
    asked.push_back(c);
    cloud::CloudResult r;
    r.call = std::move(c);
    r.output = json{{"DBSnapshot", {{"Status", "creating"}}}};
    r.request_id = "req-1";
    r.duration = 42ms;
    r.attempts = 2;
    done(std::move(r));
  }
};


struct Incident {
  test::TempDir tmp;
  incident::ManualClock clock{test::t0()};
  std::unique_ptr<incident::EngineWorker> worker;
  explicit Incident(incident::Mode mode = incident::Mode::Commander) {
    auto j = timeline::FileJournal::create(tmp / "inc.jsonl");
    EXPECT_TRUE(j);
    auto e = std::make_unique<incident::Engine>(std::move(j).value(), clock, "alice", incident::Mode::Commander);
    EXPECT_TRUE(e->execute(incident::Declare{test::declared_data(3)}));
    if (mode == incident::Mode::WarRoom) {
      e.reset();
      auto ro = timeline::FileJournal::open(tmp / "inc.jsonl", timeline::Access::ReadOnly);
      EXPECT_TRUE(ro);
      e = std::make_unique<incident::Engine>(std::move(ro).value(), clock, "bob", mode);
      EXPECT_TRUE(e->refresh());
    }
    worker = std::make_unique<incident::EngineWorker>(std::move(e), 20ms);
  }
  // Feeds the worker's outcomes to the runner until it has nothing pending (bounded: a failing test, not a timing one).
  std::vector<incident::Event> settle(ActionRunner& runner) {
    std::vector<incident::Event> events;
    for (int i = 0; i < 500; ++i) {
      auto r = worker->take();
      for (auto& e : r.events) events.push_back(std::move(e));
      runner.on_outcomes(r.outcomes);
      if (runner.pending() == 0 && worker->in_flight() == 0 && i > 2) break;
      std::this_thread::sleep_for(5ms);
    }
    return events;
  }
};

const incident::Event* find(const std::vector<incident::Event>& events, incident::EventKind k) {
  for (const auto& e : events) {
    if (e.kind == k) return &e;
  }
  return nullptr;
}

const char* kSnapshot = "aws rds create-db-snapshot --db-instance-identifier prod-db --db-snapshot-identifier pre-failover";

}  // namespace

TEST(PreparedAction, ParsesAgainstTheModelAndClassifies) {
  auto write = prepare_action(*catalog(), kSnapshot, "us-east-1");
  ASSERT_TRUE(write) << write.error().message;
  EXPECT_EQ(write->call.service, "rds");
  EXPECT_EQ(write->call.operation, "CreateDBSnapshot");
  EXPECT_EQ(write->call.region, "us-east-1");
  EXPECT_EQ(write->call.params, (json{{"DBInstanceIdentifier", "prod-db"}, {"DBSnapshotIdentifier", "pre-failover"}}));
  EXPECT_TRUE(write->writes);
  auto read = prepare_action(*catalog(), "aws rds describe-db-instances --region us-west-2", "us-east-1");
  ASSERT_TRUE(read);
  EXPECT_FALSE(read->writes);
  EXPECT_EQ(read->call.region, "us-west-2");
}

TEST(PreparedAction, RedactsSecretsAndRefusesWhatCannotRunYet) {
  auto a = prepare_action(*catalog(),
                          "aws rds create-db-instance --db-instance-identifier x --db-instance-class db.t3.micro "
                          "--engine postgres --master-username u --master-user-password 'hunter2!'",
                          "us-east-1");
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->call.params["MasterUserPassword"], "hunter2!");
  EXPECT_EQ(a->params_redacted["MasterUserPassword"], aws::client::kRedacted);
  EXPECT_EQ(a->params_redacted.dump().find("hunter2"), std::string::npos);
  auto placeholder = prepare_action(*catalog(), "aws rds delete-db-snapshot --db-snapshot-identifier <snapshot-id>", "us-east-1");
  ASSERT_FALSE(placeholder);
  EXPECT_EQ(placeholder.error().message, "fill in <snapshot-id> first");
  EXPECT_FALSE(prepare_action(*catalog(), "aws rds wait db-instance-available --db-instance-identifier x", "us-east-1"));
  EXPECT_FALSE(prepare_action(*catalog(), "kubectl get pods", "us-east-1"));
  auto copy = prepare_action(*catalog(), "aws s3 cp terraform.tfstate s3://state-bucket/prod/terraform.tfstate", "us-east-1");
  ASSERT_FALSE(copy);
  EXPECT_NE(copy.error().message.find("run it with drconsole aws s3 cp"), std::string::npos) << copy.error().message;
  auto unknown = prepare_action(*catalog(), "aws rds describe-everything", "us-east-1");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("describe-everything"), std::string::npos) << unknown.error().message;
}

TEST(ActionRunner, RecordsTheRequestThenSendsThenRecordsTheOutcome) {
  Incident inc;
  AnsweringCloud cloud;
  ActionRunner runner(cloud, model_access(catalog()), *inc.worker, {false, "staging"});
  auto a = prepare_action(*catalog(), kSnapshot, "us-east-1");
  ASSERT_TRUE(a);
  const auto id = runner.request(*a, 2);
  EXPECT_TRUE(cloud.asked.empty());  // not before the request is written
  const auto events = inc.settle(runner);
  ASSERT_EQ(cloud.asked.size(), 1u);
  EXPECT_EQ(cloud.asked[0].operation, "CreateDBSnapshot");
  const auto* req = find(events, incident::EventKind::ActionRequested);
  const auto* ok = find(events, incident::EventKind::ActionSucceeded);
  ASSERT_TRUE(req && ok);
  EXPECT_LT(req->seq, ok->seq);
  EXPECT_EQ(req->data["action"], id);
  EXPECT_EQ(req->data["step"], 2);
  EXPECT_EQ(req->data["operation"], "CreateDBSnapshot");
  EXPECT_EQ(req->data["access"], "write");
  EXPECT_EQ(req->data["params"]["DBSnapshotIdentifier"], "pre-failover");
  EXPECT_EQ(ok->data["request_id"], "req-1");
  EXPECT_EQ(ok->data["duration_ms"], 42);
  EXPECT_EQ(ok->data["attempts"], 2);
  const auto done = runner.take_finished();
  ASSERT_EQ(done.size(), 1u);
  EXPECT_TRUE(done[0].result.ok());
  inc.worker->stop();
}

TEST(ActionRunner, AProductionWriteNeedsTheEnvironmentsName) {
  Incident inc;
  AnsweringCloud cloud;
  ActionRunner runner(cloud, model_access(catalog()), *inc.worker, {true, "prod"});
  auto write = prepare_action(*catalog(), kSnapshot, "us-east-1");
  auto read = prepare_action(*catalog(), "aws rds describe-db-snapshots", "us-east-1");
  ASSERT_TRUE(write && read);
  EXPECT_TRUE(runner.needs_confirmation(*write));
  EXPECT_FALSE(runner.needs_confirmation(*read));
  runner.request(*write, 0, "");
  runner.request(*write, 0, "staging");
  runner.request(*read, 0, "");
  auto events = inc.settle(runner);
  ASSERT_EQ(cloud.asked.size(), 1u);  // only the read went out
  EXPECT_EQ(cloud.asked[0].operation, "DescribeDBSnapshots");
  int refused = 0;
  for (const auto& e : events) {
    if (e.kind == incident::EventKind::ActionFailed && e.data["error_code"] == cloud::kRefusedCode) ++refused;
  }
  EXPECT_EQ(refused, 2);  // each refusal is on the record
  runner.request(*write, 0, "prod");
  inc.settle(runner);
  ASSERT_EQ(cloud.asked.size(), 2u);
  EXPECT_EQ(cloud.asked[1].operation, "CreateDBSnapshot");
  inc.worker->stop();
}

TEST(ActionRunner, TheWarRoomRecordsNothingAndSendsNothing) {
  Incident inc(incident::Mode::WarRoom);
  AnsweringCloud cloud;
  ActionRunner runner(cloud, model_access(catalog()), *inc.worker, {false, "staging"});
  auto read = prepare_action(*catalog(), "aws rds describe-db-snapshots", "us-east-1");
  ASSERT_TRUE(read);
  runner.request(*read, 0);
  inc.settle(runner);
  EXPECT_TRUE(cloud.asked.empty());
  const auto done = runner.take_finished();
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].result.error->code, "NotRecorded");
  EXPECT_NE(done[0].result.error->message.find("read-only"), std::string::npos);
  inc.worker->stop();
}
