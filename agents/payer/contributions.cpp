#include "agents/payer/contributions.hpp"

namespace reformsim::agents {

namespace {

// `total` of a year split like the first-year levels `base` scaled by `scale`; the last region takes the rounding
// remainder, so the parts add up to the total exactly.
std::vector<std::int64_t> scaled_parts(const std::vector<std::int64_t>& base, double scale, std::int64_t total) {
  std::vector<std::int64_t> parts(base.size(), 0);
  std::int64_t given = 0;
  for (std::size_t r = 0; r + 1 < base.size(); ++r) {
    parts[r] = to_fen(to_yuan(base[r]) * scale);
    given += parts[r];
  }
  parts.back() = total - given;
  return parts;
}

}  // namespace

Contributions::Contributions(RunContext& run, FundBooks& books) : run_(run), books_(books) {
  employee_this_year_by_region_fen_.assign(static_cast<std::size_t>(run.scenario.population.regions), 0);
}

void Contributions::count_contributors() {
  const auto regions = static_cast<std::size_t>(run_.scenario.population.regions);
  monthly_employee_fen_ = annual_resident_fen_ = 0;
  monthly_employee_by_region_fen_.assign(regions, 0);
  annual_resident_by_region_fen_.assign(regions, 0);
  const Population& population = run_.population;
  const FundConfig& fund = run_.scenario.fund;
  const std::int64_t resident_fen = to_fen(fund.resident_premium_yuan + fund.resident_subsidy_yuan);
  for (std::size_t p = 0; p < population.size(); ++p) {
    if (!population.alive(p)) continue;
    const auto r = static_cast<std::size_t>(population.region(p));
    monthly_employee_fen_ += population.monthly_contribution_fen(p);
    monthly_employee_by_region_fen_[r] += population.monthly_contribution_fen(p);
    if (population.scheme(p) == Scheme::Resident) {
      annual_resident_fen_ += resident_fen;
      annual_resident_by_region_fen_[r] += resident_fen;
    }
  }
}

void Contributions::on_year_start(int year, sim::Simulation& sim) {
  // Who pays this year: the population after January's births, deaths, migration and retirements (without
  // demography, the first year's people throughout).
  if (!counted_ || run_.scenario.population.demography.active()) count_contributors();
  counted_ = true;
  const YearLevels& level = run_.years[static_cast<std::size_t>(year)];
  employee_this_year_fen_ = to_fen(to_yuan(monthly_employee_fen_) * level.employee_contribution_scale);
  employee_this_year_by_region_fen_ =
      scaled_parts(monthly_employee_by_region_fen_, level.employee_contribution_scale, employee_this_year_fen_);
  // Resident premiums and subsidies are collected for the whole year in January.
  const std::int64_t resident_fen = to_fen(to_yuan(annual_resident_fen_) * level.resident_contribution_scale);
  books_.contribute(Scheme::Resident,
                    scaled_parts(annual_resident_by_region_fen_, level.resident_contribution_scale, resident_fen));
  run_.metrics.projected_income_yuan[static_cast<std::size_t>(year)] =
      to_yuan(resident_fen) + 12.0 * to_yuan(employee_this_year_fen_);
  MonthMetrics& month = run_.month_at(sim.now());
  month.resident_contributions_yuan += to_yuan(resident_fen);
  month.contributions_yuan += to_yuan(resident_fen);
}

void Contributions::on_settlement(std::size_t m, double) {
  books_.contribute(Scheme::Employee, employee_this_year_by_region_fen_);
  MonthMetrics& month = run_.metrics.months[m];
  month.contributions_yuan += to_yuan(employee_this_year_fen_);
  month.employee_contributions_yuan += to_yuan(employee_this_year_fen_);
}

}  // namespace reformsim::agents
