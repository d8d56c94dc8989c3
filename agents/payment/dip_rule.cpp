#include "agents/payment/dip_rule.hpp"

#include <algorithm>
#include <stdexcept>

namespace reformsim::agents {

double dip_point_value(double budget_yuan, double reserve_share, double total_points) {
  if (!(total_points > 0)) throw std::invalid_argument("DIP clearing needs a positive total of points");
  return budget_yuan * (1.0 - reserve_share) / total_points;
}

DipRule::DipRule(DipConfig config) : DipRule(config, config.provisional_point_value_yuan) {}

DipRule::DipRule(DipConfig config, double point_value_yuan)
    : config_(std::move(config)), point_value_yuan_(point_value_yuan) {
  if (!config_.catalogue) throw std::logic_error("DIP rule built without a DIP catalogue");
}

double DipRule::points(std::size_t group, double cost_yuan, SettlementType* type) const {
  const DipGroup& g = config_.catalogue->for_case_group(group);
  const double ratio = cost_yuan / g.mean_cost_yuan;
  SettlementType t = SettlementType::Normal;
  if (ratio < config_.low_deviation_ratio) t = SettlementType::LowMultiple;
  if (ratio > config_.high_deviation_ratio) t = SettlementType::HighMultiple;
  if (type) *type = t;
  // Strongly deviating cases are scored by what they cost, not by the group.
  return t == SettlementType::Normal ? g.score : g.score * ratio;
}

double DipRule::coefficient(std::size_t group, int tier) const {
  const DipGroup& g = config_.catalogue->for_case_group(group);
  const double level =
      g.basic ? config_.basic_group_coefficient : config_.tier_coefficient[std::clamp(tier, 1, kTierCount) - 1];
  return level * g.coefficient;
}

Settlement DipRule::settle(const Claim& claim) const {
  Settlement s;
  s.points = points(claim.group, claim.total_cost_yuan, &s.type);
  s.coefficient = coefficient(claim.group, claim.tier);
  s.point_value_yuan = point_value_yuan_;
  s.standard_yuan = config_.catalogue->for_case_group(claim.group).score * s.coefficient * point_value_yuan_;
  s.settlement_yuan = s.points * s.coefficient * point_value_yuan_;
  s.patient_share_yuan = claim.patient_share_yuan;
  s.fund_payment_yuan = fund_payment_for(s.settlement_yuan, s.patient_share_yuan);
  return s;
}

}  // namespace reformsim::agents
