#include "report/time_value.h"

#include <gtest/gtest.h>

namespace sitrep::report {
namespace {

TEST(TimeValueTest, DayMonthAndYearAreNestedIntervals) {
  auto day = ParseTimeValue("2024-06-19");
  auto month = ParseTimeValue("2024-06");
  auto year = ParseTimeValue("2024");
  ASSERT_TRUE(day && month && year);
  EXPECT_EQ(day->precision, Precision::kDay);
  EXPECT_EQ(month->precision, Precision::kMonth);
  EXPECT_EQ(IsoDay(month->begin), "2024-06-01");
  EXPECT_EQ(IsoDay(month->end), "2024-06-30");
  EXPECT_TRUE(Overlaps(*day, *month));
  EXPECT_TRUE(Overlaps(*day, *year));
  EXPECT_FALSE(Overlaps(*day, *ParseTimeValue("2024-07")));
}

TEST(TimeValueTest, ModNarrowsToAThird) {
  auto late = ParseTimeValue("2025", "END");
  ASSERT_TRUE(late);
  EXPECT_EQ(IsoDay(late->end), "2025-12-31");
  EXPECT_GE(IsoDay(late->begin), "2025-09-01");
  EXPECT_FALSE(Overlaps(*late, *ParseTimeValue("2025-03-10")));
  EXPECT_EQ(DisplayDate(*late), "late 2025");
}

TEST(TimeValueTest, SeasonsQuartersWeeksAndDatetimes) {
  auto fall = ParseTimeValue("2024-FA");
  ASSERT_TRUE(fall);
  EXPECT_EQ(IsoDay(fall->begin), "2024-09-01");
  EXPECT_EQ(DisplayDate(*fall), "autumn 2024");
  auto winter = ParseTimeValue("2024-WI");
  ASSERT_TRUE(winter);
  EXPECT_EQ(IsoDay(winter->end), "2025-02-28");
  auto q4 = ParseTimeValue("2024-Q4");
  ASSERT_TRUE(q4);
  EXPECT_EQ(IsoDay(q4->begin), "2024-10-01");
  EXPECT_EQ(PrecisionName(q4->precision), "quarter");
  auto week = ParseTimeValue("2024-W40");
  ASSERT_TRUE(week);
  EXPECT_EQ(IsoDay(week->begin), "2024-09-30");  // a Monday
  auto dt = ParseTimeValue("2025-05-07T21:00Z");
  ASSERT_TRUE(dt);
  EXPECT_EQ(dt->precision, Precision::kDay);
  EXPECT_EQ(SchemaDate(*dt), "2025-05-07");
}

TEST(TimeValueTest, ValuesWithoutAYearAreRejected) {
  EXPECT_FALSE(ParseTimeValue("PAST_REF"));
  EXPECT_FALSE(ParseTimeValue("XXXX-09-03"));
  EXPECT_FALSE(ParseTimeValue("P3D"));
  EXPECT_FALSE(ParseTimeValue("2024-13"));
  EXPECT_FALSE(ParseIsoDay("2025-02-29"));
  EXPECT_TRUE(ParseIsoDay("2024-02-29"));
}

TEST(TimeValueTest, RangesDisplayAsOnePeriod) {
  auto r = ParseTimeRange("2026-10-10", "2026-10-12");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->is_range);
  EXPECT_EQ(r->width(), 3);
  EXPECT_EQ(DisplayDate(*r), "October 10–12, 2026");
  EXPECT_EQ(SchemaDate(*r), "2026-10-10");
}

TEST(TimeValueTest, CivilRoundTrip) {
  for (Day d = DaysFromCivil(1999, 12, 25); d < DaysFromCivil(2001, 3, 1); ++d) {
    auto back = ParseIsoDay(IsoDay(d));
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, d);
  }
}

}  // namespace
}  // namespace sitrep::report
