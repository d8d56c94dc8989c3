// Inpatient care: illness onset → case draw → provider choice → bed (or queue / diversion) → discharge →
// cost sharing and settlement under the payment rule in force. Provider behaviour hooks in at onset (patient
// selection, treatment intensity), admission (doctor, split stays, phantom beds) and discharge (coding).
#include <algorithm>
#include <cmath>

#include "agents/world/event_kinds.hpp"
#include "agents/world/random_purposes.hpp"
#include "agents/world/world.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

namespace {

// A multiplicative noise with mean 1 and the given coefficient of variation.
double unit_noise(sim::RandomStream& rng, double cv, LosDistribution shape) {
  if (shape == LosDistribution::Exponential) return sim::exponential(rng, 1.0);
  if (cv <= 0) return 1.0;
  return shape == LosDistribution::Gamma ? sim::gamma_mean_cv(rng, 1.0, cv) : sim::lognormal_mean_cv(rng, 1.0, cv);
}

constexpr double kReadmissionIndicatorDays = 7;

}  // namespace

void World::on_admission_onset(const sim::Event& e, sim::Simulation& sim) {
  if (e.flags != admission_generation_) return;  // drawn at a rate no longer in force
  const std::uint32_t person = e.target;
  const std::uint64_t onset = e.payload;
  schedule_admission_onset(sim, e.time_days);
  if (family_on_ && avoided_by_chronic_care(person, onset, e.time_days)) return;

  // The case: drawn from the person's own stream, so it is the same in every policy arm.
  sim::RandomStream case_rng(case_key_, onset);
  const std::size_t group = group_table_.sample(case_rng);
  const CaseGroup& g = scenario_.catalogue->group(group);
  const double los_noise = unit_noise(case_rng, g.los_cv, scenario_.case_mix.los_distribution);
  const double cost_noise = unit_noise(case_rng, g.cost_cv, LosDistribution::Lognormal);

  const Scheme scheme = population_.scheme(person);
  choice_.inpatient_probabilities(group, scheme, population_.region(person), usage_[person], scratch_probabilities_);
  if (family_on_) primary_first(person, scratch_probabilities_);
  sim::RandomStream choice_rng(choice_key_, onset);
  std::size_t hospital = pick(scratch_probabilities_, choice_rng.next_uniform());
  const double divert_draw = choice_rng.next_uniform();
  if (supervision_on_ && !behaviour_[hospital].contracted(e.time_days)) {
    hospital = contracted_alternative(hospital, choice_rng.next_uniform(), e.time_days);
  }

  MonthMetrics& month = month_at(e.time_days);
  if (!hospitals_[hospital].has_free_bed() && scenario_.hospitals[hospital].when_full == WhenFull::Divert) {
    scratch_allowed_.assign(hospitals_.size(), 0);
    for (std::size_t h = 0; h < hospitals_.size(); ++h) {
      scratch_allowed_[h] = hospitals_[h].has_free_bed() && (!supervision_on_ || behaviour_[h].contracted(e.time_days));
    }
    const std::size_t alternative = pick(scratch_probabilities_, divert_draw, &scratch_allowed_);
    if (alternative < hospitals_.size()) {
      metrics_.hospital_years[hospital][static_cast<std::size_t>(year_at(e.time_days))].diversions += 1;
      month.diversions += 1;
      hospital = alternative;
    }
  }

  const double share = scenario_.case_mix.los_linked_cost_share;
  const double technology = years_[static_cast<std::size_t>(year_at(e.time_days))].group_cost_factor[group];
  auto admission_at = [&](std::size_t h) {
    const HospitalConfig& hc = scenario_.hospitals[h];
    PendingAdmission a;
    a.person = person;
    a.onset = static_cast<std::uint32_t>(onset);
    a.group = static_cast<std::uint32_t>(group);
    a.los_days = static_cast<float>(g.mean_los_days * hc.los_index * los_noise);
    a.bill_yuan = static_cast<float>(g.mean_cost_yuan * hc.cost_index * technology *
                                     ((1.0 - share) + share * los_noise) * cost_noise);
    a.arrival_days = e.time_days;
    return a;
  };
  float ratio_adjustment = 0;
  if (network_on_ || family_on_) hospital = refer_and_gatekeep(person, hospital, group, e.time_days, ratio_adjustment);
  PendingAdmission a = admission_at(hospital);
  if (behaviour_on_) {
    const std::size_t accepted = select_patient(hospital, a, e.time_days);
    if (accepted != hospital) a = admission_at(hospital = accepted);
    const double intensity = behaviour_[hospital].intensity[group];
    if (intensity != 1.0) {
      a.bill_yuan = static_cast<float>(a.bill_yuan * intensity);
      a.los_days = static_cast<float>(a.los_days * std::pow(intensity, scenario_.behaviour.strategy.los_elasticity));
    }
  }
  a.ratio_adjustment = ratio_adjustment;
  if (drugs_on_) {
    const double drug_delta = inpatient_drug_use(hospital, group);
    // A cheaper drug cannot make the stay free: the rest of the bill stays.
    if (drug_delta != 0) a.bill_yuan = static_cast<float>(std::max(0.1 * a.bill_yuan, a.bill_yuan + drug_delta));
  }
  if (hospitals_[hospital].has_free_bed()) {
    admit(sim, hospital, a);
  } else {
    hospitals_[hospital].advance(e.time_days);
    hospitals_[hospital].waiting.push_back(a);
  }
}

void World::admit(sim::Simulation& sim, std::size_t hospital, const PendingAdmission& a) {
  HospitalState& h = hospitals_[hospital];
  h.advance(sim.now());
  h.occupied += 1;
  ActiveCase c;
  c.person = a.person;
  c.group = a.group;
  c.hospital = static_cast<std::uint32_t>(hospital);
  if (supervision_on_) {
    c.doctor = assign_doctor(hospital, sim.now());
  } else {
    c.doctor = h.next_doctor;
    h.next_doctor = (h.next_doctor + 1) % static_cast<std::uint32_t>(h.doctors);
  }
  // The second stay of a split is the splitting doctor's: the violation and its penalty are theirs.
  if (a.stay_kind == stay_kind::kSplitSecond) c.doctor = splits_[a.split_record].doctor;
  c.los_days = c.true_los_days = a.los_days;
  c.bill_yuan = c.true_bill_yuan = a.bill_yuan;
  c.stay_kind = a.stay_kind;
  c.split_record = a.split_record;
  c.outpatient_fund_yuan = a.outpatient_fund_yuan;
  c.ratio_adjustment = a.ratio_adjustment;
  c.entity = a.stay_kind == stay_kind::kLowIndication ? (std::uint64_t{1} << 40) | a.onset : a.onset;
  MonthMetrics& month = month_at(sim.now());
  const double since_discharge = sim.now() - last_discharge_day_[a.person];
  if (since_discharge <= kReadmissionIndicatorDays) month.readmissions_7d += 1;
  if (supervision_on_ && since_discharge <= scenario_.supervision.readmission_window_days &&
      scenario_.supervision.readmission_screened_share > 0) {
    sim::RandomStream rng(supervision_key_, c.entity, 1 + a.stay_kind);
    c.readmission_flagged = sim::bernoulli(rng, scenario_.supervision.readmission_screened_share);
  }
  if (behaviour_on_ && c.stay_kind == stay_kind::kOrdinary) plan_stay(c, sim.now());
  std::uint32_t slot;
  if (free_slots_.empty()) {
    slot = static_cast<std::uint32_t>(active_.size());
    active_.push_back(c);
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
    active_[slot] = c;
  }
  month.admissions += 1;
  const double wait = sim.now() - a.arrival_days;
  month.wait_days_sum += wait;
  if (wait > 0) month.waited_admissions += 1;
  HospitalYearMetrics& hy = metrics_.hospital_years[hospital][static_cast<std::size_t>(year_at(sim.now()))];
  hy.admissions += 1;
  hy.wait_days_sum += wait;
  sim.schedule(sim::make_event(sim.now() + c.los_days, event_kind::kDischarge, slot, slot, event_priority::kDischarge));
}

World::PaidClaim World::pay_inpatient_claim(const ActiveCase& c, const CaseFacts& submitted) {
  const HospitalConfig& hc = scenario_.hospitals[c.hospital];
  const Scheme scheme = population_.scheme(c.person);
  BenefitYearUsage& usage = usage_[c.person];
  const InpatientShare share =
      inpatient_share(scenario_.benefits, scheme, hc.tier, submitted.bill_yuan, usage, c.ratio_adjustment);
  PaidClaim paid;
  Claim claim;
  claim.group = submitted.group;
  claim.tier = hc.tier;
  claim.total_cost_yuan = submitted.bill_yuan;
  claim.patient_share_yuan = share.patient_share_yuan;
  claim.los_days = submitted.los_days;
  claim.special_case_allowed = special_cases_used_[c.hospital] < special_case_quota_;
  paid.special_case_allowed = claim.special_case_allowed;
  paid.settlement = rule_->settle(claim);
  paid.patient_share_yuan = share.patient_share_yuan;
  const Settlement& s = paid.settlement;
  if (s.type == SettlementType::SpecialCase) special_cases_used_[c.hospital] += 1;
  dip_points_[c.hospital] += s.points * s.coefficient;
  usage.deductible_paid_yuan += share.deductible_applied_yuan;
  usage.fund_paid_yuan += s.fund_payment_yuan;

  paid.fund_fen = to_fen(s.fund_payment_yuan);
  paid.patient_fen = to_fen(s.patient_share_yuan);
  ledger_.claim(c.hospital, paid.fund_fen);
  schemes_.claim(static_cast<std::size_t>(scheme), c.hospital, paid.fund_fen, true);
  regions_.claim(static_cast<std::size_t>(population_.region(c.person)), c.hospital, paid.fund_fen, true);
  ledger_.patient_pays(c.hospital, paid.patient_fen);
  hospital_revenue_fen_[c.hospital] += paid.fund_fen + paid.patient_fen;
  return paid;
}

double World::resettled_fund_yuan(const CaseFacts& facts, const PaidClaim& paid) const {
  return resettled(facts, paid).fund_payment_yuan;
}

double World::resettled_points(const CaseFacts& facts, const PaidClaim& paid) const {
  const Settlement s = resettled(facts, paid);
  return s.points * s.coefficient;
}

Settlement World::resettled(const CaseFacts& facts, const PaidClaim& paid) const {
  Claim claim;
  claim.group = facts.group;
  claim.tier = facts.tier;
  claim.total_cost_yuan = facts.bill_yuan;
  claim.patient_share_yuan = paid.patient_share_yuan;
  claim.los_days = facts.los_days;
  claim.special_case_allowed = paid.special_case_allowed;
  return rule_->settle(claim);
}

void World::record_discharge(const ActiveCase& c, const CaseFacts& submitted, const PaidClaim& paid, double now) {
  const HospitalConfig& hc = scenario_.hospitals[c.hospital];
  const Settlement& s = paid.settlement;
  const double bill = submitted.bill_yuan;
  if (case_sink_) case_sink_->push_back({submitted.group, bill});
  const int year = year_at(now);
  const CaseGroup& g = scenario_.catalogue->group(submitted.group);
  MonthMetrics& month = month_at(now);
  month.discharges += 1;
  month.los_days_sum += submitted.los_days;
  month.bill_yuan_sum += bill;
  month.patient_share_yuan_sum += s.patient_share_yuan;
  month.settlement_yuan_sum += s.settlement_yuan;
  month.inpatient_fund_yuan += to_yuan(paid.fund_fen);
  month.weight_sum += g.weight;
  if (submitted.los_days > 30) month.los_over_30_days += 1;
  const CaseGroup& true_group = scenario_.catalogue->group(c.group);
  if (true_group.basic) {
    month.basic_group_cases += 1;
    if (hc.tier == 3) month.basic_group_cases_tertiary += 1;
  }
  if (true_group.weight < scenario_.behaviour.low_risk_weight_below) {
    const double intensity = behaviour_on_ ? behaviour_[c.hospital].intensity[c.group] : 1.0;
    month.mortality_proxy += scenario_.behaviour.low_risk_mortality *
                             (1.0 + scenario_.behaviour.mortality_intensity_elasticity * (1.0 - intensity));
  }
  HospitalYearMetrics& hy = metrics_.hospital_years[c.hospital][static_cast<std::size_t>(year)];
  hy.cases += 1;
  hy.weight_sum += g.weight;
  hy.los_days_sum += submitted.los_days;
  hy.bill_yuan_sum += bill;
  hy.settlement_yuan_sum += s.settlement_yuan;
  if (s.type == SettlementType::SpecialCase) {
    hy.special_cases += 1;
    hy.special_case_yuan += s.settlement_yuan;
  }
  hy.revenue_yuan += to_yuan(paid.fund_fen + paid.patient_fen);
  hy.inpatient_fund_yuan += to_yuan(paid.fund_fen);
  // True cost: added charges and phantom days cost nothing; shifted care is still delivered here.
  hy.cost_yuan += c.true_bill_yuan * hc.cost_to_charge_ratio;
  GroupMetrics& gm = metrics_.groups[submitted.group];
  gm.cases += 1;
  gm.bill_yuan_sum += bill;
  gm.settlement_yuan_sum += s.settlement_yuan;
  gm.fund_yuan_sum += to_yuan(paid.fund_fen);
  metrics_.settlement_type_counts[static_cast<std::size_t>(year)][static_cast<std::size_t>(s.type)] += 1;
  metrics_.hospital_group_years_add(year, c.hospital, submitted.group, submitted.los_days, bill, s.settlement_yuan);
  CellSums& truth = metrics_.hospital_group_year(year, c.hospital, c.group);
  truth.true_cases += 1;
  truth.true_settlement_yuan_sum += s.settlement_yuan;
  truth.true_bill_yuan_sum += c.true_bill_yuan;
}

void World::on_discharge(const sim::Event& e, sim::Simulation& sim) {
  const auto slot = static_cast<std::uint32_t>(e.payload);
  const ActiveCase c = active_[slot];
  active_[slot].hospital = ActiveCase::kFreeSlot;
  free_slots_.push_back(slot);
  HospitalState& h = hospitals_[c.hospital];
  h.advance(sim.now());
  h.occupied -= 1;
  last_discharge_day_[c.person] = static_cast<float>(sim.now());

  const int tier = scenario_.hospitals[c.hospital].tier;
  const CaseFacts truth{c.group, tier, c.true_bill_yuan, c.true_los_days};
  CaseFacts submitted{c.group, tier, c.bill_yuan, c.los_days};
  std::optional<CodingChoice> coding;
  if (behaviour_on_ && c.stay_kind == stay_kind::kOrdinary) coding = choose_coding(c, truth);
  if (coding) submitted = coding->submitted;
  const PaidClaim paid = pay_inpatient_claim(c, submitted);
  record_discharge(c, submitted, paid, sim.now());
  if (behaviour_on_ || supervision_on_) after_discharge(sim, c, truth, coding, paid);
  if (network_on_ && scenario_.network.refer_down_share > 0) refer_down(sim, c);

  if (!h.waiting.empty()) {
    const PendingAdmission next = h.waiting.front();
    h.waiting.pop_front();
    admit(sim, c.hospital, next);
  }
}

}  // namespace reformsim::agents
