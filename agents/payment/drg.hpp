#pragma once
// CHS-DRG case payment (疾病诊断相关分组付费): standard = weight × base rate × coefficient (or the published
// standard), with high-/low-multiple outliers, QY groups and long stays paid by items, special-case review within a
// yearly quota, and new technologies paid outside their group for a period before the group is recalibrated.
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agents/payment/payment_method.hpp"
#include "sim/config/binding.hpp"

namespace reformsim::agents {

/// One weight band of the high-multiple rule: cases of groups with weight ≤ max_weight use this factor.
struct HighMultipleBand {
  double max_weight = std::numeric_limits<double>::infinity();  ///< upper weight of the band (omit in the last band)
  double factor;  ///< a case is high-multiple when cost > factor × standard
};

/// How a new technology is paid during its special period.
enum class NewTechnologyPayment : std::uint8_t { Items, AddOn };

/// A new technology (新技术): from `from_year`, cases of `group` are paid by items — or with an add-on of
/// min(add_on_share × (cost − standard), add_on_share × device price) — for `years` years; then the group's weight
/// is recalibrated to its new cost level (the new_technology shock's cost factor).
struct NewTechnology {
  std::string group;             ///< case-catalogue group of the new technology
  int from_year;                 ///< first simulated year of the special payment
  int years;                     ///< years paid specially before the group is recalibrated (China: 1)
  NewTechnologyPayment payment;  ///< paid by items, or the standard plus an NTAP-style add-on
  double add_on_share;           ///< add-on = min(share × (cost − standard), share × device price)
  double device_price_yuan;      ///< price of the technology, capping the add-on
  std::size_t group_id = 0;      ///< resolved from `group`
};

/// The parameters of `payment.drg`.
struct DrgConfig : MethodParameters {
  double base_rate_yuan;           ///< DRG base rate (费率): standard = weight × base rate × coefficient
  PerTier tier_coefficient;        ///< hospital-level coefficient (等级系数) (tiers 1, 2, 3)
  double basic_group_coefficient;  ///< coefficient of basic groups (同病同价) at every level
  std::vector<HighMultipleBand> high_multiple_bands;  ///< high-multiple (高倍率) thresholds by weight band, ascending
  /// high-multiple settlement = standard + share × (cost − standard); 1 = paid by items
  double high_multiple_excess_share;
  /// a case is low-multiple (低倍率, paid by items) when cost < factor × standard
  double low_multiple_factor;
  double qy_ratio;        ///< QY/ungroupable (歧义组) cases are paid this share of items
  double long_stay_days;  ///< cases with LOS above this are paid by items
  /// special-case review (特例单议): cases costing more than this × standard are paid by items while the
  /// hospital's yearly quota lasts
  std::optional<double> special_case_multiple;
  /// new technologies (新技术) paid outside the group for a period, then folded in
  std::vector<NewTechnology> new_technologies;
  int special_case_quota;  ///< special-case reviews granted per hospital and year
};

/// The declaration of `payment.drg`, bound to DrgConfig.
config::Binding<DrgConfig> drg_binding();

/// DRG settlement for one catalogue and one year's DRG parameters.
class DrgRule final : public PaymentRule {
 public:
  DrgRule(std::shared_ptr<const CaseCatalogue> catalogue, DrgConfig config);
  /// The rule of simulated year `year_index`: new technologies in their special period are paid outside the
  /// group; afterwards their group weight is multiplied by `weight_factor[group]` (recalibration).
  DrgRule(std::shared_ptr<const CaseCatalogue> catalogue, DrgConfig config, int year_index,
          std::vector<double> weight_factor);
  Settlement settle(const Claim& claim) const override;
  bool bundles() const override { return true; }
  /// Special-case review within each hospital's yearly quota: allowed while the quota lasts.
  Settlement pay(Claim& claim, std::size_t hospital) override;
  /// The payment standard of `group` at a hospital of `tier` (1..3).
  double standard_yuan(std::size_t group, int tier) const;
  /// The high-multiple factor for a group of weight `weight`.
  double high_multiple_factor(double weight) const;
  /// The parameters the rule settles with.
  const DrgConfig& config() const { return config_; }

 private:
  std::shared_ptr<const CaseCatalogue> catalogue_;
  DrgConfig config_;
  std::vector<const NewTechnology*> special_;  ///< per group: the technology paid specially this year
  std::vector<double> weight_factor_;          ///< per group: recalibration after fold-in
  std::vector<int> special_cases_used_;        ///< this year's special-case reviews, per hospital
};

/// The registered method "drg".
const PaymentMethod& drg_method();

}  // namespace reformsim::agents
