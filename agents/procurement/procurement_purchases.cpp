// The month's purchases of each molecule: winners first within their capacity, what they cannot supply bought at
// list prices (a shortage), and the spending.
#include <algorithm>
#include <cmath>

#include "agents/procurement/procurement.hpp"

namespace reformsim::agents {

void Procurement::purchase(std::size_t month) {
  const std::size_t hospitals = run_.hospitals();
  MonthMetrics& m = run_.metrics.months[month];
  bool capacity_reached = false;
  for (std::size_t d = 0; d < drugs_.size(); ++d) {
    DrugRuntime& r = drugs_[d];
    const DrugConfig& drug = run_.scenario.drugs[d];
    std::vector<double> units(hospitals);
    for (std::size_t h = 0; h < hospitals; ++h) {
      units[h] = r.month_inpatient_units[h] +
                 outpatient_visits_this_month_[h] * drug.outpatient_units_per_visit * r.demand_factor[h];
      r.month_inpatient_units[h] = 0;
    }
    // Each winner serves its share of the tendering hospitals' use while its capacity lasts; what it cannot supply
    // is bought from the other products at their list prices (a shortage).
    // A winner out of stock since an earlier month is out of the market in force; what it would have supplied
    // with every winner in stock is the month's shortage of it.
    const std::vector<char> supplying = r.winner_available;
    std::vector<double> served_share(r.tender.winners.size(), 1.0);
    if (r.tendered) {
      for (std::size_t w = 0; w < r.tender.winners.size(); ++w) {
        if (!supplying[w]) {
          const double full_share = r.full_market.share[r.tender.winners[w].product];
          for (std::size_t h = 0; h < hospitals; ++h) r.shortage_units += r.excluded[h] ? 0.0 : units[h] * full_share;
          continue;
        }
        const double share = r.market.share[r.tender.winners[w].product];
        double demand = 0;
        for (std::size_t h = 0; h < hospitals; ++h) demand += r.excluded[h] ? 0.0 : units[h] * share;
        const double left = r.winner_capacity_units[w] - r.winner_supplied_units[w];
        if (demand > left) {
          served_share[w] = std::max(0.0, left) / demand;
          r.shortage_units += demand - std::max(0.0, left);
          r.winner_available[w] = 0;
          capacity_reached = true;
        }
        r.winner_supplied_units[w] += std::min(demand, std::max(0.0, left));
      }
    }
    double fallback_price = 0, fallback_share = 0;
    for (std::size_t p = 0; p < drug.products.size(); ++p) {
      fallback_price += r.base.share[p] * drug.products[p].list_price_yuan;
      fallback_share += r.base.share[p];
    }
    fallback_price = fallback_share > 0 ? fallback_price / fallback_share : r.base_price_yuan;
    for (std::size_t h = 0; h < hospitals; ++h) {
      double spend = 0, from_winners = 0;
      if (r.tendered && !r.excluded[h]) {
        const MarketShares& market = r.market;
        for (std::size_t p = 0; p < drug.products.size(); ++p)
          spend += units[h] * market.share[p] * market.price_yuan[p];
        for (std::size_t w = 0; w < r.tender.winners.size(); ++w) {
          if (!supplying[w]) continue;
          const double wanted = units[h] * market.share[r.tender.winners[w].product];
          const double served = wanted * served_share[w];
          from_winners += served;
          spend += (wanted - served) * (fallback_price - r.tender.winners[w].price_yuan);
        }
      } else {
        spend = units[h] * r.base_price_yuan;
      }
      r.from_winners[h] += from_winners;
      r.spend_yuan[h] += spend;
      r.use_this_year[h] += units[h];
      r.cycle_units += units[h];
      m.drug_spending_yuan += spend;
      m.drug_units += units[h];
    }
  }
  std::fill(outpatient_visits_this_month_.begin(), outpatient_visits_this_month_.end(), 0.0);
  if (capacity_reached) update_prices();
}

}  // namespace reformsim::agents
