#include <gtest/gtest.h>

#include "runbook/duration.hpp"

using namespace std::chrono_literals;
using drc::runbook::DurationRange;
using drc::runbook::find_trailing_estimate;
using drc::runbook::parse_duration;
using drc::runbook::parse_duration_range;

TEST(Duration, CompactForms) {
  EXPECT_EQ(parse_duration("45s"), 45s);
  EXPECT_EQ(parse_duration("30m"), 30min);
  EXPECT_EQ(parse_duration("4h"), 4h);
  EXPECT_EQ(parse_duration("1h30m"), 90min);
  EXPECT_EQ(parse_duration("2d"), 48h);
  EXPECT_EQ(parse_duration(" 1h 15m "), 75min);
}

TEST(Duration, Words) {
  EXPECT_EQ(parse_duration("30 minutes"), 30min);
  EXPECT_EQ(parse_duration("1 hour"), 1h);
  EXPECT_EQ(parse_duration("24 hours"), 24h);
  EXPECT_EQ(parse_duration("90 sec"), 90s);
  EXPECT_EQ(parse_duration("1.5 hours"), 90min);
  EXPECT_EQ(parse_duration("1 hour 30 minutes"), 90min);
  EXPECT_EQ(parse_duration("2 Weeks"), 14 * 24h);
}

TEST(Duration, RejectsWhatIsNotOne) {
  EXPECT_FALSE(parse_duration(""));
  EXPECT_FALSE(parse_duration("30"));
  EXPECT_FALSE(parse_duration("thirty minutes"));
  EXPECT_FALSE(parse_duration("30 months"));
  EXPECT_FALSE(parse_duration("30m and then some"));
  EXPECT_FALSE(parse_duration("N/A"));
}

TEST(DurationRange, Ranges) {
  EXPECT_EQ(parse_duration_range("1-2 hours"), (DurationRange{1h, 2h}));
  EXPECT_EQ(parse_duration_range("30-60 minutes"), (DurationRange{30min, 60min}));
  EXPECT_EQ(parse_duration_range("1-120 minutes"), (DurationRange{1min, 120min}));
  EXPECT_EQ(parse_duration_range("15 to 30 minutes"), (DurationRange{15min, 30min}));
  EXPECT_EQ(parse_duration_range("1h-2h"), (DurationRange{1h, 2h}));
  EXPECT_EQ(parse_duration_range("30m–1h"), (DurationRange{30min, 1h}));
}

TEST(DurationRange, BoundsAndProse) {
  EXPECT_EQ(parse_duration_range("< 1 hour"), (DurationRange{0s, 1h}));
  EXPECT_EQ(parse_duration_range("up to 45 minutes"), (DurationRange{0s, 45min}));
  EXPECT_EQ(parse_duration_range("~20 minutes"), (DurationRange{20min, 20min}));
  EXPECT_EQ(parse_duration_range("3-6 hours (depending on data size)"), (DurationRange{3h, 6h}));
  EXPECT_EQ(parse_duration_range("**30 minutes**"), (DurationRange{30min, 30min}));
  EXPECT_FALSE(parse_duration_range("N/A"));
  EXPECT_FALSE(parse_duration_range("varies"));
  EXPECT_FALSE(parse_duration_range("2-1 hours"));  // a range that runs backwards is a typo, not a range
}

TEST(DurationRange, TrailingEstimateOnTitles) {
  auto e = find_trailing_estimate("Step title (5 minutes)");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->range, (DurationRange{5min, 5min}));
  EXPECT_EQ(e->paren_pos, 11u);
  EXPECT_TRUE(find_trailing_estimate("Restore (15-20 minutes)"));
  EXPECT_FALSE(find_trailing_estimate("Activate DR region (us-west-2)"));
  EXPECT_FALSE(find_trailing_estimate("Restore (about 25 minutes for 40 GB)"));
  EXPECT_FALSE(find_trailing_estimate("No parenthesis"));
}
