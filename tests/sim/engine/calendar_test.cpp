// The 365-day calendar: month and year boundaries, labels.
#include <gtest/gtest.h>

#include "sim/engine/calendar.hpp"

namespace reformsim::sim {
namespace {

TEST(CalendarTest, MonthBoundaries) {
  const Calendar c(2024);
  EXPECT_EQ(c.month_index(0.0), 0);
  EXPECT_EQ(c.month_index(30.999), 0);
  EXPECT_EQ(c.month_index(31.0), 1);  // a boundary belongs to the month it starts
  EXPECT_EQ(c.month_index(58.9), 1);
  EXPECT_EQ(c.month_index(59.0), 2);  // no leap day: March starts on day 59
  EXPECT_EQ(c.month_index(364.99), 11);
  EXPECT_EQ(c.month_index(365.0), 12);
  EXPECT_DOUBLE_EQ(c.month_start_day(12), 365.0);
  EXPECT_DOUBLE_EQ(c.month_start_day(14), 365.0 + 59.0);
  EXPECT_EQ(c.days_in_month(1), 28);
  EXPECT_EQ(c.days_in_month(13), 28);
}

TEST(CalendarTest, YearsAndLabels) {
  const Calendar c(2024);
  EXPECT_EQ(c.year_index(364.9), 0);
  EXPECT_EQ(c.year_index(365.0), 1);
  EXPECT_DOUBLE_EQ(c.year_start_day(3), 1095.0);
  EXPECT_EQ(c.calendar_year(2), 2026);
  EXPECT_EQ(c.month_label(0), "2024-01");
  EXPECT_EQ(c.month_label(13), "2025-02");
  EXPECT_EQ(c.month_of_year(23), 12);
}

TEST(CalendarTest, EveryDayOfAYearIsInExactlyOneMonth) {
  const Calendar c(2000);
  int days[12] = {0};
  for (int d = 0; d < 365; ++d) days[c.month_index(d + 0.5)]++;
  for (int m = 0; m < 12; ++m) EXPECT_EQ(days[m], c.days_in_month(m)) << m;
}

}  // namespace
}  // namespace reformsim::sim
