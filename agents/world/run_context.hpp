#pragma once
// What every component of one run shares: the scenario, the calendar and horizon, the year-by-year levels of the
// shocks, the random-stream address, the population and the record of outputs. Built by the World, one per run.
//
// Time runs from the first warm-up year: simulated day 0 is 1 January of start_year − warmup_years. Components see
// reported months and years only (0 = January of start_year): every warm-up year is reported as year 0, and its
// records are discarded when it closes (World::close_warmup_year).
#include <cstdint>
#include <vector>

#include "agents/population/population.hpp"
#include "agents/scenario/scenario_config.hpp"
#include "agents/world/run_metrics.hpp"
#include "agents/world/shock_schedule.hpp"
#include "sim/engine/calendar.hpp"
#include "sim/engine/random_stream.hpp"

namespace reformsim::agents {

/// The shared frame of one run.
class RunContext {
 public:
  RunContext(const ScenarioConfig& scenario, std::uint64_t seed, std::uint64_t replicate, const Population& population,
             RunMetrics& metrics);
  RunContext(const RunContext&) = delete;
  RunContext& operator=(const RunContext&) = delete;

  const ScenarioConfig& scenario;
  const sim::Calendar calendar;      ///< day 0 = 1 January of the first warm-up year (of start_year without warm-up)
  const int warmup_years;            ///< unreported years before start_year
  const double reporting_start_day;  ///< 1 January of start_year
  const double horizon_days;         ///< the end of the last simulated year
  const std::uint64_t seed, replicate;
  const std::vector<YearLevels> years;  ///< the shocks' levels, one per simulated year
  const Population& population;
  RunMetrics& metrics;

  /// The key of this run's random streams for `purpose` (agents/world/random_purposes.hpp).
  sim::StreamKey key(std::uint64_t purpose) const { return sim::StreamKey::of(seed, replicate, purpose); }
  /// True before 1 January of start_year.
  bool warming_up(double t) const { return t < reporting_start_day; }
  /// The reported month of simulated month `month` (counted from day 0): warm-up months map into year 0.
  int reported_month(int month) const;
  /// The reported year of simulated year `year` (counted from day 0): warm-up years are year 0.
  int reported_year(int year) const { return year < warmup_years ? 0 : year - warmup_years; }
  /// Simulated months from day 0 to the horizon.
  int simulated_months() const { return (warmup_years + scenario.horizon_years) * sim::Calendar::kMonthsPerYear; }
  /// The month record containing `t`.
  MonthMetrics& month_at(double t) {
    if (t >= cached_month_start_ && t < cached_month_end_) [[likely]]
      return metrics.months[static_cast<std::size_t>(cached_month_)];
    return move_to_month(t);
  }
  /// Index of the (reported) month containing `t`.
  std::size_t month_of(double t) {
    month_at(t);
    return static_cast<std::size_t>(cached_month_);
  }
  /// The reported year containing `t`.
  int year_at(double t) const {
    if (t >= cached_month_start_ && t < cached_month_end_) [[likely]]
      return cached_month_ / sim::Calendar::kMonthsPerYear;
    return year_outside_cached_month(t);
  }
  /// The record of hospital `h` in the simulated year containing `t`.
  HospitalYearMetrics& hospital_year_at(std::size_t h, double t) {
    return metrics.hospital_years[h][static_cast<std::size_t>(year_at(t))];
  }
  /// Number of hospitals.
  std::size_t hospitals() const { return scenario.hospitals.size(); }

 private:
  // Time only moves forward, so the month of the previous event almost always answers month_at and year_at, inline;
  // the rest, out of line, finds (and for month_at caches) the month of `t`.
  MonthMetrics& move_to_month(double t);
  int year_outside_cached_month(double t) const;
  int cached_month_ = 0;
  double cached_month_start_ = 0, cached_month_end_ = -1;
};

}  // namespace reformsim::agents
