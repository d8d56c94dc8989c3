#include "sim/engine/calendar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace reformsim::sim {

namespace {

constexpr int kMonthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
constexpr int kMonthStart[13] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

int floor_div(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Month of each day of the year, so month_index is a lookup (it runs on every event).
struct MonthOfDay {
  unsigned char month[kMonthStart[12]];
  constexpr MonthOfDay() : month() {
    for (int m = 0; m < 12; ++m) {
      for (int d = kMonthStart[m]; d < kMonthStart[m + 1]; ++d) month[d] = static_cast<unsigned char>(m);
    }
  }
};
constexpr MonthOfDay kMonthOfDay;

}  // namespace

double Calendar::month_start_day(int month_index) const {
  const int year = floor_div(month_index, kMonthsPerYear);
  const int month = month_index - year * kMonthsPerYear;
  return static_cast<double>(year) * kDaysPerYear + kMonthStart[month];
}

int Calendar::year_index(double t) const { return static_cast<int>(std::floor(t / kDaysPerYear)); }

int Calendar::month_index(double t) const {
  const int year = year_index(t);
  const double day_of_year = t - static_cast<double>(year) * kDaysPerYear;
  const int day = std::min(static_cast<int>(day_of_year), kDaysPerYear - 1);
  return year * kMonthsPerYear + kMonthOfDay.month[day];
}

int Calendar::month_of_year(int month_index) const {
  return month_index - floor_div(month_index, kMonthsPerYear) * kMonthsPerYear + 1;
}

std::string Calendar::month_label(int month_index) const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", start_year_ + floor_div(month_index, kMonthsPerYear),
                month_of_year(month_index));
  return buffer;
}

int Calendar::days_in_month(int month_index) const { return kMonthDays[month_of_year(month_index) - 1]; }

}  // namespace reformsim::sim
