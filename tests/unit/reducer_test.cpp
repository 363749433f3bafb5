#include <gtest/gtest.h>

#include "event_builders.hpp"

using namespace std::chrono_literals;
using namespace drc::incident;
using drc::test::declared_data;
using drc::test::ev;

namespace {

IncidentState declared(int steps = 3) {
  IncidentState st;
  EXPECT_TRUE(apply(st, ev(1, EventKind::IncidentDeclared, declared_data(steps))));
  return st;
}

}  // namespace

TEST(Reducer, DeclarationCopiesTheScenario) {
  auto st = declared();
  EXPECT_TRUE(st.declared);
  EXPECT_EQ(st.id, "inc-1");
  EXPECT_EQ(st.environment, "prod");
  EXPECT_EQ(st.objectives.rto, 1800s);
  EXPECT_EQ(st.objectives.comms_every, 900s);
  ASSERT_EQ(st.steps.size(), 3u);
  EXPECT_EQ(st.steps[1].title, "Step title 2");
  EXPECT_EQ(st.steps[1].estimate->max, 120s);
  EXPECT_EQ(st.last_seq, 1u);
}

TEST(Reducer, StepLifecycle) {
  auto st = declared();
  ASSERT_TRUE(apply(st, ev(2, EventKind::StepStarted, {{"step", 1}}, 10s)));
  EXPECT_EQ(st.step(1)->status, StepStatus::Running);
  ASSERT_TRUE(apply(st, ev(3, EventKind::StepCompleted, {{"step", 1}}, 70s)));
  EXPECT_EQ(st.step(1)->status, StepStatus::Done);
  EXPECT_EQ(*st.step(1)->finished_at - *st.step(1)->started_at, 60s);
  ASSERT_TRUE(apply(st, ev(4, EventKind::StepSkipped, {{"step", 2}, {"reason", "not needed"}})));
  EXPECT_EQ(st.step(2)->reason, "not needed");
  ASSERT_TRUE(apply(st, ev(5, EventKind::StepStarted, {{"step", 3}})));
  ASSERT_TRUE(apply(st, ev(6, EventKind::StepFailed, {{"step", 3}, {"reason", "timeout"}})));
  // A failed step may be retried.
  ASSERT_TRUE(apply(st, ev(7, EventKind::StepStarted, {{"step", 3}})));
  EXPECT_EQ(st.step(3)->status, StepStatus::Running);
  EXPECT_TRUE(st.step(3)->reason.empty());
}

TEST(Reducer, IllegalTransitionsAreRefusedAndLeaveNoTrace) {
  auto st = declared();
  const auto before = st.last_seq;
  auto r = apply(st, ev(2, EventKind::StepCompleted, {{"step", 2}}));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("start it before completing it"), std::string::npos);
  EXPECT_EQ(st.step(2)->status, StepStatus::Pending);
  EXPECT_EQ(st.last_seq, before);

  EXPECT_FALSE(apply(st, ev(2, EventKind::StepFailed, {{"step", 1}})));
  EXPECT_FALSE(apply(st, ev(2, EventKind::StepSkipped, {{"step", 1}})));  // no reason
  auto missing = apply(st, ev(2, EventKind::StepStarted, {{"step", 9}}));
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("no step 9"), std::string::npos);
  EXPECT_FALSE(apply(st, ev(2, EventKind::Note, {{"text", ""}})));
  EXPECT_FALSE(apply(st, ev(2, EventKind::IncidentDeclared, declared_data())));
  EXPECT_FALSE(apply(st, ev(5, EventKind::Note, {{"text", "gap in seq"}})));

  ASSERT_TRUE(apply(st, ev(2, EventKind::StepStarted, {{"step", 1}})));
  EXPECT_FALSE(apply(st, ev(3, EventKind::StepStarted, {{"step", 1}})));  // already running
  ASSERT_TRUE(apply(st, ev(3, EventKind::StepCompleted, {{"step", 1}})));
  EXPECT_FALSE(apply(st, ev(4, EventKind::StepCompleted, {{"step", 1}})));
  EXPECT_FALSE(apply(st, ev(4, EventKind::StepSkipped, {{"step", 1}, {"reason", "x"}})));
}

TEST(Reducer, NothingAfterResolution) {
  auto st = declared();
  ASSERT_TRUE(apply(st, ev(2, EventKind::IncidentResolved, {{"summary", "fixed"}}, 60s)));
  EXPECT_TRUE(st.resolved());
  EXPECT_EQ(st.resolution, "fixed");
  for (auto kind : {EventKind::Note, EventKind::StepStarted, EventKind::IncidentResolved}) {
    auto r = apply(st, ev(3, kind, {{"text", "x"}, {"step", 1}}));
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("resolved"), std::string::npos);
  }
}

TEST(Reducer, FirstEventMustDeclare) {
  IncidentState st;
  auto r = apply(st, ev(1, EventKind::Note, {{"text", "hello"}}));
  ASSERT_FALSE(r);
  EXPECT_FALSE(st.declared);
}

TEST(Reducer, CommsRolesActions) {
  auto st = declared();
  ASSERT_TRUE(apply(st, ev(2, EventKind::CommsSent, {{"channel", "#inc"}}, 5min)));
  EXPECT_EQ(*st.last_comms_at, drc::test::t0() + 5min);
  ASSERT_TRUE(apply(st, ev(3, EventKind::RoleAssigned, {{"role", "scribe"}, {"person", "bob"}})));
  EXPECT_EQ(st.roles.at("scribe"), "bob");
  ASSERT_TRUE(apply(st, ev(4, EventKind::ActionRequested, {{"action", "a1"}, {"service", "rds"}, {"operation", "DescribeDBInstances"}})));
  EXPECT_FALSE(apply(st, ev(5, EventKind::ActionRequested, {{"action", "a1"}})));
  EXPECT_FALSE(apply(st, ev(5, EventKind::ActionSucceeded, {{"action", "nope"}})));
  ASSERT_TRUE(apply(st, ev(5, EventKind::ActionFailed, {{"action", "a1"}, {"error_code", "Throttling"}})));
  EXPECT_EQ(st.actions[0].status, ActionStatus::Failed);
  EXPECT_FALSE(apply(st, ev(6, EventKind::ActionSucceeded, {{"action", "a1"}})));
}

TEST(Reducer, FoldNamesTheFirstBadSeq) {
  std::vector<Event> events{ev(1, EventKind::IncidentDeclared, declared_data()),
                            ev(2, EventKind::StepStarted, {{"step", 1}}),
                            ev(3, EventKind::StepCompleted, {{"step", 2}})};
  auto r = fold(events);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind("seq 3:", 0), 0u) << r.error().message;
  events.pop_back();
  ASSERT_TRUE(fold(events).ok());
  EXPECT_EQ(fold(events)->step(1)->status, StepStatus::Running);
}
