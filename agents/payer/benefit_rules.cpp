#include "agents/payer/benefit_rules.hpp"

#include <algorithm>

namespace reformsim::agents {

InpatientShare inpatient_share(const BenefitConfig& benefits, Scheme scheme, int tier, double total_cost_yuan,
                               const BenefitYearUsage& usage) {
  return inpatient_share(benefits, scheme, tier, total_cost_yuan, usage, 0.0);
}

InpatientShare inpatient_share(const BenefitConfig& benefits, Scheme scheme, int tier, double total_cost_yuan,
                               const BenefitYearUsage& usage, double ratio_adjustment) {
  const InpatientBenefit& b = benefits.inpatient(scheme);
  const int t = std::clamp(tier, 1, kTierCount) - 1;
  InpatientShare out;
  const double self_pay = total_cost_yuan * benefits.self_pay_share;
  const double class_b_payfirst = total_cost_yuan * benefits.class_b_share * benefits.class_b_payfirst_rate;
  out.eligible_yuan = std::max(0.0, total_cost_yuan - self_pay - class_b_payfirst);
  const double remaining_deductible = std::max(0.0, b.deductible_yuan[t] - usage.deductible_paid_yuan);
  out.deductible_applied_yuan = std::min(out.eligible_yuan, remaining_deductible);
  const double remaining_cap = std::max(0.0, b.annual_cap_yuan - usage.fund_paid_yuan);
  out.fund_share_yuan = std::min((out.eligible_yuan - out.deductible_applied_yuan) *
                                     std::clamp(b.reimbursement_ratio[t] + ratio_adjustment, 0.0, 1.0),
                                 remaining_cap);
  out.patient_share_yuan = total_cost_yuan - out.fund_share_yuan;
  return out;
}

}  // namespace reformsim::agents
