// Pots set from the fund's income (以收定支): the rule's arithmetic, a global budget that follows the year's expected
// contributions, and a DIP pot whose point value floats with it.
#include <gtest/gtest.h>

#include <cmath>

#include "agents/payer/income_pot.hpp"
#include "agents/world/world.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

TEST(IncomePotTest, IncomeLessSurplusTimesShareCappedByGrowth) {
  IncomePotConfig rule{0.05, 0.6, 1000, std::nullopt};
  EXPECT_DOUBLE_EQ(income_pot_yuan(rule, 1e6, std::nullopt), 1e6 * 0.95 * 0.6 + 1000);
  EXPECT_DOUBLE_EQ(income_pot_yuan(rule, 1e6, 1.0), 1e6 * 0.95 * 0.6 + 1000);  // no cap set
  rule.growth_cap = 0.03;
  EXPECT_DOUBLE_EQ(income_pot_yuan(rule, 1e6, 500000), 515000);
  EXPECT_DOUBLE_EQ(income_pot_yuan(rule, 1e6, std::nullopt), 1e6 * 0.95 * 0.6 + 1000);  // the first year
  rule.adjustment_yuan = -1e9;
  EXPECT_EQ(income_pot_yuan(rule, 1e6, std::nullopt), 0);  // never below zero
}

TEST(IncomePotWorldTest, AGlobalBudgetFromIncomeFollowsTheExpectedContributions) {
  const ScenarioConfig s = testing::scenario_from_yaml(
      testing::small_scenario_yaml(4000,
                                   "fund: {wage_growth: 0.1}\n"
                                   "payment:\n  method: drg\n  global_budget:\n    mode: income\n"
                                   "    income_pot: {surplus_share: 0.1, pot_share: 0.5, growth_cap: 0.05}\n"));
  const RunMetrics m = World(s, 5, 0).run();  // books checked inside
  for (std::size_t y = 0; y < 2; ++y) {
    double budget = 0;
    for (const auto& h : m.hospital_years) budget += h[y].budget_yuan;
    const double expected = m.projected_income_yuan[y] * 0.9 * 0.5;
    EXPECT_NEAR(budget, y == 0 ? expected : std::min(expected, m.pot_yuan[0] * 1.05), 1e-3);
    EXPECT_NEAR(m.pot_yuan[y], budget, 1e-3);
  }
  // Wages grow 10%, the cap allows 5%: the second pot is capped.
  EXPECT_NEAR(m.pot_yuan[1], m.pot_yuan[0] * 1.05, 1e-3);
  EXPECT_GT(m.projected_income_yuan[0], 0);
}

TEST(IncomePotWorldTest, ADipPotFromIncomeSetsThePointValue) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(
      3000,
      "payment:\n  method: dip\n  dip:\n    catalogue: " + testing::source_path("scenarios/data/dip_catalogue.csv") +
          "\n    pot_rule: income\n    reserve_share: 0.02\n    income_pot: {surplus_share: 0.05, "
          "pot_share: 0.55}\n"));
  const RunMetrics m = World(s, 3, 0).run();
  for (std::size_t y = 0; y < 2; ++y) {
    double points = 0, patient_shares = 0;
    for (const auto& h : m.hospital_years) {
      points += h[y].dip_points;
      patient_shares += h[y].patient_share_yuan_sum;
    }
    // The fund's pot from income; points are valued on settlements, which the patients' shares pay too.
    const double pot = m.projected_income_yuan[y] * 0.95 * 0.55;
    EXPECT_NEAR(m.pot_yuan[y], pot, 1e-3);
    EXPECT_NEAR(m.dip_point_value_yuan[y], (pot + patient_shares) * 0.98 / points, 1e-9);
  }
}

TEST(IncomePotValidationTest, AFixedDipPotAndAnIncomeRuleExcludeEachOther) {
  const std::string e = testing::config_errors_of(testing::small_scenario_yaml(
      3000,
      "payment:\n  method: dip\n  dip:\n    catalogue: " + testing::source_path("scenarios/data/dip_catalogue.csv") +
          "\n    pot_rule: income\n    annual_budget_yuan: 1000000\n"));
  EXPECT_NE(e.find("payment.dip.annual_budget_yuan"), std::string::npos) << e;
}

}  // namespace
}  // namespace reformsim::agents
