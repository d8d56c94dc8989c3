#include "agents/payment/drg_rule.hpp"

#include <algorithm>

namespace reformsim::agents {

DrgRule::DrgRule(std::shared_ptr<const CaseCatalogue> catalogue, DrgConfig config)
    : DrgRule(std::move(catalogue), std::move(config), 0, {}) {}

DrgRule::DrgRule(std::shared_ptr<const CaseCatalogue> catalogue, DrgConfig config, int year_index,
                 std::vector<double> weight_factor)
    : catalogue_(std::move(catalogue)), config_(std::move(config)), weight_factor_(std::move(weight_factor)) {
  special_.assign(catalogue_->size(), nullptr);
  weight_factor_.resize(catalogue_->size(), 1.0);
  const int year = year_index + 1;
  for (const DrgConfig::NewTechnology& t : config_.new_technologies) {
    if (year >= t.from_year && year < t.from_year + t.years) special_[t.group] = &t;
    // Before the fold-in the group keeps its old weight.
    if (year < t.from_year + t.years) weight_factor_[t.group] = 1.0;
  }
}

double DrgRule::standard_yuan(std::size_t group, int tier) const {
  const CaseGroup& g = catalogue_->group(group);
  const double coefficient =
      g.basic ? config_.basic_group_coefficient : config_.tier_coefficient[std::clamp(tier, 1, kTierCount) - 1];
  // A published standard in yuan replaces weight × base rate; the level coefficient still applies.
  const double base = g.standard_yuan ? *g.standard_yuan : g.weight * config_.base_rate_yuan;
  return base * coefficient * (weight_factor_.empty() ? 1.0 : weight_factor_[group]);
}

double DrgRule::high_multiple_factor(double weight) const {
  for (const HighMultipleBand& band : config_.high_multiple_bands) {
    if (weight <= band.max_weight) return band.factor;
  }
  return config_.high_multiple_bands.back().factor;
}

Settlement DrgRule::settle(const Claim& claim) const {
  const CaseGroup& g = catalogue_->group(claim.group);
  Settlement s;
  s.patient_share_yuan = claim.patient_share_yuan;
  s.standard_yuan = standard_yuan(claim.group, claim.tier);
  const double cost = claim.total_cost_yuan;
  if (g.kind == GroupKind::Qy) {
    s.type = SettlementType::Qy;
    s.settlement_yuan = config_.qy_ratio * cost;
  } else if (claim.los_days > config_.long_stay_days) {
    s.type = SettlementType::LongStay;
    s.settlement_yuan = cost;
  } else if (!special_.empty() && special_[claim.group]) {
    const DrgConfig::NewTechnology& t = *special_[claim.group];
    s.type = SettlementType::NewTechnology;
    s.settlement_yuan = t.add_on ? s.standard_yuan + std::max(0.0, std::min(t.add_on_share * (cost - s.standard_yuan),
                                                                            t.add_on_share * t.device_price_yuan))
                                 : cost;
  } else if (claim.special_case_allowed && config_.special_case_multiple &&
             cost > *config_.special_case_multiple * s.standard_yuan) {
    s.type = SettlementType::SpecialCase;  // reviewed and paid by items
    s.settlement_yuan = cost;
  } else if (cost > high_multiple_factor(g.weight) * s.standard_yuan) {
    s.type = SettlementType::HighMultiple;
    s.settlement_yuan = s.standard_yuan + config_.high_multiple_excess_share * (cost - s.standard_yuan);
  } else if (cost < config_.low_multiple_factor * s.standard_yuan) {
    s.type = SettlementType::LowMultiple;
    s.settlement_yuan = cost;
  } else {
    s.type = SettlementType::Normal;
    s.settlement_yuan = s.standard_yuan;
  }
  s.fund_payment_yuan = fund_payment_for(s.settlement_yuan, s.patient_share_yuan);
  return s;
}

}  // namespace reformsim::agents
