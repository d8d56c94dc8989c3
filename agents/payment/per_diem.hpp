#pragma once
// Per-diem payment for long-stay beds (按床日付费): cases of the groups a bed type covers (psychiatric,
// rehabilitation, hospice care) are paid by the bed-day at a rate that falls with the length of stay — each day at
// the rate of the LOS band it falls in, times the hospital-level coefficient — and every other case under another
// registered method (fee-for-service by default, or DRG/DIP for the acute wards).
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "agents/payment/payment_method.hpp"
#include "sim/config/binding.hpp"

namespace reformsim::agents {

/// One band of the daily rate: days from the previous band's end up to `to_day` are paid at `rate_yuan`.
struct DailyRateBand {
  double to_day = std::numeric_limits<double>::infinity();  ///< last day of the band (omit in the last band)
  double rate_yuan;                                         ///< payment per bed-day within the band
};

/// A kind of long-stay bed and the case groups that use it.
struct BedType {
  std::string name;                        ///< bed type name (unique), e.g. psychiatric
  std::vector<std::string> groups;         ///< case-catalogue codes or code prefixes (an MDC letter, an ADRG)
  std::vector<DailyRateBand> daily_rates;  ///< the daily rate by LOS band, ascending
};

/// The parameters of `payment.per_diem`.
struct PerDiemConfig : MethodParameters {
  std::vector<BedType> bed_types;      ///< long-stay bed types paid per bed-day (required when per_diem is used)
  PerTier tier_coefficient;            ///< hospital-level coefficient (等级系数) (tiers 1, 2, 3)
  std::string other_cases;             ///< the method that pays every case outside the bed types
  std::vector<int> bed_type_of_group;  ///< resolved: per catalogue group, its bed type (−1: none)
};

/// The declaration of `payment.per_diem`, bound to PerDiemConfig.
config::Binding<PerDiemConfig> per_diem_binding();

/// Per-diem settlement of one year; cases outside its bed types go to `other`, whose year cycle it passes on.
class PerDiemRule final : public PaymentRule {
 public:
  PerDiemRule(PerDiemConfig config, std::unique_ptr<PaymentRule> other);
  Settlement settle(const Claim& claim) const override;
  bool bundles() const override { return true; }
  /// A stay paid by the day needs its days; other claims are the other method's to judge.
  std::string claim_problem(const Claim& claim) const override;
  bool pays_points() const override { return other_->pays_points(); }
  std::optional<double> cleared_point_value(double total_points) const override {
    return other_->cleared_point_value(total_points);
  }
  /// Per-diem stays keep their rates; the other method's points take the value.
  std::unique_ptr<PaymentRule> valued_at(double point_value_yuan) const override;
  Settlement pay(Claim& claim, std::size_t hospital) override;
  void withdraw_points(std::size_t hospital, double points) override { other_->withdraw_points(hospital, points); }
  bool has_own_pot() const override { return other_->has_own_pot(); }
  void on_month_end(PaymentPeriod& period) override { other_->on_month_end(period); }
  void close_year(PaymentPeriod& period) override { other_->close_year(period); }
  /// The per-diem payment of a stay of `los_days` in bed type `bed_type` at a hospital of `tier`.
  double payment_yuan(std::size_t bed_type, double los_days, int tier) const;

 private:
  bool per_diem(const Claim& claim) const { return config_.bed_type_of_group[claim.group] >= 0; }
  PerDiemConfig config_;
  std::unique_ptr<PaymentRule> other_;
  SettlementType per_diem_type_;
};

/// The registered method "per_diem".
const PaymentMethod& per_diem_method();

}  // namespace reformsim::agents
