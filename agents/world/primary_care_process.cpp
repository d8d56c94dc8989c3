// Primary care in a run (DOMAIN.md §9): family-doctor contracts signed each January with their fees and
// follow-ups, chronic-disease management that avoids admissions, primary first contact and gatekeeping, referrals
// up and down the network, and county alliances settled against their per-capita budgets. Nothing here runs (and
// no random number is drawn) unless the scenario configures it.
#include <algorithm>
#include <cmath>

#include "agents/world/event_kinds.hpp"
#include "agents/world/random_purposes.hpp"
#include "agents/world/world.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

namespace {

constexpr int kElderlyAge = 60;
constexpr double kFollowUpDelayDays = 7;

// `fen` split in proportion to `weights`; the last unit with weight takes the rounding remainder.
std::vector<std::int64_t> split_fen(std::int64_t fen, const std::vector<double>& weights) {
  std::vector<std::int64_t> out(weights.size(), 0);
  double total = 0;
  std::size_t last = 0;
  for (std::size_t u = 0; u < weights.size(); ++u) {
    total += weights[u];
    if (weights[u] > 0) last = u;
  }
  if (!(total > 0)) return out;
  std::int64_t given = 0;
  for (std::size_t u = 0; u < weights.size(); ++u) {
    if (u == last) continue;
    out[u] = static_cast<std::int64_t>(static_cast<long double>(fen) * weights[u] / total);
    given += out[u];
  }
  out[last] = fen - given;
  return out;
}

}  // namespace

void World::init_primary_care() {
  const std::size_t years = static_cast<std::size_t>(scenario_.horizon_years);
  family_on_ = scenario_.family_doctors.active();
  network_on_ = scenario_.network.active();
  metrics_.alliance_years.assign(scenario_.alliances.size() * years, RunMetrics::AllianceYear{});
  metrics_.contracted_insured.assign(years, 0.0);
  metrics_.contracted_key.assign(years, 0.0);
  for (std::size_t p = 0; p < population_.size(); ++p) {
    if (population_.age(p) >= kElderlyAge || population_.has(p, person_flag::kChronic)) metrics_.key_insured += 1;
  }
  if (network_on_) {
    network_ = std::make_unique<ReferralNetwork>(scenario_);
    referral_key_ = sim::StreamKey::of(seed_, replicate_, purpose::kReferral);
  }
  if (family_on_) {
    family_key_ = sim::StreamKey::of(seed_, replicate_, purpose::kFamilyDoctor);
    contracted_.assign(population_.size(), 0);
    // Each region's teams sit in its first tier-1 unit (the loader checked there is one).
    team_unit_of_region_.assign(static_cast<std::size_t>(scenario_.population.regions), 0);
    for (int r = scenario_.population.regions - 1; r >= 0; --r) {
      for (std::size_t h = hospitals_.size(); h-- > 0;) {
        const HospitalConfig& hc = scenario_.hospitals[h];
        if (hc.tier == 1 && hc.region == r) team_unit_of_region_[static_cast<std::size_t>(r)] = h;
      }
    }
  }
  alliance_insured_.assign(scenario_.alliances.size(), 0.0);
  alliance_by_region_.assign(scenario_.alliances.size(),
                             std::vector<double>(static_cast<std::size_t>(scenario_.population.regions) + 1, 0.0));
  alliance_by_scheme_.assign(scenario_.alliances.size(), std::vector<double>(kSchemeCount, 0.0));
  for (std::size_t a = 0; a < scenario_.alliances.size(); ++a) {
    for (std::size_t p = 0; p < population_.size(); ++p) {
      const auto& regions = scenario_.alliances[a].regions;
      if (std::find(regions.begin(), regions.end(), population_.region(p)) == regions.end()) continue;
      alliance_insured_[a] += 1;
      alliance_by_region_[a][static_cast<std::size_t>(population_.region(p))] += 1;
      alliance_by_scheme_[a][static_cast<std::size_t>(population_.scheme(p))] += 1;
    }
  }
}

void World::sign_contracts(int year) {
  const FamilyDoctorConfig& f = scenario_.family_doctors;
  const double target = std::min(f.max_coverage, f.initial_coverage + f.coverage_growth * year);
  // Priority: the elderly and the chronic sign up `priority_weight` times as readily; a person's draw is the same
  // every year, so those contracted stay contracted while the target grows.
  // Chances scale × weight, with key residents' capped at 1 and the rest of the target spread over the others.
  const double insured = static_cast<double>(population_.size()), key_count = metrics_.key_insured;
  const double others = insured - key_count, wanted = target * insured;
  double scale = wanted / (key_count * f.priority_weight + others);
  if (scale * f.priority_weight > 1.0) scale = others > 0 ? std::clamp((wanted - key_count) / others, 0.0, 1.0) : 0.0;
  const auto y = static_cast<std::size_t>(year);
  const std::int64_t fund_fee_fen = to_fen(f.annual_fee_yuan * f.fund_share);
  const std::int64_t resident_fee_fen =
      to_fen(f.annual_fee_yuan * std::max(0.0, 1.0 - f.fund_share - f.public_health_share));
  for (std::size_t p = 0; p < population_.size(); ++p) {
    const bool key = population_.age(p) >= kElderlyAge || population_.has(p, person_flag::kChronic);
    sim::RandomStream rng(family_key_, p);
    contracted_[p] = rng.next_uniform() < std::min(1.0, scale * (key ? f.priority_weight : 1.0));
    if (!contracted_[p]) continue;
    const std::size_t unit = team_unit_of_region_[static_cast<std::size_t>(population_.region(p))];
    HospitalYearMetrics& hy = metrics_.hospital_years[unit][y];
    hy.contracts += 1;
    metrics_.contracted_insured[y] += 1;
    if (key) {
      hy.key_contracts += 1;
      hy.follow_ups += f.follow_ups_per_year;
      metrics_.contracted_key[y] += 1;
    }
    // The fee: the fund's part is a claim paid at January's settlement, the resident pays their part directly,
    // public-health funds pay the rest from outside the insurance fund (recorded, not booked).
    const Scheme scheme = population_.scheme(p);
    ledger_.claim(unit, fund_fee_fen);
    schemes_.claim(static_cast<std::size_t>(scheme), unit, fund_fee_fen, false);
    regions_.claim(static_cast<std::size_t>(population_.region(p)), unit, fund_fee_fen, false);
    ledger_.patient_pays(unit, resident_fee_fen);
    hospital_revenue_fen_[unit] += fund_fee_fen + resident_fee_fen;
    hy.revenue_yuan += to_yuan(fund_fee_fen + resident_fee_fen);
    hy.capitation_fund_yuan += to_yuan(fund_fee_fen);
    hy.capitation_resident_yuan += to_yuan(resident_fee_fen);
    hy.public_health_yuan += f.annual_fee_yuan * f.public_health_share;
    hy.team_pay_yuan += f.annual_fee_yuan * f.team_pay_share;
  }
}

bool World::avoided_by_chronic_care(std::uint32_t person, std::uint64_t onset, double now) {
  const double reduction = scenario_.family_doctors.chronic_admission_reduction;
  if (reduction <= 0 || !contracted_[person] || !population_.has(person, person_flag::kChronic)) return false;
  // Thinning a Poisson stream keeps it Poisson: the managed resident's rate is × (1 − reduction).
  sim::RandomStream rng(family_key_, (std::uint64_t{1} << 40) | onset);
  if (!(rng.next_uniform() < reduction)) return false;
  const std::size_t unit = team_unit_of_region_[static_cast<std::size_t>(population_.region(person))];
  metrics_.hospital_years[unit][static_cast<std::size_t>(year_at(now))].avoided_admissions += 1;
  return true;
}

void World::primary_first(std::uint32_t person, std::vector<double>& p) const {
  const double utility = scenario_.family_doctors.primary_first_utility;
  if (utility == 0 || !contracted_[person]) return;
  const double factor = std::exp(utility);
  double sum = 0;
  for (std::size_t h = 0; h < p.size(); ++h) {
    if (scenario_.hospitals[h].tier == 1) p[h] *= factor;
    sum += p[h];
  }
  for (double& x : p) x /= sum;
}

std::size_t World::refer_and_gatekeep(std::uint32_t person, std::size_t hospital, std::size_t group, double now,
                                      float& ratio_adjustment) {
  const CaseGroup& g = scenario_.catalogue->group(group);
  const double threshold = scenario_.network.refer_up_weight;
  const bool severe = threshold > 0 && g.weight >= threshold;
  bool referred = false;
  if (network_on_ && severe && scenario_.hospitals[hospital].tier == 1) {
    const auto target = network_->refer_up_target(hospital);
    // Never into a hospital whose agreement with the fund is suspended.
    if (target && (!supervision_on_ || behaviour_[*target].contracted(now))) {
      metrics_.hospital_years[hospital][static_cast<std::size_t>(year_at(now))].referrals_up += 1;
      hospital = *target;
      referred = true;
    }
  }
  if (family_on_ && contracted_[person]) {
    const FamilyDoctorConfig& f = scenario_.family_doctors;
    // A contracted resident in a tier-2/3 bed was referred up by the primary unit, or went around it.
    if (referred) {
      ratio_adjustment = static_cast<float>(f.referred_ratio_bonus);
    } else if (scenario_.hospitals[hospital].tier > 1) {
      ratio_adjustment = static_cast<float>(-f.bypass_ratio_penalty);
    }
  }
  return hospital;
}

void World::refer_down(sim::Simulation& sim, const ActiveCase& c) {
  if (scenario_.hospitals[c.hospital].tier < 2) return;
  sim::RandomStream rng(referral_key_, c.entity, c.stay_kind);
  if (!(rng.next_uniform() < scenario_.network.refer_down_share)) return;
  const auto unit = network_->refer_down_target(c.hospital);
  if (!unit) return;
  const double t = sim.now() + kFollowUpDelayDays;
  if (t >= horizon_days_) return;
  sim.schedule(
      sim::make_event(t, event_kind::kFollowUp, static_cast<std::uint32_t>(*unit), c.person, event_priority::kOnset));
}

void World::on_follow_up(const sim::Event& e, sim::Simulation&) {
  const std::size_t unit = e.target;
  const auto person = static_cast<std::uint32_t>(e.payload);
  metrics_.hospital_years[unit][static_cast<std::size_t>(year_at(e.time_days))].referrals_down += 1;
  std::int64_t bill_fen = to_fen(scenario_.network.follow_up_cost_yuan * scenario_.hospitals[unit].cost_index);
  if (drugs_on_) {
    // A follow-up is an outpatient visit for the drug table too.
    outpatient_visits_this_month_[unit] += 1;
    if (procurement_on_) bill_fen = std::max<std::int64_t>(0, bill_fen + outpatient_drug_delta_fen_[unit]);
  }
  pay_outpatient_visit(unit, population_.scheme(person), population_.region(person), bill_fen, e.time_days);
}

void World::settle_alliances(int year) {
  const auto y = static_cast<std::size_t>(year);
  for (std::size_t a = 0; a < scenario_.alliances.size(); ++a) {
    const AllianceConfig& alliance = scenario_.alliances[a];
    RunMetrics::AllianceYear& out = metrics_.alliance_years[a * static_cast<std::size_t>(scenario_.horizon_years) + y];
    out.budget_yuan = alliance.per_capita_budget_yuan * alliance_insured_[a];
    for (std::size_t h : alliance.hospital_ids) {
      const HospitalYearMetrics& hy = metrics_.hospital_years[h][y];
      out.spending_yuan +=
          hy.inpatient_fund_yuan - hy.clawed_back_yuan + hy.outpatient_fund_yuan + hy.capitation_fund_yuan;
    }
    // The alliance keeps its share of an under-spend and bears its share of an overspend, through its lead.
    const double gap = out.budget_yuan - out.spending_yuan;
    out.settlement_yuan = gap >= 0 ? alliance.surplus_retention * gap : alliance.overspend_share * gap;
    const std::int64_t fen = to_fen(out.settlement_yuan);
    const std::size_t lead = alliance.hospital_ids.front();
    // Paid from (or back to) the funds of the alliance's own insured: its regions and their schemes.
    ledger_.claim(lead, fen);
    const std::vector<std::int64_t> by_scheme = split_fen(fen, alliance_by_scheme_[a]);
    for (std::size_t u = 0; u < by_scheme.size(); ++u) schemes_.claim(u, lead, by_scheme[u], false);
    const std::vector<std::int64_t> by_region = split_fen(fen, alliance_by_region_[a]);
    for (std::size_t u = 0; u < by_region.size(); ++u) regions_.claim(u, lead, by_region[u], false);
    hospital_revenue_fen_[lead] += fen;
    metrics_.hospital_years[lead][y].revenue_yuan += to_yuan(fen);
  }
}

}  // namespace reformsim::agents
