#include "agents/population/population.hpp"

#include <algorithm>
#include <cmath>

#include "agents/world/random_purposes.hpp"
#include "sim/engine/alias_table.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

double contribution_base_yuan(double monthly_wage_yuan, const FundConfig& fund, double provincial_average_yuan) {
  return std::clamp(monthly_wage_yuan, fund.base_floor_ratio * provincial_average_yuan,
                    fund.base_ceiling_ratio * provincial_average_yuan);
}

double monthly_employee_contribution_yuan(double monthly_wage_yuan, const FundConfig& fund,
                                          double provincial_average_yuan) {
  const double base = contribution_base_yuan(monthly_wage_yuan, fund, provincial_average_yuan);
  return (fund.employer_rate + fund.individual_rate) * base * fund.employee_pooled_share;
}

Population::Population(const ScenarioConfig& scenario, std::uint64_t seed, std::uint64_t replicate) {
  const PopulationConfig& pc = scenario.population;
  const auto n = static_cast<std::size_t>(pc.insured);
  age_.resize(n);
  region_.resize(n);
  flags_.resize(n);
  admission_rate_per_day_.resize(n);
  outpatient_rate_per_day_.resize(n);
  monthly_contribution_fen_.resize(n);

  std::vector<double> band_shares;
  double adult_share = 0;
  for (const AgeBand& b : pc.age_bands) {
    band_shares.push_back(b.share);
    // Children are insured as residents; the employee share is reached among people of 15 and over.
    const int adult_years = std::max(0, b.to_age - std::max(b.from_age, 15) + 1);
    adult_share += b.share * adult_years / static_cast<double>(b.to_age - b.from_age + 1);
  }
  const double employee_probability_adult = adult_share > 0 ? std::min(1.0, pc.employee_share / adult_share) : 0;
  const sim::AliasTable bands(band_shares);
  std::vector<double> admission_risk(n), outpatient_risk(n);

  for (std::size_t p = 0; p < n; ++p) {
    sim::RandomStream rng(seed, replicate, purpose::kPopulation, p);
    const std::size_t b = bands.sample(rng);
    const AgeBand& band = pc.age_bands[b];
    const int age = band.from_age + static_cast<int>(sim::uniform(rng, 0, band.to_age - band.from_age + 1));
    age_[p] = static_cast<std::uint8_t>(std::min(age, band.to_age));
    std::uint8_t flags = 0;
    if (sim::bernoulli(rng, pc.female_share)) flags |= person_flag::kFemale;
    const bool employee = age_[p] >= 15 && sim::bernoulli(rng, employee_probability_adult);
    if (!employee) flags |= person_flag::kResident;
    const bool chronic = sim::bernoulli(rng, band.chronic_prevalence);
    if (chronic) flags |= person_flag::kChronic;
    region_[p] = static_cast<std::uint8_t>(std::min<double>(pc.regions - 1, sim::uniform(rng, 0, pc.regions)));
    const double wage = scenario.wages.average_monthly_wage_yuan *
                        sim::lognormal_mu_sigma(rng, -0.5 * scenario.wages.wage_sigma * scenario.wages.wage_sigma,
                                                scenario.wages.wage_sigma);
    const bool exempt_draw = sim::bernoulli(rng, pc.retiree_exempt_share);
    if (employee) {
      const int retirement_age = (flags & person_flag::kFemale) ? pc.retirement_age_female : pc.retirement_age_male;
      const bool retired = age_[p] >= retirement_age;
      if (!(retired && exempt_draw)) {
        flags |= person_flag::kContributing;
        monthly_contribution_fen_[p] = static_cast<std::int32_t>(std::llround(
            100.0 * monthly_employee_contribution_yuan(wage, scenario.fund,
                                                       scenario.wages.provincial_average_monthly_wage_yuan)));
      }
    }
    flags_[p] = flags;
    admission_risk[p] = band.admission_relative_risk * (chronic ? scenario.demand.chronic_admission_relative_risk : 1);
    outpatient_risk[p] =
        band.outpatient_relative_risk * (chronic ? scenario.demand.chronic_outpatient_relative_risk : 1);
  }

  // Normalise relative risks so each scheme's realised mean rate equals the scenario's rate.
  double risk_sum[kSchemeCount] = {0, 0};
  double count[kSchemeCount] = {0, 0};
  double outpatient_sum = 0;
  for (std::size_t p = 0; p < n; ++p) {
    const int s = static_cast<int>(scheme(p));
    risk_sum[s] += admission_risk[p];
    count[s] += 1;
    outpatient_sum += outpatient_risk[p];
  }
  const double outpatient_scale =
      outpatient_sum > 0 ? scenario.demand.outpatient_visits_per_person_year * static_cast<double>(n) / outpatient_sum
                         : 0;
  for (std::size_t p = 0; p < n; ++p) {
    const int s = static_cast<int>(scheme(p));
    const double scale = risk_sum[s] > 0 ? scenario.demand.admissions_per_person_year[s] * count[s] / risk_sum[s] : 0;
    admission_rate_per_day_[p] = static_cast<float>(admission_risk[p] * scale / 365.0);
    outpatient_rate_per_day_[p] =
        scenario.demand.outpatient_enabled ? static_cast<float>(outpatient_risk[p] * outpatient_scale / 365.0) : 0.f;
  }
}

}  // namespace reformsim::agents
