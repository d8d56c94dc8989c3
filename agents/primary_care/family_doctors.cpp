#include "agents/primary_care/family_doctors.hpp"

#include <algorithm>
#include <cmath>

#include "agents/world/random_purposes.hpp"

namespace reformsim::agents {

FamilyDoctors::FamilyDoctors(RunContext& run, FundBooks& books)
    : run_(run), books_(books), key_(run.key(purpose::kFamilyDoctor)), contracted_(run.population.size(), 0) {
  const ScenarioConfig& s = run.scenario;
  // Each region's teams sit in its first tier-1 unit (the loader checked there is one).
  team_unit_of_region_.assign(static_cast<std::size_t>(s.population.regions), 0);
  for (int r = s.population.regions - 1; r >= 0; --r) {
    for (std::size_t h = s.hospitals.size(); h-- > 0;) {
      const HospitalConfig& hc = s.hospitals[h];
      if (hc.tier == 1 && hc.region == r) team_unit_of_region_[static_cast<std::size_t>(r)] = h;
    }
  }
}

void FamilyDoctors::on_year_start(int year, sim::Simulation&) {
  const FamilyDoctorConfig& f = run_.scenario.family_doctors;
  const Population& population = run_.population;
  RunMetrics& metrics = run_.metrics;
  const double target = std::min(f.max_coverage, f.initial_coverage + f.coverage_growth * year);
  // Priority: the elderly and the chronic sign up `priority_weight` times as readily; a person's draw is the same
  // every year, so those contracted stay contracted while the target grows.
  // Chances scale × weight, with key residents' capped at 1 and the rest of the target spread over the others.
  if (contracted_.capacity() < population.size()) contracted_.reserve(population.size() + population.size() / 20);
  contracted_.resize(population.size(), 0);
  // The year's population, recorded by demography at this year start.
  const double insured = metrics.population_years[static_cast<std::size_t>(year)].insured;
  const double key_count = metrics.population_years[static_cast<std::size_t>(year)].key_insured;
  const double others = insured - key_count, wanted = target * insured;
  double scale = wanted / (key_count * f.priority_weight + others);
  if (scale * f.priority_weight > 1.0) scale = others > 0 ? std::clamp((wanted - key_count) / others, 0.0, 1.0) : 0.0;
  const auto y = static_cast<std::size_t>(year);
  const std::int64_t fund_fee_fen = to_fen(f.annual_fee_yuan * f.fund_share);
  const std::int64_t resident_fee_fen =
      to_fen(f.annual_fee_yuan * std::max(0.0, 1.0 - f.fund_share - f.public_health_share));
  for (std::size_t p = 0; p < population.size(); ++p) {
    if (!population.alive(p)) {
      contracted_[p] = 0;
      continue;
    }
    const bool key = population.key_population(p);
    sim::RandomStream rng(key_, p);
    contracted_[p] = rng.next_uniform() < std::min(1.0, scale * (key ? f.priority_weight : 1.0));
    if (!contracted_[p]) continue;
    const std::size_t unit = team_unit_of_region_[static_cast<std::size_t>(population.region(p))];
    HospitalYearMetrics& hy = metrics.hospital_years[unit][y];
    hy.contracts += 1;
    metrics.contracted_insured[y] += 1;
    if (key) {
      hy.key_contracts += 1;
      hy.follow_ups += f.follow_ups_per_year;
      metrics.contracted_key[y] += 1;
    }
    // The fee: the fund's part is a claim paid at January's settlement, the resident pays their part directly,
    // public-health funds pay the rest from outside the insurance fund (recorded, not booked).
    books_.pay_for_care(unit, population.scheme(p), population.region(p), fund_fee_fen, resident_fee_fen, false, year);
    hy.capitation_fund_yuan += to_yuan(fund_fee_fen);
    hy.capitation_resident_yuan += to_yuan(resident_fee_fen);
    hy.public_health_yuan += f.annual_fee_yuan * f.public_health_share;
    hy.team_pay_yuan += f.annual_fee_yuan * f.team_pay_share;
  }
}

bool FamilyDoctors::prevents_admission(std::uint32_t person, std::uint64_t onset, double now) {
  const double reduction = run_.scenario.family_doctors.chronic_admission_reduction;
  if (reduction <= 0 || !contracted_[person] || !run_.population.has(person, person_flag::kChronic)) return false;
  // Thinning a Poisson stream keeps it Poisson: the managed resident's rate is × (1 − reduction).
  sim::RandomStream rng(key_, (std::uint64_t{1} << 40) | onset);
  if (!(rng.next_uniform() < reduction)) return false;
  const std::size_t unit = team_unit_of_region_[static_cast<std::size_t>(run_.population.region(person))];
  run_.hospital_year_at(unit, now).avoided_admissions += 1;
  return true;
}

void FamilyDoctors::adjust_choice(std::uint32_t person, std::vector<double>& p) {
  const double utility = run_.scenario.family_doctors.primary_first_utility;
  if (utility == 0 || !contracted_[person]) return;
  const double factor = std::exp(utility);
  double sum = 0;
  for (std::size_t h = 0; h < p.size(); ++h) {
    if (run_.scenario.hospitals[h].tier == 1) p[h] *= factor;
    sum += p[h];
  }
  for (double& x : p) x /= sum;
}

void FamilyDoctors::route(std::uint32_t person, std::size_t, double, Route& route) {
  if (!contracted_[person]) return;
  const FamilyDoctorConfig& f = run_.scenario.family_doctors;
  // A contracted resident in a tier-2/3 bed was referred up by the primary unit, or went around it.
  if (route.referred) {
    route.ratio_adjustment = static_cast<float>(f.referred_ratio_bonus);
  } else if (run_.scenario.hospitals[route.hospital].tier > 1) {
    route.ratio_adjustment = static_cast<float>(-f.bypass_ratio_penalty);
  }
}

}  // namespace reformsim::agents
