#pragma once
// The doctor's side of each violation mechanism: for a true case, what the dishonest version
// would be and what it would gain the hospital under the payment rule in force. A violation is only committed
// when it pays, so FFS leaves no reason to up-code and the switch to DRG/DIP creates one. Pure functions: the
// World draws whether a doctor tries, these say what trying means.
#include <cstddef>
#include <optional>

#include "agents/behaviour/behaviour_config.hpp"
#include "agents/behaviour/code_targets.hpp"
#include "agents/behaviour/violation.hpp"
#include "agents/payment/payment_rule.hpp"

namespace reformsim::agents {

/// What is true of a case: its group, the hospital's tier, the itemised bill and the stay.
struct CaseFacts {
  std::size_t group = 0;
  int tier = 1;
  double bill_yuan = 0;
  double los_days = 0;
};

/// The claim a case's facts make; `patient_share_yuan` is what the benefit rules leave to the patient.
Claim claim_of(const CaseFacts& c, double patient_share_yuan = 0);

/// The hospital's revenue from a case: the settlement (fund payment + patient share), special-case review aside.
double hospital_revenue(const PaymentRule& rule, const CaseFacts& c);

/// A dishonest claim chosen at discharge.
struct CodingChoice {
  Violation violation = Violation::UpcodingMainDiagnosis;
  CaseFacts submitted;           ///< the claim as submitted
  double extra_charge_yuan = 0;  ///< violating charges added to the bill
  double shifted_yuan = 0;       ///< bill moved out of the claim (to outpatient visits, self-pay or a pharmacy)
  double gain_yuan = 0;          ///< extra hospital revenue over the honest claim
};

/// The coding, charging or shifting violation with the largest gain among those `attempted`; none pays → nullopt.
/// Gains are in profit: revenue, plus the cost of drugs the hospital no longer dispenses (true cost = bill ×
/// `cost_to_charge_ratio`).
std::optional<CodingChoice> best_coding_violation(const CaseFacts& truth, const PaymentRule& rule,
                                                  const GroupTargets& targets, const BehaviourConfig& config,
                                                  const PerViolation<bool>& attempted, double cost_to_charge_ratio);

/// The two stays of a split (or repeat) admission.
struct SplitStays {
  CaseFacts first, second;
  double gain_yuan = 0;  ///< revenue of both stays − revenue of the merged stay
};

/// Splits a stay at `config.split_first_stay_share`; a repeat admission codes its second stay to another group.
SplitStays split_stays(const CaseFacts& truth, const PaymentRule& rule, const GroupTargets& targets,
                       const BehaviourConfig& config, bool repeat);

/// The bill of a phantom-bed stay: the LOS-linked part of the daily charge keeps running for the extra days.
CaseFacts phantom_stay(const CaseFacts& truth, const BehaviourConfig& config, double los_linked_cost_share);

}  // namespace reformsim::agents
