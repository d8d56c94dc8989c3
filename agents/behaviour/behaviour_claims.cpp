// Provider behaviour at discharge: the claim as coded, and what a violating claim cost the fund — re-settle it
// without the violation, with the same patient share, and compare — with the money of shifted care and the second
// stay of a split.
#include <algorithm>

#include "agents/behaviour/provider_behaviour.hpp"
#include "agents/world/event_kinds.hpp"

namespace reformsim::agents {

namespace {

constexpr std::uint64_t kCodingDraws = 2;  // substream of a case's behaviour stream

}  // namespace

std::optional<CodingChoice> ProviderBehaviour::code_claim(const ActiveCase& c, const CaseFacts& truth) {
  if (c.stay_kind != stay_kind::kOrdinary) return std::nullopt;
  PerViolation<bool> attempted{};
  bool any = false;
  sim::RandomStream rng(key_, c.entity, kCodingDraws);
  for (const Violation v :
       {Violation::UpcodingMainDiagnosis, Violation::UpcodingSecondaryDiagnosis, Violation::DowncodingHighMultiple,
        Violation::DeliberateAmbiguity, Violation::ViolatingCharges, Violation::CostShiftingOutpatient,
        Violation::CostShiftingSelfPay, Violation::CostShiftingPharmacy}) {
    // One draw per type whatever its propensity, so a type reaching zero leaves the others' draws alone.
    const double u = rng.next_uniform();
    attempted[index_of(v)] = u < effective_propensity(c.hospital, c.doctor, v);
    any = any || attempted[index_of(v)];
  }
  if (!any) return std::nullopt;
  return best_coding_violation(truth, payment_.rule(c.hospital), code_targets_->of(c.group), run_.scenario.behaviour,
                               attempted, run_.scenario.hospitals[c.hospital].cost_to_charge_ratio);
}

Settlement ProviderBehaviour::resettled(std::size_t hospital, const CaseFacts& facts, const PaidClaim& paid) const {
  Claim claim = claim_of(facts, paid.patient_share_yuan);
  claim.special_case_allowed = paid.special_case_allowed;
  return payment_.rule(hospital).settle(claim);
}

void ProviderBehaviour::on_claim_paid(sim::Simulation& sim, ClaimOutcome& claim) {
  const double now = sim.now();
  const ActiveCase& c = claim.c;
  const PaidClaim& paid = claim.paid;
  const double fund_yuan = to_yuan(paid.fund_fen);
  const double points = paid.settlement.points * paid.settlement.coefficient;
  double gain = c.planned_gain_yuan;
  auto excess_over_truth = [&](const CaseFacts& truth) {
    const Settlement as_submitted = resettled(c.hospital, claim.submitted, paid),
                     corrected = resettled(c.hospital, truth, paid);
    claim.loss_yuan = as_submitted.fund_payment_yuan - corrected.fund_payment_yuan;
    claim.excess_points = as_submitted.points * as_submitted.coefficient - corrected.points * corrected.coefficient;
  };
  switch (c.stay_kind) {
    case stay_kind::kSplitFirst: {
      SplitRecord& r = splits_[c.split_record];
      r.first_fund_yuan = fund_yuan;
      r.first_patient_share_yuan = paid.patient_share_yuan;
      r.first_points = points;
      sim.schedule(sim::make_event(now + r.gap_days, event_kind::kReadmission, c.hospital, c.split_record,
                                   event_priority::kOnset));
      return;  // the violation is recorded when the second stay ends; this claim looks honest
    }
    case stay_kind::kSplitSecond: {
      const SplitRecord& r = splits_[c.split_record];
      PaidClaim merged = paid;
      merged.patient_share_yuan = r.first_patient_share_yuan + paid.patient_share_yuan;
      const Settlement as_one = resettled(c.hospital, r.truth, merged);
      claim.violation = r.violation;
      claim.loss_yuan = r.first_fund_yuan + fund_yuan - as_one.fund_payment_yuan;
      claim.excess_points = r.first_points + points - as_one.points * as_one.coefficient;
      gain = r.gain_yuan;
      break;
    }
    case stay_kind::kLowIndication:
      claim.violation = Violation::LowIndicationAdmission;
      claim.loss_yuan = fund_yuan - c.outpatient_fund_yuan;
      claim.excess_points = points;
      break;
    case stay_kind::kPhantom:
      claim.violation = Violation::PhantomBeds;
      excess_over_truth(claim.truth);
      break;
    default:
      if (claim.coding) {
        claim.violation = claim.coding->violation;
        gain = claim.coding->gain_yuan;
        excess_over_truth(claim.truth);
        pay_shifted(c, *claim.coding, now, claim.loss_yuan);
      }
  }
  if (claim.violation) record_violation(c, *claim.violation, claim.loss_yuan, gain, now);
}

void ProviderBehaviour::pay_shifted(const ActiveCase& c, const CodingChoice& coding, double now, double& loss_yuan) {
  MonthMetrics& month = run_.month_at(now);
  if (coding.violation == Violation::CostShiftingPharmacy) {
    // Bought by the patient at a pharmacy outside the fund's books: the hospital saves the drugs' cost.
    month.shifted_to_patients_yuan += coding.shifted_yuan;
    month.shifted_yuan += coding.shifted_yuan;
    run_.hospital_year_at(c.hospital, now).cost_yuan -=
        coding.shifted_yuan * run_.scenario.hospitals[c.hospital].cost_to_charge_ratio;
    return;
  }
  if (!(coding.shifted_yuan > 0)) return;
  // The shifted part is paid outside the claim: as outpatient visits (fund ratio) or by the patient.
  const Scheme scheme = c.patient_scheme();
  const std::int64_t shifted_fen = to_fen(coding.shifted_yuan);
  std::int64_t fund_fen = 0;
  if (coding.violation == Violation::CostShiftingOutpatient) {
    fund_fen = to_fen(coding.shifted_yuan * run_.scenario.benefits.outpatient_ratio[scheme]);
    month.outpatient_fund_yuan += to_yuan(fund_fen);
  }
  books_.pay_for_care(c.hospital, scheme, c.region, fund_fen, shifted_fen - fund_fen, false, run_.year_at(now));
  month.shifted_to_patients_yuan += to_yuan(shifted_fen - fund_fen);
  month.shifted_yuan += to_yuan(shifted_fen);
  loss_yuan += to_yuan(fund_fen);
}

void ProviderBehaviour::record_violation(const ActiveCase& c, Violation v, double loss_yuan, double gain_yuan,
                                         double now) {
  SupervisionCell& cell = run_.metrics.supervision_at(c.hospital, run_.month_of(now));
  cell.violations[index_of(v)] += 1;
  cell.loss_yuan[index_of(v)] += loss_yuan;
  hospitals_[c.hospital].year[index_of(v)].gain_yuan += gain_yuan;
}

}  // namespace reformsim::agents
