#include "sim/engine/calendar.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

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

Calendar::YearAndDay Calendar::split(double t) {
  // A bound far inside int range for month indices (which overflow near 179 million years); NaN fails it too.
  if (!(std::abs(t) <= kMaxAbsDays)) [[unlikely]] {
    throw std::out_of_range("calendar: time " + std::to_string(t) + " days is not a finite simulated time");
  }
  int year = static_cast<int>(std::floor(t / kDaysPerYear));
  // t / 365 is rounded, so nothing guarantees that it stays below the next integer for a t just below a new
  // year; t - 365 × year is exact for year >= 1 (Sterbenz), so its sign settles it.
  double day = t - static_cast<double>(year) * kDaysPerYear;
  if (day < 0) {
    --year;
    day += kDaysPerYear;
  }
  if (day >= kDaysPerYear) {  // only through rounding of -tiny + 365 before day 0
    ++year;
    day = 0;
  }
  return {year, day};
}

int Calendar::year_index(double t) const { return split(t).year; }

int Calendar::month_index(double t) const {
  const YearAndDay yd = split(t);
  return yd.year * kMonthsPerYear + kMonthOfDay.month[static_cast<int>(yd.day)];
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
