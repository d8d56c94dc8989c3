// The way out: discharge, the claim as coded, cost sharing and settlement under the rule in force, the postings, the
// records of the case, and the next patient in the queue.
#include <optional>

#include "agents/hospitals/inpatient_care.hpp"

namespace reformsim::agents {

void InpatientCare::on_discharge_event(const sim::Event& e, sim::Simulation& sim) {
  const double now = sim.now();
  const auto slot = static_cast<std::uint32_t>(e.payload);
  const ActiveCase c = active_[slot];
  active_[slot].hospital = ActiveCase::kFreeSlot;
  free_slots_.push_back(slot);
  HospitalState& h = hospitals_[c.hospital];
  h.advance(now);
  h.occupied -= 1;
  last_discharge_day_[c.person] = static_cast<float>(now);

  const int tier = run_.scenario.hospitals[c.hospital].tier;
  const CaseFacts truth{c.group, tier, c.true_bill_yuan, c.true_los_days};
  CaseFacts submitted{c.group, tier, c.bill_yuan, c.los_days};
  std::optional<CodingChoice> coding;
  for (Component* k : hooks_.code_claim) {
    if (!coding) coding = k->code_claim(c, truth);
  }
  if (coding) submitted = coding->submitted;
  const PaidClaim paid = pay_claim(c, submitted, run_.year_at(now));
  record_discharge(c, submitted, paid, now);
  ClaimOutcome outcome{c, truth, submitted, coding, paid, std::nullopt, 0.0, 0.0};
  for (Component* k : hooks_.claim_paid) k->on_claim_paid(sim, outcome);
  for (Component* k : hooks_.discharge) k->on_discharge(sim, c);

  if (!h.waiting.empty() && h.has_free_bed()) {
    const PendingAdmission next = h.waiting.front();
    h.waiting.pop_front();
    admit(sim, c.hospital, next);
  }
}

PaidClaim InpatientCare::pay_claim(const ActiveCase& c, const CaseFacts& submitted, int year) {
  const HospitalConfig& hc = run_.scenario.hospitals[c.hospital];
  const Scheme scheme = c.patient_scheme();
  BenefitYearUsage& usage = usage_[c.person];
  const InpatientShare share =
      inpatient_share(run_.scenario.benefits, scheme, hc.tier, submitted.bill_yuan, usage, c.ratio_adjustment);
  PaidClaim paid;
  Claim claim = claim_of(submitted, share.patient_share_yuan);
  paid.settlement = payment_.rule(c.hospital).pay(claim, c.hospital);
  paid.special_case_allowed = claim.special_case_allowed;
  paid.patient_share_yuan = share.patient_share_yuan;
  const Settlement& s = paid.settlement;
  usage.deductible_paid_yuan += share.deductible_applied_yuan;
  usage.fund_paid_yuan += s.fund_payment_yuan;
  paid.fund_fen = to_fen(s.fund_payment_yuan);
  paid.patient_fen = to_fen(s.patient_share_yuan);
  books_.pay_for_care(c.hospital, scheme, c.region, paid.fund_fen, paid.patient_fen, true, year);
  return paid;
}

void InpatientCare::record_discharge(const ActiveCase& c, const CaseFacts& submitted, const PaidClaim& paid,
                                     double now) {
  const HospitalConfig& hc = run_.scenario.hospitals[c.hospital];
  const Settlement& s = paid.settlement;
  const double bill = submitted.bill_yuan;
  const int year = run_.year_at(now);
  const CaseGroup& g = run_.scenario.catalogue->group(submitted.group);
  RunMetrics& metrics = run_.metrics;
  MonthMetrics& month = run_.month_at(now);
  month.discharges += 1;
  month.los_days_sum += submitted.los_days;
  month.bill_yuan_sum += bill;
  month.patient_share_yuan_sum += s.patient_share_yuan;
  month.settlement_yuan_sum += s.settlement_yuan;
  month.inpatient_fund_yuan += to_yuan(paid.fund_fen);
  month.weight_sum += g.weight;
  if (submitted.los_days > 30) month.los_over_30_days += 1;
  const CaseGroup& true_group = run_.scenario.catalogue->group(c.group);
  if (true_group.basic) {
    month.basic_group_cases += 1;
    if (hc.tier == 3) month.basic_group_cases_tertiary += 1;
  }
  const BehaviourConfig& behaviour = run_.scenario.behaviour;
  if (true_group.weight < behaviour.low_risk_weight_below) {
    // The mortality proxy rises as cost control cuts the intensity of low-risk care.
    const double intensity = intensity_[c.hospital][c.group];
    month.mortality_proxy +=
        behaviour.low_risk_mortality * (1.0 + behaviour.mortality_intensity_elasticity * (1.0 - intensity));
  }
  HospitalYearMetrics& hy = metrics.hospital_years[c.hospital][static_cast<std::size_t>(year)];
  hy.cases += 1;
  hy.weight_sum += g.weight;
  hy.los_days_sum += submitted.los_days;
  hy.bill_yuan_sum += bill;
  hy.patient_share_yuan_sum += s.patient_share_yuan;
  hy.settlement_yuan_sum += s.settlement_yuan;
  if (s.type == SettlementType::SpecialCase) {
    hy.special_cases += 1;
    hy.special_case_yuan += s.settlement_yuan;
  }
  hy.inpatient_fund_yuan += to_yuan(paid.fund_fen);
  // True cost: added charges and phantom days cost nothing; shifted care is still delivered here.
  hy.cost_yuan += c.true_bill_yuan * hc.cost_to_charge_ratio;
  GroupMetrics& gm = metrics.groups[submitted.group];
  gm.cases += 1;
  gm.bill_yuan_sum += bill;
  gm.settlement_yuan_sum += s.settlement_yuan;
  gm.fund_yuan_sum += to_yuan(paid.fund_fen);
  metrics.settlement_type_counts[static_cast<std::size_t>(year)][static_cast<std::size_t>(s.type)] += 1;
  metrics.hospital_group_years_add(year, c.hospital, submitted.group, submitted.los_days, bill, s.settlement_yuan);
  CellSums& truth = metrics.hospital_group_year(year, c.hospital, c.group);
  truth.true_cases += 1;
  truth.true_settlement_yuan_sum += s.settlement_yuan;
  truth.true_bill_yuan_sum += c.true_bill_yuan;
}

}  // namespace reformsim::agents
