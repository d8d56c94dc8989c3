#pragma once
// Each hospital's yearly review, an explicit bounded rule rather than a black box:
//   multiplier_v ← clamp(multiplier_v × (1 + learning_rate × net_gain_rate_v + margin_pressure × shortfall),
//                        min_multiplier, max_multiplier)
// where net_gain_rate_v = (gain_v − penalties_v) ÷ gain_v for a violation type the hospital committed last year
// (1 when nothing was caught, below 0 when penalties exceeded the gain), −1 for a type penalised but not committed
// since the last review (audits lag the gain), 0 for a type neither committed nor penalised, and
// shortfall = max(0, margin_target − margin). Treatment intensity per group falls by cost_control_rate where the
// group's settlement was below its true cost and recovers by the same rate (up to 1) where it was not.
#include <vector>

#include "agents/behaviour/behaviour_config.hpp"
#include "agents/behaviour/violation.hpp"

namespace reformsim::agents {

/// What one hospital learned from one year of one violation type.
struct ViolationYear {
  double gain_yuan = 0;       ///< extra revenue of its committed violations
  double penalties_yuan = 0;  ///< claw-backs, fines and deductions paid for them
};

/// The new propensity multipliers of a hospital after a year.
PerViolation<double> review_multipliers(const PerViolation<double>& multiplier, const PerViolation<ViolationYear>& year,
                                        double margin, const StrategyConfig& config);

/// The new treatment intensity of one group after a year with these settlement and cost totals.
double review_intensity(double intensity, double settlement_yuan, double true_cost_yuan, const StrategyConfig& config);

}  // namespace reformsim::agents
