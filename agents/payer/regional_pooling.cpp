// Pooling across regions (统筹层次): under province pooling an adjustment fund, fed each January by a share of each
// region's previous-year contributions, covers part of a region's annual deficit at year end. Under every level the
// regions in deficit are counted.
#include <algorithm>

#include "agents/payer/fund_books.hpp"

namespace reformsim::agents {

void FundBooks::fund_adjustment_fund(int year) {
  const PoolingConfig& pooling = run_.scenario.fund.pooling;
  if (pooling.level != PoolingLevel::Province || year == 0) return;
  const std::size_t fund = regions_.units() - 1;
  for (std::size_t r = 0; r < fund; ++r) {
    const std::int64_t fen = to_fen(to_yuan(region_contributions_last_year_fen_[r]) * pooling.adjustment_fund_share);
    regions_.transfer(r, fund, fen);
    run_.metrics.adjustment_paid_in_yuan[static_cast<std::size_t>(year)] += to_yuan(fen);
  }
}

void FundBooks::cover_regional_deficits(int year) {
  const std::size_t fund = regions_.units() - 1;
  const auto y = static_cast<std::size_t>(year);
  RunMetrics& metrics = run_.metrics;
  if (run_.scenario.fund.pooling.level == PoolingLevel::Province) {
    // Requests: a share of each region's annual deficit; scaled down together if the fund cannot meet them all.
    std::vector<std::int64_t> request(fund, 0);
    std::int64_t requested = 0;
    for (std::size_t r = 0; r < fund; ++r) {
      const std::int64_t deficit = region_spent_this_year_fen_[r] - region_contributions_this_year_fen_[r];
      if (deficit > 0) request[r] = to_fen(to_yuan(deficit) * run_.scenario.fund.pooling.adjustment_cover_share);
      requested += request[r];
    }
    const std::int64_t available = std::max<std::int64_t>(0, regions_.balance_fen(fund));
    for (std::size_t r = 0; r < fund; ++r) {
      const std::int64_t granted =
          requested <= available
              ? request[r]
              : static_cast<std::int64_t>(static_cast<long double>(request[r]) * available / requested);
      regions_.transfer(fund, r, granted);
      metrics.adjustment_paid_out_yuan[y] += to_yuan(granted);
    }
    metrics.adjustment_fund_balance_yuan[y] = to_yuan(regions_.balance_fen(fund));
  }
  for (std::size_t r = 0; r < fund; ++r) {
    if (region_spent_this_year_fen_[r] > region_contributions_this_year_fen_[r]) metrics.regions_in_deficit[y] += 1;
  }
  region_contributions_last_year_fen_ = region_contributions_this_year_fen_;
  std::fill(region_contributions_this_year_fen_.begin(), region_contributions_this_year_fen_.end(), 0);
  std::fill(region_spent_this_year_fen_.begin(), region_spent_this_year_fen_.end(), 0);
}

}  // namespace reformsim::agents
