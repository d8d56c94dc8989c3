#pragma once
// Year-end settlement of a hospital against its share of the regional global budget (总额预算): surplus
// retention (结余留用) and overspend sharing (超支分担) by bands of the gap's ratio to the budget.
#include <vector>

#include "agents/scenario/scenario_config.hpp"

namespace reformsim::agents {

/// Σ share × the length of each band's overlap with [0, ratio]: the share-weighted part of a gap of `ratio`
/// (as a ratio to the budget). Beyond the last band nothing counts.
double banded_share(double ratio, const std::vector<ShareBand>& bands);

/// What the year-end budget settlement does for one hospital.
struct BudgetSettlement {
  double budget_yuan = 0;
  double actual_yuan = 0;                    ///< fund inpatient payments made during the year
  double retained_surplus_yuan = 0;          ///< part of an under-spend paid to the hospital
  double fund_covered_overspend_yuan = 0;    ///< part of an overspend the fund keeps paid
  double hospital_borne_overspend_yuan = 0;  ///< part of an overspend recovered from the hospital
  /// Year-end payment to the hospital (+) or recovery from it (−).
  double adjustment_yuan() const { return retained_surplus_yuan - hospital_borne_overspend_yuan; }
};

/// The doctors' performance pay per doctor of hospital `h` out of the surplus it keeps:
/// surplus × payment.global_budget.performance_pay_share ÷ doctors.
inline double performance_pay_per_doctor_yuan(double surplus_yuan, const ScenarioConfig& s, std::size_t h) {
  return surplus_yuan * s.payment.global_budget.performance_pay_share / s.hospitals[h].doctors;
}

/// Settles `actual_yuan` against `budget_yuan` (> 0) under the configured bands.
BudgetSettlement settle_against_budget(double budget_yuan, double actual_yuan, const GlobalBudgetConfig& config);

}  // namespace reformsim::agents
