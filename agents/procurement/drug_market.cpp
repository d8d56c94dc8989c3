#include "agents/procurement/drug_market.hpp"

#include <algorithm>
#include <cmath>

namespace reformsim::agents {

double MarketShares::mean_price_yuan() const {
  double units = 0, spend = 0;
  for (std::size_t p = 0; p < share.size(); ++p) {
    units += share[p];
    spend += share[p] * price_yuan[p];
  }
  return units > 0 ? spend / units : 0.0;
}

MarketShares base_market(const DrugConfig& drug) {
  MarketShares m;
  for (const DrugProduct& p : drug.products) {
    m.share.push_back(p.base_share);
    m.price_yuan.push_back(p.list_price_yuan);
  }
  return m;
}

MarketShares tender_market(const DrugConfig& drug, const TenderResult& tender, const ProcurementConfig& config,
                           const std::vector<char>& winner_available) {
  MarketShares m = base_market(drug);
  std::size_t supplying = 0;
  for (std::size_t w = 0; w < tender.winners.size(); ++w) supplying += winner_available[w] ? 1 : 0;
  if (supplying == 0) return m;
  std::vector<char> is_winner(drug.products.size(), 0);
  for (const Bid& b : tender.winners) is_winner[b.product] = 1;
  double kept = 0;
  for (std::size_t p = 0; p < drug.products.size(); ++p) {
    const DrugProduct& product = drug.products[p];
    if (is_winner[p]) {
      m.share[p] = 0;
    } else if (product.originator) {
      m.share[p] = drug.originator_loyalty * product.base_share;
    } else if (!product.evaluated && !config.exclude_unevaluated_generics) {
      m.share[p] = product.base_share;
    } else {
      m.share[p] = 0;
    }
    kept += m.share[p];
  }
  if (kept > config.nonwinner_share_cap) {
    for (std::size_t p = 0; p < drug.products.size(); ++p) m.share[p] *= config.nonwinner_share_cap / kept;
    kept = config.nonwinner_share_cap;
  }
  for (std::size_t w = 0; w < tender.winners.size(); ++w) {
    if (!winner_available[w]) continue;
    const Bid& b = tender.winners[w];
    m.share[b.product] = (1.0 - kept) / static_cast<double>(supplying);
    m.price_yuan[b.product] = b.price_yuan;
  }
  return m;
}

double demand_factor(const DrugConfig& drug, double price_yuan, double base_price_yuan) {
  if (!(base_price_yuan > 0) || drug.price_elasticity == 0 || price_yuan == base_price_yuan) return 1.0;
  return std::min(drug.max_demand_multiple, std::pow(price_yuan / base_price_yuan, -drug.price_elasticity));
}

double reported_units(double history_units, double report_bias, double noise) {
  return history_units * (1.0 - report_bias) * noise;
}

bool report_accepted(double reported, double history_units, const ProcurementConfig& config) {
  if (!(history_units > 0)) return true;
  const double ratio = reported / history_units;
  return ratio < 1.0 + config.report_max_growth && ratio > 1.0 - config.report_max_decrease;
}

double retained_savings_yuan(double budget_yuan, double spending_yuan, double share) {
  return share * std::max(0.0, budget_yuan - spending_yuan);
}

}  // namespace reformsim::agents
