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

  // Synthesis in draw order: person i's attributes come from stream i, whatever else changes.
  std::vector<Core> drawn(n);
  std::vector<std::uint8_t> band_of(n);
  std::vector<std::int32_t> contribution(n, 0);
  for (std::size_t p = 0; p < n; ++p) {
    sim::RandomStream rng(seed, replicate, purpose::kPopulation, p);
    const std::size_t b = bands.sample(rng);
    const AgeBand& band = pc.age_bands[b];
    band_of[p] = static_cast<std::uint8_t>(b);
    const int age = band.from_age + static_cast<int>(sim::uniform(rng, 0, band.to_age - band.from_age + 1));
    Core& core = drawn[p];
    core.age = static_cast<std::uint8_t>(std::min(age, band.to_age));
    std::uint8_t flags = 0;
    if (sim::bernoulli(rng, pc.female_share)) flags |= person_flag::kFemale;
    const bool employee = core.age >= 15 && sim::bernoulli(rng, employee_probability_adult);
    if (!employee) flags |= person_flag::kResident;
    if (sim::bernoulli(rng, band.chronic_prevalence)) flags |= person_flag::kChronic;
    core.region = static_cast<std::uint8_t>(std::min<double>(pc.regions - 1, sim::uniform(rng, 0, pc.regions)));
    const double wage = scenario.wages.average_monthly_wage_yuan *
                        sim::lognormal_mu_sigma(rng, -0.5 * scenario.wages.wage_sigma * scenario.wages.wage_sigma,
                                                scenario.wages.wage_sigma);
    const bool exempt_draw = sim::bernoulli(rng, pc.retiree_exempt_share);
    if (employee) {
      const int retirement_age = (flags & person_flag::kFemale) ? pc.retirement_age_female : pc.retirement_age_male;
      if (!(core.age >= retirement_age && exempt_draw)) {
        flags |= person_flag::kContributing;
        contribution[p] = static_cast<std::int32_t>(
            std::llround(100.0 * monthly_employee_contribution_yuan(
                                     wage, scenario.fund, scenario.wages.provincial_average_monthly_wage_yuan)));
      }
    }
    core.flags = flags;
  }

  // Renumber so that each risk class (scheme, band, chronic, region) is one contiguous id range.
  auto class_key = [&](std::size_t p) {
    const Core& c = drawn[p];
    return ((static_cast<std::uint32_t>(c.flags & person_flag::kResident) * 256u + band_of[p]) * 2u +
            ((c.flags & person_flag::kChronic) ? 1u : 0u)) *
               256u +
           c.region;
  };
  // A stable counting sort by class over the dense class index (its order is class_key's): the classes in
  // ascending order, each class's people in id order. No comparisons, so no mispredicted branches.
  const std::size_t band_count = pc.age_bands.size(), regions = static_cast<std::size_t>(pc.regions);
  auto dense_class = [&](std::size_t p) {
    const Core& c = drawn[p];
    return ((((c.flags & person_flag::kResident) ? 1u : 0u) * band_count + band_of[p]) * 2 +
            ((c.flags & person_flag::kChronic) ? 1u : 0u)) *
               regions +
           c.region;
  };
  std::vector<std::size_t> start(2 * band_count * 2 * regions + 1, 0);
  for (std::size_t p = 0; p < n; ++p) start[dense_class(p) + 1] += 1;
  for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
  std::vector<std::uint32_t> order(n);
  for (std::size_t p = 0; p < n; ++p) order[start[dense_class(p)]++] = static_cast<std::uint32_t>(p);
  core_.resize(n);
  monthly_contribution_fen_.resize(n);
  std::vector<double> admission_risk, outpatient_risk;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t p = order[i];
    core_[i] = drawn[p];
    monthly_contribution_fen_[i] = contribution[p];
    if (i == 0 || class_key(p) != class_key(order[i - 1])) {
      const AgeBand& band = pc.age_bands[band_of[p]];
      const bool chronic = (drawn[p].flags & person_flag::kChronic) != 0;
      RiskClass c;
      c.first = static_cast<std::uint32_t>(i);
      c.scheme = (drawn[p].flags & person_flag::kResident) ? Scheme::Resident : Scheme::Employee;
      c.region = drawn[p].region;
      classes_.push_back(c);
      admission_risk.push_back(band.admission_relative_risk *
                               (chronic ? scenario.demand.chronic_admission_relative_risk : 1));
      outpatient_risk.push_back(band.outpatient_relative_risk *
                                (chronic ? scenario.demand.chronic_outpatient_relative_risk : 1));
    }
    classes_.back().count += 1;
  }

  // Normalise relative risks so each scheme's realised mean rate equals the scenario's rate.
  double risk_sum[kSchemeCount] = {0, 0}, count[kSchemeCount] = {0, 0}, outpatient_sum = 0;
  for (std::size_t k = 0; k < classes_.size(); ++k) {
    const int s = static_cast<int>(classes_[k].scheme);
    risk_sum[s] += admission_risk[k] * classes_[k].count;
    count[s] += classes_[k].count;
    outpatient_sum += outpatient_risk[k] * classes_[k].count;
  }
  const double outpatient_scale =
      outpatient_sum > 0 ? scenario.demand.outpatient_visits_per_person_year * static_cast<double>(n) / outpatient_sum
                         : 0;
  for (std::size_t k = 0; k < classes_.size(); ++k) {
    const int s = static_cast<int>(classes_[k].scheme);
    const double scale =
        risk_sum[s] > 0 ? scenario.demand.admissions_per_person_year[static_cast<Scheme>(s)] * count[s] / risk_sum[s]
                        : 0;
    classes_[k].admission_rate_per_day = admission_risk[k] * scale / 365.0;
    classes_[k].outpatient_rate_per_day =
        scenario.demand.outpatient_enabled ? outpatient_risk[k] * outpatient_scale / 365.0 : 0.0;
  }
}

std::size_t Population::class_of(std::size_t p) const {
  std::size_t lo = 0, hi = classes_.size();
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    (classes_[mid].first <= p ? lo : hi) = mid;
  }
  return lo;
}

}  // namespace reformsim::agents
