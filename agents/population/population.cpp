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

std::int32_t drawn_contribution_fen(const ScenarioConfig& scenario, sim::RandomStream& rng) {
  const double sigma = scenario.wages.wage_sigma;
  const double wage =
      scenario.wages.average_monthly_wage_yuan * sim::lognormal_mu_sigma(rng, -0.5 * sigma * sigma, sigma);
  return static_cast<std::int32_t>(
      std::llround(100.0 * monthly_employee_contribution_yuan(wage, scenario.fund,
                                                              scenario.wages.provincial_average_monthly_wage_yuan)));
}

double drawn_contribution_density(const PopulationConfig& pc, sim::RandomStream& rng) {
  // Uniform on the widest interval inside [0, 1] whose mean is the scenario's density.
  const double m = pc.contribution_density, half = std::min(m, 1.0 - m);
  return sim::uniform(rng, m - half, m + half);
}

int contribution_years_at(const PopulationConfig& pc, int age, bool female, double density) {
  const int working = std::min(age, retirement_age(pc, female)) - pc.career_start_age;
  return working > 0 ? static_cast<int>(working * density) : 0;
}

Population::Population(const ScenarioConfig& scenario, std::uint64_t seed, std::uint64_t replicate) {
  const PopulationConfig& pc = scenario.population;
  const auto n = static_cast<std::size_t>(pc.insured);
  band_count_ = pc.age_bands.size();
  regions_ = static_cast<std::size_t>(pc.regions);
  band_of_age_.assign(256, 0);
  for (std::size_t b = 0; b < band_count_; ++b) {
    for (int a = std::max(0, pc.age_bands[b].from_age); a < 256; ++a)
      band_of_age_[static_cast<std::size_t>(a)] = static_cast<std::uint8_t>(b);
  }
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
  std::vector<std::int32_t> contribution(n, 0);
  const sim::StreamKey key = sim::StreamKey::of(seed, replicate, purpose::kPopulation);  // hashed once, not per person
  for (std::size_t p = 0; p < n; ++p) {
    sim::RandomStream rng(key, p);
    const AgeBand& band = pc.age_bands[bands.sample(rng)];
    const int age = band.from_age + static_cast<int>(sim::uniform(rng, 0, band.to_age - band.from_age + 1));
    Core& core = drawn[p];
    core.age = static_cast<std::uint8_t>(std::min(age, band.to_age));
    std::uint8_t flags = 0;
    const bool female = sim::bernoulli(rng, pc.female_share);
    if (female) flags |= person_flag::kFemale;
    const bool employee = core.age >= 15 && sim::bernoulli(rng, employee_probability_adult);
    if (!employee) flags |= person_flag::kResident;
    if (sim::bernoulli(rng, band.chronic_prevalence)) flags |= person_flag::kChronic;
    core.region = static_cast<std::uint8_t>(std::min<double>(pc.regions - 1, sim::uniform(rng, 0, pc.regions)));
    const std::int32_t wage_contribution = drawn_contribution_fen(scenario, rng);
    const double density = drawn_contribution_density(pc, rng);
    core.contribution_years = 0;
    if (employee) {
      const int years = contribution_years_at(pc, core.age, female, density);
      core.contribution_years = static_cast<std::uint8_t>(std::min(years, 255));
      // Retirees stop contributing with the required years; without them they keep contributing until they have
      // them, or have paid the shortfall at retirement (the lump-sum rule).
      const bool retired = core.age >= retirement_age(pc, female);
      const bool short_of_years = years < required_contribution_years(pc, female) &&
                                  pc.contribution_shortfall == ContributionShortfall::Continue;
      if (!retired || short_of_years) flags |= person_flag::kContributing;
      contribution[p] = wage_contribution;
    }
    core.flags = flags;
  }

  // Renumber so that each risk class is one contiguous id range at the start: the member lists then read the
  // columns in order. A stable counting sort by class: no comparisons, so no mispredicted branches.
  classes_.assign(2 * band_count_ * 2 * regions_, RiskClass{});
  auto dense_class = [&](const Core& c) { return class_of_core(c); };
  std::vector<std::size_t> start(classes_.size() + 1, 0);
  for (std::size_t p = 0; p < n; ++p) start[dense_class(drawn[p]) + 1] += 1;
  for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
  std::vector<std::uint32_t> order(n);
  for (std::size_t p = 0; p < n; ++p) order[start[dense_class(drawn[p])]++] = static_cast<std::uint32_t>(p);
  slot_reserve_ = pc.demography.life_table_file ? n + n / 20 : n;
  core_.reserve(slot_reserve_);
  wage_contribution_fen_.reserve(slot_reserve_);
  members_.reserve(slot_reserve_);
  core_.resize(n);
  wage_contribution_fen_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    core_[i] = drawn[order[i]];
    wage_contribution_fen_[i] = contribution[order[i]];
  }
  insured_ = n;
  rebuild_members();

  // Each class's relative risks; normalised so each scheme's realised mean rate equals the scenario's rate in the
  // first year. The scales stay: as the population ages, its rates follow its structure.
  std::vector<double> admission_risk(classes_.size()), outpatient_risk(classes_.size());
  double risk_sum[kSchemeCount] = {0, 0}, count[kSchemeCount] = {0, 0}, outpatient_sum = 0;
  for (int resident = 0; resident < 2; ++resident) {
    for (std::size_t b = 0; b < band_count_; ++b) {
      for (int chronic = 0; chronic < 2; ++chronic) {
        for (std::size_t r = 0; r < regions_; ++r) {
          const std::size_t k = class_index(resident != 0, b, chronic != 0, static_cast<int>(r));
          const AgeBand& band = pc.age_bands[b];
          RiskClass& c = classes_[k];
          c.scheme = resident ? Scheme::Resident : Scheme::Employee;
          c.region = static_cast<int>(r);
          admission_risk[k] =
              band.admission_relative_risk * (chronic ? scenario.demand.chronic_admission_relative_risk : 1);
          outpatient_risk[k] =
              band.outpatient_relative_risk * (chronic ? scenario.demand.chronic_outpatient_relative_risk : 1);
          const int s = static_cast<int>(c.scheme);
          risk_sum[s] += admission_risk[k] * c.count;
          count[s] += c.count;
          outpatient_sum += outpatient_risk[k] * c.count;
        }
      }
    }
  }
  const double outpatient_scale =
      outpatient_sum > 0 ? scenario.demand.outpatient_visits_per_person_year * static_cast<double>(n) / outpatient_sum
                         : 0;
  for (std::size_t k = 0; k < classes_.size(); ++k) {
    const int s = static_cast<int>(classes_[k].scheme);
    // A scheme with no members in the first year (people may join it later) is normalised over everyone.
    const double members = risk_sum[s] > 0 ? count[s] : count[0] + count[1];
    const double risk = risk_sum[s] > 0 ? risk_sum[s] : risk_sum[0] + risk_sum[1];
    const double scale =
        risk > 0 ? scenario.demand.admissions_per_person_year[static_cast<Scheme>(s)] * members / risk : 0;
    classes_[k].admission_rate_per_day = admission_risk[k] * scale / 365.0;
    classes_[k].outpatient_rate_per_day =
        scenario.demand.outpatient_enabled ? outpatient_risk[k] * outpatient_scale / 365.0 : 0.0;
  }
}

void Population::rebuild_members() {
  auto dense_class = [&](const Core& c) { return class_of_core(c); };
  for (RiskClass& c : classes_) c.count = 0;
  insured_ = 0;
  for (const Core& c : core_) {
    if (c.flags & person_flag::kGone) continue;
    classes_[dense_class(c)].count += 1;
    ++insured_;
  }
  std::uint32_t first = 0;
  for (RiskClass& c : classes_) {
    c.first = first;
    first += c.count;
  }
  if (members_.capacity() < insured_) members_.reserve(insured_ + insured_ / 20);
  members_.resize(insured_);
  std::vector<std::uint32_t> next(classes_.size());
  for (std::size_t k = 0; k < classes_.size(); ++k) next[k] = classes_[k].first;
  for (std::size_t p = 0; p < core_.size(); ++p) {
    if (core_[p].flags & person_flag::kGone) continue;
    members_[next[dense_class(core_[p])]++] = static_cast<std::uint32_t>(p);
  }
}

std::size_t Population::class_of_core(const Core& c) const {
  return class_index((c.flags & person_flag::kResident) != 0, band_of_age(c.age),
                     (c.flags & person_flag::kChronic) != 0, c.region);
}

}  // namespace reformsim::agents
