#include <gtest/gtest.h>

#include "event_builders.hpp"
#include "incident/clock.hpp"
#include "incident/progress.hpp"

using namespace std::chrono_literals;
using namespace drc::incident;
using drc::test::declared_data;
using drc::test::ev;
using drc::test::t0;

TEST(Progress, RtoCountsDownWarnsAndOverruns) {
  IncidentState st;
  ASSERT_TRUE(apply(st, ev(1, EventKind::IncidentDeclared, declared_data(2, 1800))));
  auto r = rto_status(st, t0() + 10min);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->remaining, 20min);
  EXPECT_EQ(r->level, RtoLevel::Ok);
  EXPECT_EQ(rto_status(st, t0() + 22min)->level, RtoLevel::Ok);        // 8 min left of 30: above 25 %
  EXPECT_EQ(rto_status(st, t0() + 1350s)->level, RtoLevel::Warning);   // exactly 25 % left
  auto over = rto_status(st, t0() + 35min);
  EXPECT_EQ(over->level, RtoLevel::Overrun);
  EXPECT_EQ(over->remaining, -5min);
  EXPECT_EQ(drc::format_hms(over->remaining), "-0:05:00");
  // Resolution freezes the clock.
  ASSERT_TRUE(apply(st, ev(2, EventKind::IncidentResolved, nlohmann::json::object(), 12min)));
  EXPECT_EQ(rto_status(st, t0() + 5h)->remaining, 18min);
}

TEST(Progress, NoRtoNoCountdown) {
  IncidentState st;
  ASSERT_TRUE(apply(st, ev(1, EventKind::IncidentDeclared, declared_data(1, std::nullopt))));
  EXPECT_FALSE(rto_status(st, t0()));
}

TEST(Progress, StepTimingAgainstEstimate) {
  IncidentState st;
  ASSERT_TRUE(apply(st, ev(1, EventKind::IncidentDeclared, declared_data(2))));
  EXPECT_FALSE(step_timing(*st.step(1), t0()));
  ASSERT_TRUE(apply(st, ev(2, EventKind::StepStarted, {{"step", 1}}, 1min)));
  auto t = step_timing(*st.step(1), t0() + 2min);
  EXPECT_EQ(t->elapsed, 60s);
  EXPECT_FALSE(t->over_estimate);
  EXPECT_TRUE(step_timing(*st.step(1), t0() + 4min)->over_estimate);  // estimate is 1-2 min
  ASSERT_TRUE(apply(st, ev(3, EventKind::StepCompleted, {{"step", 1}}, 2min)));
  EXPECT_EQ(step_timing(*st.step(1), t0() + 1h)->elapsed, 60s);  // stops when done
}

TEST(Progress, NextUpdateResetsOnComms) {
  IncidentState st;
  ASSERT_TRUE(apply(st, ev(1, EventKind::IncidentDeclared, declared_data(1))));
  auto u = next_update(st, t0() + 5min);
  EXPECT_EQ(u.remaining, 10min);
  EXPECT_FALSE(u.overdue);
  EXPECT_TRUE(next_update(st, t0() + 16min).overdue);
  ASSERT_TRUE(apply(st, ev(2, EventKind::CommsSent, nlohmann::json::object(), 16min)));
  EXPECT_EQ(next_update(st, t0() + 16min).remaining, 15min);
}

TEST(Clocks, ManualAndAccelerated) {
  ManualClock base(t0());
  AcceleratedClock fast(base, t0() + 1h, 60.0);
  EXPECT_EQ(fast.now(), t0() + 1h);
  base.advance(1s);
  EXPECT_EQ(fast.now(), t0() + 1h + 1min);
  base.set(t0() + 1min);
  EXPECT_EQ(fast.now(), t0() + 2h);
}

TEST(Formats, AgesShowTheTwoMostSignificantUnits) {
  EXPECT_EQ(drc::format_age(252s), "4m12s");
  EXPECT_EQ(drc::format_age(3h), "3h");
  EXPECT_EQ(drc::format_age(5h + 50min + 1s), "5h50m");
  EXPECT_EQ(drc::format_age(48h), "2d");
  EXPECT_EQ(drc::format_age(44h + 1s), "1d20h");
  EXPECT_EQ(drc::format_age(0s), "0s");
  EXPECT_EQ(drc::format_age(-90s), "-1m30s");
}
