// The World: reproducibility, common random numbers across policy arms, money, and the calendar of a run.
#include <gtest/gtest.h>

#include <cmath>

#include "agents/world/world.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

RunMetrics run(const ScenarioConfig& s, std::uint64_t seed = 7, std::uint64_t replicate = 0) {
  World world(s, seed, replicate);
  return world.run();
}

TEST(WorldTest, SameSeedSameResults) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(4000));
  const RunMetrics a = run(s), b = run(s);
  ASSERT_EQ(a.months.size(), 24u);
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.final_balance_yuan, b.final_balance_yuan);
  for (std::size_t m = 0; m < a.months.size(); ++m) {
    EXPECT_EQ(a.months[m].bill_yuan_sum, b.months[m].bill_yuan_sum);
    EXPECT_EQ(a.months[m].balance_yuan, b.months[m].balance_yuan);
  }
  const RunMetrics other = run(s, 7, 1);
  EXPECT_NE(a.final_balance_yuan, other.final_balance_yuan);
}

TEST(WorldTest, PolicyArmsShareIllnessAndCases) {
  // Without provider behaviour the payment rule changes who pays, never who falls ill or what the case is.
  const ScenarioConfig ffs = testing::scenario_from_yaml(testing::small_scenario_yaml(4000));
  const ScenarioConfig drg = testing::scenario_from_yaml(
      testing::small_scenario_yaml(4000, "payment:\n  switches: [{year: 2, method: drg}]\n"));
  const RunMetrics a = run(ffs), b = run(drg);
  double admissions = 0;
  for (std::size_t m = 0; m < a.months.size(); ++m) {
    EXPECT_EQ(a.months[m].admissions, b.months[m].admissions);
    EXPECT_EQ(a.months[m].bill_yuan_sum, b.months[m].bill_yuan_sum);
    EXPECT_EQ(a.months[m].los_days_sum, b.months[m].los_days_sum);
    EXPECT_EQ(a.months[m].outpatient_visits, b.months[m].outpatient_visits);
    admissions += a.months[m].admissions;
    if (m < 12) {
      EXPECT_EQ(a.months[m].inpatient_fund_yuan, b.months[m].inpatient_fund_yuan);
    }
  }
  EXPECT_GT(admissions, 500);
  double ffs_year2 = 0, drg_year2 = 0;
  for (std::size_t m = 12; m < 24; ++m) {
    ffs_year2 += a.months[m].settlement_yuan_sum;
    drg_year2 += b.months[m].settlement_yuan_sum;
  }
  EXPECT_NE(ffs_year2, drg_year2);
  double discharges_year2 = 0;
  for (std::size_t m = 12; m < 24; ++m) discharges_year2 += a.months[m].discharges;
  EXPECT_EQ(a.settlement_type_counts[1][static_cast<int>(SettlementType::Ffs)], discharges_year2);
  EXPECT_EQ(b.settlement_type_counts[1][static_cast<int>(SettlementType::Ffs)], 0);
}

TEST(WorldTest, FundBalanceFollowsContributionsAndExpenditure) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(3000));
  const RunMetrics m = run(s);
  double balance = s.fund.initial_balance_per_insured_yuan * 3000;
  for (const MonthMetrics& month : m.months) {
    balance += month.contributions_yuan - month.fund_expenditure_yuan;
    EXPECT_NEAR(month.balance_yuan, balance, 0.01);
    // Claims of the month are paid at its settlement.
    EXPECT_NEAR(month.fund_expenditure_yuan, month.inpatient_fund_yuan + month.outpatient_fund_yuan, 0.01);
  }
  EXPECT_NEAR(m.final_balance_yuan, balance, 0.01);
}

TEST(WorldTest, RatesMatchTheScenario) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(20000));
  const RunMetrics m = run(s);
  double admissions = 0, visits = 0;
  for (const MonthMetrics& month : m.months) {
    admissions += month.admissions;
    visits += month.outpatient_visits;
  }
  const double expected_rate = 0.35 * 0.177 + 0.65 * 0.152;
  const double rate = admissions / 20000.0 / 2.0;
  EXPECT_NEAR(rate, expected_rate, 0.1 * expected_rate);
  EXPECT_NEAR(visits / 20000.0 / 2.0, 6.0, 0.3);
}

}  // namespace
}  // namespace reformsim::agents
