#pragma once
// What every component of one run shares: the scenario, the calendar and horizon, the year-by-year levels of the
// shocks, the random-stream address, the population and the record of outputs. Built by the World, one per run.
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
  const sim::Calendar calendar;
  const double horizon_days;  ///< the end of the last simulated year
  const std::uint64_t seed, replicate;
  const std::vector<YearLevels> years;  ///< the shocks' levels, one per simulated year
  const Population& population;
  RunMetrics& metrics;

  /// The key of this run's random streams for `purpose` (agents/world/random_purposes.hpp).
  sim::StreamKey key(std::uint64_t purpose) const { return sim::StreamKey::of(seed, replicate, purpose); }
  /// The month record containing `t`.
  MonthMetrics& month_at(double t);
  /// Index of the month containing `t`.
  std::size_t month_of(double t) {
    month_at(t);
    return static_cast<std::size_t>(cached_month_);
  }
  /// The simulated year containing `t`.
  int year_at(double t) const;
  /// The record of hospital `h` in the simulated year containing `t`.
  HospitalYearMetrics& hospital_year_at(std::size_t h, double t) {
    return metrics.hospital_years[h][static_cast<std::size_t>(year_at(t))];
  }
  /// Number of hospitals.
  std::size_t hospitals() const { return scenario.hospitals.size(); }

 private:
  // Time only moves forward, so the month of the previous event almost always answers month_at.
  int cached_month_ = 0;
  double cached_month_start_ = 0, cached_month_end_ = -1;
};

}  // namespace reformsim::agents
