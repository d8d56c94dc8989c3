#include "agents/population/demography.hpp"

#include <algorithm>

#include "agents/world/random_purposes.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

namespace {
constexpr int kOldestAge = 254;  ///< ages stop here (the life table's last row applies beyond its end)
constexpr std::uint64_t kCountEntity = std::uint64_t{1} << 63;
}  // namespace

Demography::Demography(RunContext& run, Population& population, FundBooks& books)
    : run_(run),
      population_(population),
      books_(books),
      person_key_(run.key(purpose::kDemography)),
      entrant_key_(run.key(purpose::kEntrant)),
      free_slots_(2 * static_cast<std::size_t>(run.scenario.population.regions)),
      freed_this_year_(free_slots_.size()),
      lump_sum_by_region_fen_(static_cast<std::size_t>(run.scenario.population.regions), 0) {}

void Demography::on_year_start(int year, sim::Simulation& sim) {
  const auto y = static_cast<std::size_t>(year);
  // Without demography the population never changes: make_run_metrics recorded its stocks for every year.
  if (!run_.scenario.population.demography.active()) return;
  PopulationYearMetrics& record = run_.metrics.population_years[y];
  if (year > updated_to_year_) {
    updated_to_year_ = year;
    PopulationYearMetrics flows;
    const double insured_before = static_cast<double>(population_.insured());
    for (std::size_t k = 0; k < free_slots_.size(); ++k) {
      free_slots_[k].insert(free_slots_[k].end(), freed_this_year_[k].begin(), freed_this_year_[k].end());
      freed_this_year_[k].clear();
    }
    std::fill(lump_sum_by_region_fen_.begin(), lump_sum_by_region_fen_.end(), 0);
    population_.entrants_.clear();
    for (std::size_t p = 0; p < population_.size(); ++p) {
      if (population_.alive(p)) live_through(p, year, flows);
    }
    admit_entrants(year, insured_before, flows);
    population_.rebuild_members();
    std::int64_t lump_sum_fen = 0;
    for (std::int64_t fen : lump_sum_by_region_fen_) lump_sum_fen += fen;
    if (lump_sum_fen != 0) {
      books_.contribute(Scheme::Employee, lump_sum_by_region_fen_);
      MonthMetrics& month = run_.month_at(sim.now());
      month.contributions_yuan += to_yuan(lump_sum_fen);
      month.employee_contributions_yuan += to_yuan(lump_sum_fen);
    }
    flows.lump_sum_yuan = to_yuan(lump_sum_fen);
    record = flows;
  }
  record_population_stocks(population_, run_.scenario.population, record);
}

bool Demography::live_through(std::size_t p, int year, PopulationYearMetrics& flows) {
  const PopulationConfig& pc = run_.scenario.population;
  const DemographyConfig& d = pc.demography;
  Population::Core& c = population_.core_[p];
  const bool female = (c.flags & person_flag::kFemale) != 0;
  sim::RandomStream rng(person_key_, (static_cast<std::uint64_t>(year) << 32) | p);
  // Every uniform is drawn whatever happens, so one event's outcome never shifts another's draw.
  const double u_death = rng.next_uniform(), u_move = rng.next_uniform(), u_chronic = rng.next_uniform(),
               u_job = rng.next_uniform();
  // The year that ended: a contributing employee earned a contribution year.
  if ((c.flags & person_flag::kContributing) && c.contribution_years < 255) c.contribution_years += 1;
  const bool migrant_age = c.age >= d.migrant_min_age && c.age <= d.migrant_max_age;
  const bool dies = u_death < d.life_table->qx(c.age, female);
  const bool moves_out = !dies && migrant_age && u_move < d.out_migration_rate;
  if (dies || moves_out) {
    (dies ? flows.deaths : flows.out_migrants) += 1;
    const bool resident = (c.flags & person_flag::kResident) != 0;
    c.flags |= person_flag::kGone;
    freed_this_year_[(resident ? 1u : 0u) * static_cast<std::size_t>(pc.regions) + c.region].push_back(
        static_cast<std::uint32_t>(p));
    return false;
  }
  const std::size_t old_band = population_.band_of_age(c.age);
  c.age = static_cast<std::uint8_t>(std::min(c.age + 1, kOldestAge));
  const std::size_t new_band = population_.band_of_age(c.age);
  if (new_band != old_band && !(c.flags & person_flag::kChronic)) {
    // Chronic conditions last: the new band's prevalence is reached by onsets among those without one.
    const double before = pc.age_bands[old_band].chronic_prevalence, after = pc.age_bands[new_band].chronic_prevalence;
    if (after > before && u_chronic < (after - before) / (1.0 - before)) c.flags |= person_flag::kChronic;
  }
  const int retirement = retirement_age(pc, female);
  const bool working_age = c.age >= pc.career_start_age && c.age < retirement;
  if ((c.flags & person_flag::kResident) && working_age && u_job < d.employee_entry_rate) {
    c.flags = static_cast<std::uint8_t>((c.flags & ~person_flag::kResident) | person_flag::kContributing);
    population_.wage_contribution_fen_[p] = drawn_contribution_fen(run_.scenario, rng);
    flows.to_employee += 1;
  } else if (!(c.flags & person_flag::kResident) && (c.flags & person_flag::kContributing) && working_age &&
             u_job < d.employee_exit_rate) {
    c.flags = static_cast<std::uint8_t>((c.flags | person_flag::kResident) & ~person_flag::kContributing);
    flows.to_resident += 1;
  }
  if (!(c.flags & person_flag::kResident) && (c.flags & person_flag::kContributing) && c.age >= retirement) {
    const int required = required_contribution_years(pc, female);
    if (c.contribution_years < required && pc.contribution_shortfall == ContributionShortfall::LumpSum) {
      // The shortfall paid at once, at this year's contribution level.
      const double scale = run_.years[static_cast<std::size_t>(year)].employee_contribution_scale;
      lump_sum_by_region_fen_[c.region] +=
          to_fen(to_yuan(population_.wage_contribution_fen_[p]) * scale * 12.0 * (required - c.contribution_years));
      c.contribution_years = static_cast<std::uint8_t>(required);
    }
    if (c.contribution_years >= required) {
      c.flags = static_cast<std::uint8_t>(c.flags & ~person_flag::kContributing);
      flows.retirements += 1;
    }
  }
  return true;
}

void Demography::admit_entrants(int year, double insured_before, PopulationYearMetrics& flows) {
  const PopulationConfig& pc = run_.scenario.population;
  const DemographyConfig& d = pc.demography;
  sim::RandomStream counts(person_key_, kCountEntity | static_cast<std::uint64_t>(year));
  const std::uint64_t births = sim::poisson(counts, d.births_per_1000 / 1000.0 * insured_before);
  const std::uint64_t migrants = sim::poisson(counts, d.in_migrants_per_1000 / 1000.0 * insured_before);
  flows.births = static_cast<double>(births);
  flows.in_migrants = static_cast<double>(migrants);
  // Beyond the reserve, grow the columns by 5%, not by doubling: memory stays proportional to the insured.
  const std::size_t most = population_.core_.size() + births + migrants;
  if (population_.core_.capacity() < most) {
    population_.core_.reserve(most + most / 20);
    population_.wage_contribution_fen_.reserve(most + most / 20);
  }
  for (std::uint64_t k = 0; k < births + migrants; ++k) {
    sim::RandomStream rng(entrant_key_, (static_cast<std::uint64_t>(year) << 32) | k);
    Population::Core c{};
    const bool female = sim::bernoulli(rng, pc.female_share);
    c.region = static_cast<std::uint8_t>(std::min<double>(pc.regions - 1, sim::uniform(rng, 0, pc.regions)));
    const double u_age = rng.next_uniform(), u_scheme = rng.next_uniform(), u_chronic = rng.next_uniform();
    const bool born = k < births;
    const int age =
        born ? 0
             : d.migrant_min_age + std::min(d.migrant_max_age - d.migrant_min_age,
                                            static_cast<int>(u_age * (d.migrant_max_age - d.migrant_min_age + 1)));
    c.age = static_cast<std::uint8_t>(age);
    const bool employee = !born && age >= 15 && u_scheme < d.migrant_employee_share;
    c.flags = female ? person_flag::kFemale : 0;
    if (!employee) c.flags |= person_flag::kResident;
    if (u_chronic < pc.age_bands[population_.band_of_age(age)].chronic_prevalence) c.flags |= person_flag::kChronic;
    const std::int32_t wage_contribution = drawn_contribution_fen(run_.scenario, rng);
    const double density = drawn_contribution_density(pc, rng);
    std::int32_t contribution = 0;
    if (employee) {
      const int years = contribution_years_at(pc, age, female, density);
      c.contribution_years = static_cast<std::uint8_t>(std::min(years, 255));
      const bool retired = age >= retirement_age(pc, female);
      const int required = required_contribution_years(pc, female);
      contribution = wage_contribution;
      if (retired && years < required && pc.contribution_shortfall == ContributionShortfall::LumpSum) {
        // Joining past the retirement age without the years: the shortfall is paid on entry.
        const double scale = run_.years[static_cast<std::size_t>(year)].employee_contribution_scale;
        lump_sum_by_region_fen_[c.region] += to_fen(to_yuan(contribution) * scale * 12.0 * (required - years));
        c.contribution_years = static_cast<std::uint8_t>(required);
      } else if (!retired || years < required) {
        c.flags |= person_flag::kContributing;
      }
    }
    std::vector<std::uint32_t>& free =
        free_slots_[(employee ? 0u : 1u) * static_cast<std::size_t>(pc.regions) + c.region];
    std::uint32_t slot;
    if (!free.empty()) {
      slot = free.back();
      free.pop_back();
      population_.core_[slot] = c;
      population_.wage_contribution_fen_[slot] = contribution;
    } else {
      slot = static_cast<std::uint32_t>(population_.core_.size());
      population_.core_.push_back(c);
      population_.wage_contribution_fen_.push_back(contribution);
    }
    population_.entrants_.push_back(slot);
  }
}

void record_population_stocks(const Population& population, const PopulationConfig& pc, PopulationYearMetrics& out) {
  out.insured = out.key_insured = out.employees = out.contributing = out.retirees = out.aged_60_plus = out.chronic =
      out.age_sum = 0;
  for (std::size_t p = 0; p < population.size(); ++p) {
    if (!population.alive(p)) continue;
    const int age = population.age(p);
    out.insured += 1;
    out.age_sum += age;
    if (age >= Population::kElderlyAge) out.aged_60_plus += 1;
    if (population.has(p, person_flag::kChronic)) out.chronic += 1;
    if (population.key_population(p)) out.key_insured += 1;
    if (population.scheme(p) == Scheme::Employee) {
      out.employees += 1;
      if (age >= retirement_age(pc, population.has(p, person_flag::kFemale))) out.retirees += 1;
    }
    if (population.has(p, person_flag::kContributing)) out.contributing += 1;
  }
}

}  // namespace reformsim::agents
