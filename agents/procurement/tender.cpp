#include "agents/procurement/tender.hpp"

#include <algorithm>
#include <cmath>

namespace reformsim::agents {

double bid_price(const DrugProduct& product, double markup) {
  return std::min(product.list_price_yuan, product.unit_cost_yuan * (1.0 + markup));
}

bool bid_wins(double bid, double lowest, double max_valid, const WinningRules& rules) {
  if (rules.circuit_breaker_ratio && bid > *rules.circuit_breaker_ratio * lowest) return false;
  return bid <= rules.max_ratio_to_lowest * lowest || bid <= (1.0 - rules.min_cut_from_max) * max_valid ||
         bid <= rules.low_price_yuan;
}

TenderResult run_tender(const DrugConfig& drug, const ProcurementConfig& config) {
  TenderResult t;
  for (std::size_t p = 0; p < drug.products.size(); ++p) {
    const DrugProduct& product = drug.products[p];
    if (!product.originator && !product.evaluated) continue;
    t.bids.push_back({p, bid_price(product, config.bid_markup)});
    t.max_valid_price_yuan = std::max(t.max_valid_price_yuan, product.list_price_yuan);
  }
  if (t.bids.empty()) return t;
  t.lowest_bid_yuan = t.bids.front().price_yuan;
  for (const Bid& b : t.bids) t.lowest_bid_yuan = std::min(t.lowest_bid_yuan, b.price_yuan);
  for (const Bid& b : t.bids) {
    if (bid_wins(b.price_yuan, t.lowest_bid_yuan, t.max_valid_price_yuan, config.winning)) t.winners.push_back(b);
  }
  std::stable_sort(t.winners.begin(), t.winners.end(),
                   [](const Bid& a, const Bid& b) { return a.price_yuan < b.price_yuan; });
  if (t.winners.size() > static_cast<std::size_t>(config.winning.max_winners)) {
    t.winners.resize(static_cast<std::size_t>(config.winning.max_winners));
  }
  return t;
}

double agreed_volume_ratio(std::size_t winners, const ProcurementConfig& config) {
  if (winners == 0) return 0;
  return config.agreed_ratio.for_winners(winners);
}

double completion_rate(double purchased_units, double agreed_units) {
  return agreed_units > 0 ? purchased_units / agreed_units : std::nan("");
}

}  // namespace reformsim::agents
