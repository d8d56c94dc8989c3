#pragma once
// One volume-based tender for one molecule: eligible products bid, the national winning rules pick
// the winners, and the number of winners sets the agreed-volume ratio.
#include <cstddef>
#include <vector>

#include "agents/procurement/procurement_config.hpp"

namespace reformsim::agents {

/// A product's bid, per unit.
struct Bid {
  std::size_t product = 0;
  double price_yuan = 0;
};

/// The outcome of a tender.
struct TenderResult {
  std::vector<Bid> bids;     ///< every eligible product's bid
  std::vector<Bid> winners;  ///< cheapest first (ties: product order)
  double lowest_bid_yuan = 0;
  double max_valid_price_yuan = 0;  ///< the highest list price among eligible products
};

/// A firm's bid: its unit cost × (1 + markup), never above its list price.
double bid_price(const DrugProduct& product, double markup);

/// True when `bid` wins against the lowest bid and the maximum valid price under `rules`: at most
/// max_ratio_to_lowest × lowest, or a cut of at least min_cut_from_max, or at most low_price_yuan — and never above
/// circuit_breaker_ratio × lowest when a circuit breaker is set.
bool bid_wins(double bid, double lowest, double max_valid, const WinningRules& rules);

/// Runs the tender: originators and evaluated generics bid; non-evaluated generics may not.
TenderResult run_tender(const DrugConfig& drug, const ProcurementConfig& config);

/// Agreed volume ÷ reported volume for this many winners (0 without a winner).
double agreed_volume_ratio(std::size_t winners, const ProcurementConfig& config);

/// Purchased from winners ÷ agreed volume (NaN when nothing was agreed).
double completion_rate(double purchased_units, double agreed_units);

}  // namespace reformsim::agents
