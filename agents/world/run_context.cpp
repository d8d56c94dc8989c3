#include "agents/world/run_context.hpp"

#include <algorithm>

namespace reformsim::agents {

RunContext::RunContext(const ScenarioConfig& s, std::uint64_t seed_, std::uint64_t replicate_,
                       const Population& population_, RunMetrics& metrics_)
    : scenario(s),
      calendar(s.start_year),
      horizon_days(calendar.year_start_day(s.horizon_years)),
      seed(seed_),
      replicate(replicate_),
      years(shock_schedule(s)),
      population(population_),
      metrics(metrics_) {}

MonthMetrics& RunContext::month_at(double t) {
  if (t >= cached_month_start_ && t < cached_month_end_) {
    return metrics.months[static_cast<std::size_t>(cached_month_)];
  }
  const int m = std::clamp(calendar.month_index(t), 0, scenario.months() - 1);
  cached_month_ = m;
  cached_month_start_ = calendar.month_start_day(m);
  cached_month_end_ = m + 1 < scenario.months() ? calendar.month_start_day(m + 1) : horizon_days + 1;
  return metrics.months[static_cast<std::size_t>(m)];
}

int RunContext::year_at(double t) const {
  const int year = cached_month_ / sim::Calendar::kMonthsPerYear;
  if (t >= cached_month_start_ && t < cached_month_end_) return year;
  return std::clamp(calendar.year_index(t), 0, scenario.horizon_years - 1);
}

}  // namespace reformsim::agents
