#pragma once
// How a molecule's use is split over its products and priced, before and during a tender, and the
// money rules around it. Pure functions; the World keeps the state (agents/world/procurement_process.cpp).
#include <vector>

#include "agents/procurement/procurement_config.hpp"
#include "agents/procurement/tender.hpp"

namespace reformsim::agents {

/// Per product: its share of the molecule's units and the price a hospital pays for it.
struct MarketShares {
  std::vector<double> share;
  std::vector<double> price_yuan;
  /// Units-weighted mean price.
  double mean_price_yuan() const;
};

/// Before procurement: base shares at list prices.
MarketShares base_market(const DrugConfig& drug);

/// While a tender is in force. Non-winning products keep part of their use — a non-winning originator its
/// `originator_loyalty` × base share, a non-evaluated generic its base share unless such generics are excluded,
/// an evaluated generic nothing (hospitals must buy winners first) — together at most `nonwinner_share_cap`
/// (scaled down); the winners still able to supply (`winner_available`, one flag per winner) split the rest
/// equally at their winning bids. With no winner able to supply, use falls back to the base market.
MarketShares tender_market(const DrugConfig& drug, const TenderResult& tender, const ProcurementConfig& config,
                           const std::vector<char>& winner_available);

/// The price response of use: min(max_demand_multiple, (price ÷ base price)^−price_elasticity).
double demand_factor(const DrugConfig& drug, double price_yuan, double base_price_yuan);

/// A hospital's report for the next cycle: last year's use × (1 − bias) × noise.
double reported_units(double history_units, double report_bias, double noise);

/// The Shanxi rule: a report growing by report_max_growth or more, or falling by report_max_decrease or more,
/// against the hospital's history is excluded from the agreed volume. No history: nothing to compare, accepted.
bool report_accepted(double reported, double history_units, const ProcurementConfig& config);

/// 集采结余留用: share × max(0, budget − spending on the same generic names).
double retained_savings_yuan(double budget_yuan, double spending_yuan, double share);

}  // namespace reformsim::agents
