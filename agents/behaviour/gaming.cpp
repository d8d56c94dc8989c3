#include "agents/behaviour/gaming.hpp"

namespace reformsim::agents {

Claim claim_of(const CaseFacts& c, double patient_share_yuan) {
  Claim claim;
  claim.group = c.group;
  claim.tier = c.tier;
  claim.total_cost_yuan = c.bill_yuan;
  claim.patient_share_yuan = patient_share_yuan;
  claim.los_days = c.los_days;
  return claim;
}

namespace {

constexpr int kChargeSteps = 10;

void keep_better(std::optional<CodingChoice>& best, const CodingChoice& candidate) {
  if (candidate.gain_yuan > 0 && (!best || candidate.gain_yuan > best->gain_yuan)) best = candidate;
}

CodingChoice recoded(const CaseFacts& truth, Violation v, std::size_t group, const PaymentRule& rule, double honest) {
  CodingChoice c;
  c.violation = v;
  c.submitted = truth;
  c.submitted.group = group;
  c.gain_yuan = hospital_revenue(rule, c.submitted) - honest;
  return c;
}

// The smallest added charge that moves the case across a settlement threshold; under a rule without thresholds
// (items), the smallest step, since every yuan charged is paid.
std::optional<CodingChoice> violating_charges(const CaseFacts& truth, const PaymentRule& rule,
                                              const BehaviourConfig& config, double honest) {
  const SettlementType honest_type = rule.settle(claim_of(truth)).type;
  std::optional<CodingChoice> first_gain;
  for (int k = 1; k <= kChargeSteps; ++k) {
    CodingChoice c;
    c.violation = Violation::ViolatingCharges;
    c.extra_charge_yuan = truth.bill_yuan * config.max_extra_charge_share * k / kChargeSteps;
    c.submitted = truth;
    c.submitted.bill_yuan += c.extra_charge_yuan;
    const Settlement s = rule.settle(claim_of(c.submitted));
    c.gain_yuan = s.settlement_yuan - honest;
    if (!(c.gain_yuan > 0)) continue;
    if (s.type != honest_type) return c;
    if (!first_gain) first_gain = c;
  }
  return first_gain;
}

// `kept_share` of the shifted part still reaches the hospital (outpatient or self-pay bills); a pharmacy's sale
// does not, but the hospital saves what dispensing it would have cost.
CodingChoice shifted(const CaseFacts& truth, Violation v, const PaymentRule& rule, const BehaviourConfig& config,
                     double honest, double kept_share) {
  CodingChoice c;
  c.violation = v;
  c.shifted_yuan = truth.bill_yuan * config.cost_shift_share;
  c.submitted = truth;
  c.submitted.bill_yuan -= c.shifted_yuan;
  c.gain_yuan = hospital_revenue(rule, c.submitted) + kept_share * c.shifted_yuan - honest;
  return c;
}

}  // namespace

double hospital_revenue(const PaymentRule& rule, const CaseFacts& c) {
  return rule.settle(claim_of(c)).settlement_yuan;
}

std::optional<CodingChoice> best_coding_violation(const CaseFacts& truth, const PaymentRule& rule,
                                                  const GroupTargets& targets, const BehaviourConfig& config,
                                                  const PerViolation<bool>& attempted, double cost_to_charge_ratio) {
  const double honest = hospital_revenue(rule, truth);
  std::optional<CodingChoice> best;
  auto tried = [&](Violation v) { return attempted[index_of(v)]; };
  if (tried(Violation::UpcodingMainDiagnosis) && targets.upcode_main) {
    keep_better(best, recoded(truth, Violation::UpcodingMainDiagnosis, *targets.upcode_main, rule, honest));
  }
  if (tried(Violation::UpcodingSecondaryDiagnosis) && targets.upcode_secondary) {
    keep_better(best, recoded(truth, Violation::UpcodingSecondaryDiagnosis, *targets.upcode_secondary, rule, honest));
  }
  if (tried(Violation::DowncodingHighMultiple)) {
    for (std::uint32_t g : targets.downcode) {
      const CodingChoice c = recoded(truth, Violation::DowncodingHighMultiple, g, rule, honest);
      // Only the high-multiple route counts as this violation: a lighter group paid normally would lose money.
      if (rule.settle(claim_of(c.submitted)).type == SettlementType::HighMultiple) keep_better(best, c);
    }
  }
  if (tried(Violation::DeliberateAmbiguity) && targets.qy) {
    keep_better(best, recoded(truth, Violation::DeliberateAmbiguity, *targets.qy, rule, honest));
  }
  if (tried(Violation::ViolatingCharges)) {
    if (auto c = violating_charges(truth, rule, config, honest)) keep_better(best, *c);
  }
  if (tried(Violation::CostShiftingOutpatient)) {
    keep_better(best, shifted(truth, Violation::CostShiftingOutpatient, rule, config, honest, 1.0));
  }
  if (tried(Violation::CostShiftingSelfPay)) {
    keep_better(best, shifted(truth, Violation::CostShiftingSelfPay, rule, config, honest, 1.0));
  }
  if (tried(Violation::CostShiftingPharmacy)) {
    keep_better(best, shifted(truth, Violation::CostShiftingPharmacy, rule, config, honest, cost_to_charge_ratio));
  }
  return best;
}

SplitStays split_stays(const CaseFacts& truth, const PaymentRule& rule, const GroupTargets& targets,
                       const BehaviourConfig& config, bool repeat) {
  SplitStays s;
  const double share = config.split_first_stay_share;
  s.first = truth;
  s.first.bill_yuan = truth.bill_yuan * share;
  s.first.los_days = truth.los_days * share;
  s.second = truth;
  s.second.bill_yuan = truth.bill_yuan - s.first.bill_yuan;
  s.second.los_days = truth.los_days - s.first.los_days;
  if (repeat) {
    // Readmitted "for something else": another diagnosis of the same MDC, heavier if there is one.
    if (targets.upcode_main) {
      s.second.group = *targets.upcode_main;
    } else if (targets.upcode_secondary) {
      s.second.group = *targets.upcode_secondary;
    } else if (!targets.downcode.empty()) {
      s.second.group = targets.downcode.front();
    }
  }
  s.gain_yuan = hospital_revenue(rule, s.first) + hospital_revenue(rule, s.second) - hospital_revenue(rule, truth);
  return s;
}

CaseFacts phantom_stay(const CaseFacts& truth, const BehaviourConfig& config, double los_linked_cost_share) {
  CaseFacts c = truth;
  const double daily_charge = truth.los_days > 0 ? truth.bill_yuan * los_linked_cost_share / truth.los_days : 0.0;
  c.los_days += config.phantom_bed_days;
  c.bill_yuan += daily_charge * config.phantom_bed_days;
  return c;
}

}  // namespace reformsim::agents
