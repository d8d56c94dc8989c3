// The 365-day calendar: month and year boundaries, labels.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "sim/engine/calendar.hpp"

namespace reformsim::sim {
namespace {

TEST(CalendarTest, MonthBoundaries) {
  const Calendar c(2024);
  EXPECT_EQ(c.month_index(0.0), 0);
  EXPECT_EQ(c.month_index(30.999), 0);
  EXPECT_EQ(c.month_index(31.0), 1);  // a boundary belongs to the month it starts: day 31 is 1 February
  EXPECT_EQ(c.month_index(58.9), 1);
  EXPECT_EQ(c.month_index(59.0), 2);  // no leap day, even in 2024: March starts on day 59
  EXPECT_EQ(c.month_index(364.99), 11);
  EXPECT_EQ(c.month_index(365.0), 12);
  EXPECT_DOUBLE_EQ(c.month_start_day(0), 0.0);
  EXPECT_DOUBLE_EQ(c.month_start_day(1), 31.0);
  EXPECT_DOUBLE_EQ(c.month_start_day(2), 59.0);
  EXPECT_DOUBLE_EQ(c.month_start_day(11), 334.0);
  EXPECT_DOUBLE_EQ(c.month_start_day(12), 365.0);
  EXPECT_DOUBLE_EQ(c.month_start_day(14), 365.0 + 59.0);
  EXPECT_EQ(c.days_in_month(1), 28);
  EXPECT_EQ(c.days_in_month(13), 28);
  EXPECT_EQ(c.days_in_month(0), 31);
  EXPECT_EQ(c.days_in_month(3), 30);
}

TEST(CalendarTest, YearsAndLabels) {
  const Calendar c(2024);
  EXPECT_EQ(c.year_index(0.0), 0);
  EXPECT_EQ(c.year_index(364.9), 0);
  EXPECT_EQ(c.year_index(365.0), 1);
  EXPECT_EQ(c.year_index(800.0), 2);
  EXPECT_DOUBLE_EQ(c.year_start_day(0), 0.0);
  EXPECT_DOUBLE_EQ(c.year_start_day(3), 1095.0);
  EXPECT_EQ(c.calendar_year(0), 2024);
  EXPECT_EQ(c.calendar_year(2), 2026);
  EXPECT_EQ(c.month_label(0), "2024-01");
  EXPECT_EQ(c.month_label(2), "2024-03");
  EXPECT_EQ(c.month_label(11), "2024-12");
  EXPECT_EQ(c.month_label(13), "2025-02");
  EXPECT_EQ(c.month_label(-1), "2023-12");  // before the start: still a proper month
  EXPECT_EQ(c.month_of_year(0), 1);
  EXPECT_EQ(c.month_of_year(23), 12);
  EXPECT_EQ(c.month_of_year(24), 1);
  EXPECT_EQ(Calendar(1999).month_label(12), "2000-01");
}

TEST(CalendarTest, EveryDayOfAYearIsInExactlyOneMonth) {
  const Calendar c(2000);
  int days[12] = {0};
  for (int d = 0; d < 365; ++d) days[c.month_index(d + 0.5)]++;
  for (int m = 0; m < 12; ++m) EXPECT_EQ(days[m], c.days_in_month(m)) << m;
}

TEST(CalendarTest, BoundariesAreExactOverALongRun) {
  // For every month of 200 years: its first day maps to it, and the largest double below it to the month before.
  const Calendar c(2024);
  for (int m = 0; m < 200 * Calendar::kMonthsPerYear; ++m) {
    const double start = c.month_start_day(m);
    ASSERT_EQ(c.month_index(start), m) << m;
    ASSERT_EQ(c.month_index(start + 0.5 * c.days_in_month(m)), m) << m;
    ASSERT_DOUBLE_EQ(c.month_start_day(m + 1) - start, c.days_in_month(m)) << m;
    if (m > 0) {
      const double just_before = std::nextafter(start, -1.0);
      ASSERT_EQ(c.month_index(just_before), m - 1) << m;
      ASSERT_EQ(c.year_index(just_before), (m - 1) / Calendar::kMonthsPerYear) << m;
    }
    ASSERT_EQ(c.year_index(start), m / Calendar::kMonthsPerYear) << m;
  }
}

TEST(CalendarTest, TimesOutsideTheCalendarThrow) {
  const Calendar c(2024);
  EXPECT_THROW(c.month_index(std::numeric_limits<double>::quiet_NaN()), std::out_of_range);
  EXPECT_THROW(c.month_index(std::numeric_limits<double>::infinity()), std::out_of_range);
  EXPECT_THROW(c.year_index(1e12), std::out_of_range);
  EXPECT_EQ(c.year_index(-1.0), -1);  // before day 0 is still a date
  EXPECT_EQ(c.month_index(-1.0), -1);
}

}  // namespace
}  // namespace reformsim::sim
