#pragma once
// The simulation calendar: day 0 is 1 January of the start year; 365-day years (no leap days) with fixed month
// lengths, so "month m" starts on the same day offset in every run. Time is double days.
#include <string>

namespace reformsim::sim {

/// Converts between simulated days and calendar months and years.
class Calendar {
 public:
  /// Days in every simulated year (no leap days).
  static constexpr int kDaysPerYear = 365;
  /// Months in a year.
  static constexpr int kMonthsPerYear = 12;
  /// Largest |t| accepted, in days: ten million years, well inside the range where month indices fit an int.
  static constexpr double kMaxAbsDays = 3.65e9;
  /// A calendar whose day 0 is 1 January of `start_year`.
  explicit Calendar(int start_year) : start_year_(start_year) {}
  /// First day of month `month_index` (0 = January of the start year; may exceed 11).
  double month_start_day(int month_index) const;
  /// First day of simulated year `year_index`.
  double year_start_day(int year_index) const { return static_cast<double>(year_index) * kDaysPerYear; }
  /// Month containing `t` (a boundary belongs to the month it starts); throws std::out_of_range for
  /// non-finite t or |t| > kMaxAbsDays.
  int month_index(double t) const;
  /// Simulated year containing `t` (0 = the start year); same range rule as month_index.
  int year_index(double t) const;
  /// Calendar year of simulated year `year_index`.
  int calendar_year(int year_index) const { return start_year_ + year_index; }
  /// Month of year, 1..12 (negative indices count back from the start year).
  int month_of_year(int month_index) const;
  /// "YYYY-MM" of the month, e.g. "2024-03" for index 2 with start year 2024.
  std::string month_label(int month_index) const;
  /// Length of the month in days (February always 28).
  int days_in_month(int month_index) const;

 private:
  struct YearAndDay {
    int year;    ///< simulated year index
    double day;  ///< day of that year, in [0, 365)
  };
  // Splits t into year and day of year, exact at boundaries despite the rounding of t / 365.
  static YearAndDay split(double t);
  int start_year_;
};

}  // namespace reformsim::sim
