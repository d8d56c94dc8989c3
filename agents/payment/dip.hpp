#pragma once
// DIP case payment (按病种分值付费): a case earns its group's score in points — re-scored by its cost ratio when
// the cost deviates strongly from the group mean — and is paid points × coefficient × the provisional point value
// in the monthly advances; at year end the year is cleared at (budget − reserve) ÷ Σ points when a pot is set.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agents/payment/payment_method.hpp"
#include "agents/scenario/dip_catalogue.hpp"
#include "sim/config/binding.hpp"

namespace reformsim::agents {

/// How the DIP pot is set each year.
enum class DipPotRule : std::uint8_t { Fixed, Income };

/// The parameters of `payment.dip`.
struct DipConfig : MethodParameters {
  std::optional<std::string> catalogue_file;      ///< DIP catalogue CSV (required when DIP is used)
  std::shared_ptr<const DipCatalogue> catalogue;  ///< loaded from catalogue_file
  double provisional_point_value_yuan;            ///< point value (点值) of the monthly advance payments
  /// annual DIP pot; when set, the year is cleared at (budget − reserve) ÷ Σ points (no clearing otherwise)
  std::optional<double> annual_budget_yuan;
  /// the pot: annual_budget_yuan each year (fixed), or the fund's part set each year from its expected income (the
  /// year's patient shares are added)
  DipPotRule pot_rule;
  IncomePotConfig income_pot;      ///< pot_rule income: how the pot follows the fund's expected income
  double reserve_share;            ///< share of the budget held back from the point value at clearing
  PerTier tier_coefficient;        ///< hospital-level coefficient (等级系数) (tiers 1, 2, 3)
  double basic_group_coefficient;  ///< coefficient of basic groups (基础病种) at every level
  double low_deviation_ratio;      ///< cases below this cost ÷ group mean are re-scored by their cost ratio
  double high_deviation_ratio;     ///< cases above this cost ÷ group mean are re-scored by their cost ratio
};

/// The declaration of `payment.dip`, bound to DipConfig.
config::Binding<DipConfig> dip_binding();

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
  bool bundles() const override { return true; }
  /// Accumulates the hospital's points × coefficients of the year.
  Settlement pay(Claim& claim, std::size_t hospital) override;
  void withdraw_points(std::size_t hospital, double points) override { points_[hospital] -= points; }
  bool pays_points() const override { return true; }
  /// (annual budget − reserve) ÷ total points; none without an annual budget.
  std::optional<double> cleared_point_value(double total_points) const override;
  std::unique_ptr<PaymentRule> valued_at(double point_value_yuan) const override;
  /// The DIP pot governs DIP years; no global budget applies.
  bool has_own_pot() const override { return true; }
  /// The month's advances are valued at the provisional point value.
  void on_month_end(PaymentPeriod& period) override;
  /// Clears the year at (budget − reserve) ÷ Σ points when a pot is set, then the Yichang-rule surplus each
  /// hospital keeps (final DIP settlement − itemised bill) and the doctors' performance pay out of it.
  void close_year(PaymentPeriod& period) override;
  /// Points of a case of case-catalogue group `group` with bill `cost_yuan` (before coefficients).
  double points(std::size_t group, double cost_yuan, SettlementType* type = nullptr) const;
  /// Level × special coefficient of `group` at a hospital of `tier`.
  double coefficient(std::size_t group, int tier) const;
  /// The parameters the rule settles with.
  const DipConfig& config() const { return config_; }

 private:
  DipConfig config_;
  double point_value_yuan_;
  std::vector<double> points_;  ///< this year's points × coefficients, per hospital
};

/// The registered method "dip".
const PaymentMethod& dip_method();

}  // namespace reformsim::agents
