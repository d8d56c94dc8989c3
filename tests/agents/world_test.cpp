// The World: reproducibility, common random numbers across policy arms, money, and the calendar of a run.
#include <gtest/gtest.h>

#include <cmath>

#include "agents/world/world.hpp"
#include "test_support.hpp"

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

namespace reformsim::agents {
namespace {

TEST(SchemeFundsTest, EmployeeAndResidentFundsAddUpToThePool) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(
      3000, "payment:\n  method: dip\n  dip:\n    catalogue: " +
                testing::source_path("scenarios/data/dip_catalogue.csv") + "\n    annual_budget_yuan: 2000000\n"));
  World world(s, 6, 0);
  const RunMetrics m = world.run();
  for (std::size_t i = 0; i < m.months.size(); ++i) {
    const MonthMetrics& x = m.months[i];
    EXPECT_NEAR(x.employee_balance_yuan + x.resident_balance_yuan, x.balance_yuan, 0.005) << i;
    EXPECT_NEAR(x.employee_expenditure_yuan + x.resident_expenditure_yuan, x.fund_expenditure_yuan, 0.005) << i;
    EXPECT_NEAR(x.employee_contributions_yuan + x.resident_contributions_yuan, x.contributions_yuan, 0.005) << i;
    // Residents pay once a year, in January; employees every month.
    if (i % 12 != 0) {
      EXPECT_EQ(x.resident_contributions_yuan, 0.0) << i;
    }
    EXPECT_GT(x.employee_contributions_yuan, 0.0) << i;
  }
}

}  // namespace
}  // namespace reformsim::agents

namespace reformsim::agents {
namespace {

// Province-level pooling: regions pay a share of last year's contributions into the adjustment fund each January,
// and it covers part of the regions' annual deficits at year end; the books still add up to the pool.
TEST(PoolingTest, AdjustmentFundCollectsAndCovers) {
  std::string yaml = testing::small_scenario_yaml(
      6000,
      "fund:\n  pooling: {level: province, adjustment_fund_share: 0.05, adjustment_cover_share: 0.5}\n"
      "  resident_premium_yuan: 100\n  resident_subsidy_yuan: 100\n  employer_rate: 0.01\n  individual_rate: 0.0\n");
  yaml.replace(yaml.find("regions: 1"), 10, "regions: 3");
  yaml.replace(yaml.find("horizon_years: 2"), 16, "horizon_years: 3");
  const ScenarioConfig s = testing::scenario_from_yaml(yaml);
  World world(s, 9, 0);
  const RunMetrics m = world.run();                     // throws if regional accounts and the pool disagree
  EXPECT_DOUBLE_EQ(m.adjustment_paid_in_yuan[0], 0.0);  // no previous year to draw on
  EXPECT_GT(m.adjustment_paid_in_yuan[1], 0.0);
  EXPECT_GT(m.regions_in_deficit[1], 0.0);  // 200-yuan premiums and a 1% rate cannot carry the care
  EXPECT_GT(m.adjustment_paid_out_yuan[1], 0.0);
  EXPECT_LE(m.adjustment_paid_out_yuan[1], m.adjustment_paid_in_yuan[1] + 1e-6);
  EXPECT_NEAR(m.adjustment_fund_balance_yuan[1], m.adjustment_paid_in_yuan[1] - m.adjustment_paid_out_yuan[1], 0.02);
  const MonthMetrics& last = m.months.back();
  double regions = 0;
  for (double b : last.region_balance_yuan) regions += b;
  EXPECT_NEAR(regions + m.adjustment_fund_balance_yuan[2], last.balance_yuan, 0.05);
}

TEST(PoolingTest, CityPoolingHasNoAdjustmentFund) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(2000));
  World world(s, 9, 0);
  const RunMetrics m = world.run();
  EXPECT_TRUE(std::isnan(m.adjustment_fund_balance_yuan[1]));
  EXPECT_EQ(m.adjustment_paid_in_yuan[1], 0.0);
}

}  // namespace
}  // namespace reformsim::agents
