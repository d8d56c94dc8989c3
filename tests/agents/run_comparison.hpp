#pragma once
// Comparing two runs of the World: the fund and the care must be identical, to the last bit.
#include <gtest/gtest.h>

#include "agents/world/run_metrics.hpp"

namespace reformsim::agents {

/// Expects every month's admissions, bills, stays, case mix, fund flows and balances, and every hospital-year's
/// revenue and cost, to be equal.
inline void expect_same_fund_and_care(const RunMetrics& a, const RunMetrics& b) {
  ASSERT_EQ(a.months.size(), b.months.size());
  EXPECT_EQ(a.final_balance_yuan, b.final_balance_yuan);
  for (std::size_t m = 0; m < a.months.size(); ++m) {
    EXPECT_EQ(a.months[m].admissions, b.months[m].admissions);
    EXPECT_EQ(a.months[m].bill_yuan_sum, b.months[m].bill_yuan_sum);
    EXPECT_EQ(a.months[m].los_days_sum, b.months[m].los_days_sum);
    EXPECT_EQ(a.months[m].weight_sum, b.months[m].weight_sum);
    EXPECT_EQ(a.months[m].balance_yuan, b.months[m].balance_yuan);
    EXPECT_EQ(a.months[m].fund_expenditure_yuan, b.months[m].fund_expenditure_yuan);
  }
  for (std::size_t h = 0; h < a.hospital_years.size(); ++h) {
    for (std::size_t y = 0; y < a.hospital_years[h].size(); ++y) {
      EXPECT_EQ(a.hospital_years[h][y].revenue_yuan, b.hospital_years[h][y].revenue_yuan);
      EXPECT_EQ(a.hospital_years[h][y].cost_yuan, b.hospital_years[h][y].cost_yuan);
    }
  }
}

}  // namespace reformsim::agents
