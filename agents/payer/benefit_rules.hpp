#pragma once
// Patient cost sharing on the itemised bill: deductible, reimbursement ratio by scheme and tier,
// annual cap. Under DRG the patient's bill does not depend on the group — this is the only place it is computed.
#include "agents/scenario/scenario_config.hpp"

namespace reformsim::agents {

/// What a patient has used of this year's inpatient benefit.
struct BenefitYearUsage {
  double deductible_paid_yuan = 0;
  double fund_paid_yuan = 0;
};

/// The split of one inpatient bill between the fund's policy share and the patient.
struct InpatientShare {
  double eligible_yuan = 0;            ///< bill − self-pay items − class-B pay-first part
  double deductible_applied_yuan = 0;  ///< part of eligible cost that went to the deductible
  double fund_share_yuan = 0;          ///< what the fund would pay on the itemised bill
  double patient_share_yuan = 0;       ///< bill − fund share
};

/// Applies the scheme's inpatient benefit to a bill of `total_cost_yuan` at a hospital of `tier` (1..3).
InpatientShare inpatient_share(const BenefitConfig& benefits, Scheme scheme, int tier, double total_cost_yuan,
                               const BenefitYearUsage& usage);
/// The same with the reimbursement ratio moved by `ratio_adjustment` (within [0, 1]): gatekeeping bonuses and
/// penalties of family-doctor contracts.
InpatientShare inpatient_share(const BenefitConfig& benefits, Scheme scheme, int tier, double total_cost_yuan,
                               const BenefitYearUsage& usage, double ratio_adjustment);

}  // namespace reformsim::agents
