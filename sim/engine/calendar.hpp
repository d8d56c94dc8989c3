#pragma once
// The simulation calendar: day 0 is 1 January of the start year; 365-day years (no leap days) with fixed month
// lengths, so "month m" starts on the same day offset in every run. Time is double days.
#include <string>

namespace reformsim::sim {

/// Converts between simulated days and calendar months and years.
class Calendar {
 public:
  static constexpr int kDaysPerYear = 365;
  static constexpr int kMonthsPerYear = 12;
  explicit Calendar(int start_year) : start_year_(start_year) {}
  /// First day of month `month_index` (0 = January of the start year; may exceed 11).
  double month_start_day(int month_index) const;
  /// First day of simulated year `year_index`.
  double year_start_day(int year_index) const { return static_cast<double>(year_index) * kDaysPerYear; }
  /// Month containing `t` (a boundary belongs to the month it starts).
  int month_index(double t) const;
  /// Simulated year containing `t`.
  int year_index(double t) const;
  /// Calendar year of simulated year `year_index`.
  int calendar_year(int year_index) const { return start_year_ + year_index; }
  /// Month of year, 1..12.
  int month_of_year(int month_index) const;
  /// "YYYY-MM".
  std::string month_label(int month_index) const;
  /// Length of the month in days.
  int days_in_month(int month_index) const;

 private:
  int start_year_;
};

}  // namespace reformsim::sim
