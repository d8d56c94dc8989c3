#include "agents/world/run_context.hpp"

#include <algorithm>

namespace reformsim::agents {

RunContext::RunContext(const ScenarioConfig& s, std::uint64_t seed_, std::uint64_t replicate_,
                       const Population& population_, RunMetrics& metrics_)
    : scenario(s),
      calendar(s.start_year - s.warmup_years),
      warmup_years(s.warmup_years),
      reporting_start_day(calendar.year_start_day(s.warmup_years)),
      horizon_days(calendar.year_start_day(s.warmup_years + s.horizon_years)),
      seed(seed_),
      replicate(replicate_),
      years(shock_schedule(s)),
      population(population_),
      metrics(metrics_) {}

int RunContext::reported_month(int month) const {
  const int warmup_months = warmup_years * sim::Calendar::kMonthsPerYear;
  return month < warmup_months ? month % sim::Calendar::kMonthsPerYear : month - warmup_months;
}

MonthMetrics& RunContext::move_to_month(double t) {
  const int simulated = std::clamp(calendar.month_index(t), 0, simulated_months() - 1);
  cached_month_ = std::clamp(reported_month(simulated), 0, scenario.months() - 1);
  cached_month_start_ = calendar.month_start_day(simulated);
  cached_month_end_ = simulated + 1 < simulated_months() ? calendar.month_start_day(simulated + 1) : horizon_days + 1;
  return metrics.months[static_cast<std::size_t>(cached_month_)];
}

int RunContext::year_outside_cached_month(double t) const {
  return std::clamp(reported_year(std::max(0, calendar.year_index(t))), 0, scenario.horizon_years - 1);
}

}  // namespace reformsim::agents
