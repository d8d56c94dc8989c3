#pragma once
// CHS-DRG case payment (疾病诊断相关分组付费), DOMAIN.md §3.2: standard = weight × base rate × coefficient (or the
// published standard), with high-/low-multiple outliers, QY groups and long stays paid by items.
#include <memory>

#include "agents/payment/payment_rule.hpp"

namespace reformsim::agents {

/// DRG settlement for one catalogue and one set of DRG parameters.
class DrgRule final : public PaymentRule {
 public:
  DrgRule(std::shared_ptr<const CaseCatalogue> catalogue, DrgConfig config);
  /// The rule of simulated year `year_index`: new technologies in their special period are paid outside the
  /// group; afterwards their group weight is multiplied by `weight_factor[group]` (recalibration).
  DrgRule(std::shared_ptr<const CaseCatalogue> catalogue, DrgConfig config, int year_index,
          std::vector<double> weight_factor);
  Settlement settle(const Claim& claim) const override;
  const char* name() const override { return "drg"; }
  /// The payment standard of `group` at a hospital of `tier` (1..3).
  double standard_yuan(std::size_t group, int tier) const;
  /// The high-multiple factor for a group of weight `weight`.
  double high_multiple_factor(double weight) const;

 private:
  std::shared_ptr<const CaseCatalogue> catalogue_;
  DrgConfig config_;
  std::vector<const DrgConfig::NewTechnology*> special_;  ///< per group: the technology paid specially this year
  std::vector<double> weight_factor_;                     ///< per group: recalibration after fold-in
};

}  // namespace reformsim::agents
