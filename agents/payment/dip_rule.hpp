#pragma once
// DIP case payment (按病种分值付费, DOMAIN.md §3.3): a case earns its group's score in points — re-scored by its cost
// ratio when the cost deviates strongly from the group mean — and is paid points × coefficient × the provisional
// point value. Year-end clearing at the final point value happens in the World (it needs the year's totals).
#include <memory>

#include "agents/payment/payment_rule.hpp"

namespace reformsim::agents {

/// The final point value of a year: (budget − reserve) ÷ Σ points, the reserve being reserve_share × budget.
/// Σ points counts each case's points × its coefficient, so clearing pays out exactly budget − reserve.
double dip_point_value(double budget_yuan, double reserve_share, double total_points);

/// DIP settlement at the provisional point value (or an explicit one).
class DipRule final : public PaymentRule {
 public:
  explicit DipRule(DipConfig config);
  /// Settles at `point_value_yuan` instead of the provisional value (for `settle --point-value`).
  DipRule(DipConfig config, double point_value_yuan);
  Settlement settle(const Claim& claim) const override;
  const char* name() const override { return "dip"; }
  /// Points of a case of case-catalogue group `group` with bill `cost_yuan` (before coefficients).
  double points(std::size_t group, double cost_yuan, SettlementType* type = nullptr) const;
  /// Level × special coefficient of `group` at a hospital of `tier`.
  double coefficient(std::size_t group, int tier) const;

 private:
  DipConfig config_;
  double point_value_yuan_;
};

}  // namespace reformsim::agents
