// Global budget (总额预算) with surplus retention and overspend sharing: band arithmetic at every edge, the
// year-end settlement of a simulated city, and bad band schedules.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "agents/payer/global_budget.hpp"
#include "agents/world/world.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

GlobalBudgetConfig domain_bands() {
  // A typical schedule: surplus fully retained up to 15% of the budget; the fund covers 50% of an overspend up to 10%.
  GlobalBudgetConfig c{};
  c.surplus_retention = {{0, 0.15, 1.0}};
  c.overspend_sharing = {{0, 0.10, 0.5}};
  return c;
}

TEST(GlobalBudgetTest, BandedShareAtTheEdges) {
  const std::vector<ShareBand> bands{
      {0, 0.1, 1.0}, {0.1, 0.2, 0.5}, {0.2, std::numeric_limits<double>::infinity(), 0.2}};
  EXPECT_DOUBLE_EQ(banded_share(0.0, bands), 0.0);
  EXPECT_DOUBLE_EQ(banded_share(0.1, bands), 0.1);
  EXPECT_DOUBLE_EQ(banded_share(0.2, bands), 0.1 + 0.05);
  EXPECT_DOUBLE_EQ(banded_share(0.5, bands), 0.1 + 0.05 + 0.3 * 0.2);
  EXPECT_DOUBLE_EQ(banded_share(0.05, {{0, 0.1, 1.0}}), 0.05);
  EXPECT_DOUBLE_EQ(banded_share(0.3, {{0, 0.1, 1.0}}), 0.1);  // nothing beyond the last band
}

TEST(GlobalBudgetTest, SurplusRetentionAndOverspendSharing) {
  const GlobalBudgetConfig c = domain_bands();
  BudgetSettlement s = settle_against_budget(100, 90, c);
  EXPECT_DOUBLE_EQ(s.retained_surplus_yuan, 10);
  EXPECT_DOUBLE_EQ(s.adjustment_yuan(), 10);
  s = settle_against_budget(100, 85, c);
  EXPECT_NEAR(s.retained_surplus_yuan, 15, 1e-9);  // exactly at the 15% edge
  s = settle_against_budget(100, 70, c);
  EXPECT_NEAR(s.retained_surplus_yuan, 15, 1e-9);  // beyond it the fund keeps the rest
  s = settle_against_budget(100, 100, c);
  EXPECT_DOUBLE_EQ(s.adjustment_yuan(), 0);
  s = settle_against_budget(100, 105, c);
  EXPECT_NEAR(s.fund_covered_overspend_yuan, 2.5, 1e-9);
  EXPECT_NEAR(s.hospital_borne_overspend_yuan, 2.5, 1e-9);
  s = settle_against_budget(100, 110, c);
  EXPECT_NEAR(s.fund_covered_overspend_yuan, 5, 1e-9);
  EXPECT_NEAR(s.hospital_borne_overspend_yuan, 5, 1e-9);
  s = settle_against_budget(100, 130, c);
  EXPECT_NEAR(s.fund_covered_overspend_yuan, 5, 1e-9);
  EXPECT_NEAR(s.hospital_borne_overspend_yuan, 25, 1e-9);
  EXPECT_NEAR(s.adjustment_yuan(), -25, 1e-9);
}

TEST(GlobalBudgetWorldTest, YearEndSettlementAgainstAFixedPot) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(
      4000, "payment:\n  method: drg\n  global_budget:\n    mode: fixed\n    fixed_budget_yuan: 3000000\n"));
  World world(s, 5, 0);
  const RunMetrics m = world.run();  // books checked inside
  for (std::size_t y = 0; y < 2; ++y) {
    double budget = 0, actual = 0;
    for (const auto& h : m.hospital_years) {
      budget += h[y].budget_yuan;
      actual += h[y].inpatient_fund_yuan;
      const BudgetSettlement expected =
          settle_against_budget(h[y].budget_yuan, h[y].inpatient_fund_yuan, s.payment.global_budget);
      EXPECT_NEAR(h[y].retained_surplus_yuan, expected.retained_surplus_yuan, 1e-6);
      EXPECT_NEAR(h[y].hospital_borne_overspend_yuan, expected.hospital_borne_overspend_yuan, 1e-6);
    }
    EXPECT_NEAR(budget, 3000000, 1e-3);
    EXPECT_GT(actual, 0);
  }
}

TEST(GlobalBudgetWorldTest, GrowthCapBuildsOnLastYearsSpending) {
  const ScenarioConfig s = testing::scenario_from_yaml(
      testing::small_scenario_yaml(4000, "payment:\n  global_budget:\n    mode: growth_cap\n    growth_cap: 0.03\n"));
  World world(s, 5, 0);
  const RunMetrics m = world.run();
  double spent0 = 0, budget1 = 0;
  for (const auto& h : m.hospital_years) {
    EXPECT_TRUE(std::isnan(h[0].budget_yuan));  // no base given: the first year only sets it
    spent0 += h[0].inpatient_fund_yuan;
    budget1 += h[1].budget_yuan;
  }
  EXPECT_NEAR(budget1, spent0 * 1.03, 0.05);
}

TEST(GlobalBudgetValidationTest, GappedOverlappingAndMissingPieces) {
  auto errors_of = [](const std::string& extra) {
    try {
      testing::scenario_from_yaml(testing::small_scenario_yaml(100, extra));
    } catch (const config::ConfigException& e) {
      return e.errors().to_string();
    }
    return std::string();
  };
  const std::string e = errors_of(
      "payment:\n  global_budget:\n    mode: fixed\n    growth_cap: -1.5\n"
      "    surplus_retention: [{from: 0, to: 0.1, share: 1}, {from: 0.2, to: 0.3, share: 0.5}]\n"
      "    overspend_sharing: [{from: 0, to: 0.1, share: 0.5}, {from: 0.05, share: 0.2}]\n");
  EXPECT_NE(e.find("payment.global_budget.growth_cap: must be in (-1, 10]"), std::string::npos) << e;
  EXPECT_EQ(e.find("surplus_retention[1].from"), std::string::npos) << "range errors come first: " << e;
  const std::string bands = errors_of(
      "payment:\n  global_budget:\n    mode: fixed\n"
      "    surplus_retention: [{from: 0, to: 0.1, share: 1}, {from: 0.2, to: 0.3, share: 0.5}]\n"
      "    overspend_sharing: [{from: 0, to: 0.1, share: 0.5}, {from: 0.05, share: 0.2}]\n");
  EXPECT_NE(bands.find("surplus_retention[1].from: leaves a gap"), std::string::npos) << bands;
  EXPECT_NE(bands.find("overspend_sharing[1].from: overlaps"), std::string::npos) << bands;
  EXPECT_NE(bands.find("mode fixed needs fixed_budget_yuan"), std::string::npos) << bands;
}

}  // namespace
}  // namespace reformsim::agents

namespace reformsim::agents {
namespace {

TEST(SurplusUseTest, YichangRuleAndPerformancePay) {
  const ScenarioConfig dip = testing::scenario_from_yaml(testing::small_scenario_yaml(
      3000,
      "payment:\n  method: dip\n  dip:\n    catalogue: " + testing::source_path("scenarios/data/dip_catalogue.csv") +
          "\n    annual_budget_yuan: 3000000\n  global_budget:\n    performance_pay_share: 0.5\n"));
  World world(dip, 4, 0);
  const RunMetrics m = world.run();
  for (std::size_t h = 0; h < m.hospital_years.size(); ++h) {
    const HospitalYearMetrics& y = m.hospital_years[h][0];
    EXPECT_NEAR(y.yichang_surplus_yuan, y.settlement_yuan_sum + y.dip_clearing_yuan - y.bill_yuan_sum, 1e-6);
    EXPECT_NEAR(y.performance_pay_per_doctor_yuan,
                std::max(0.0, y.yichang_surplus_yuan) * 0.5 / dip.hospitals[h].doctors, 1e-9);
  }
  const ScenarioConfig drg = testing::scenario_from_yaml(testing::small_scenario_yaml(
      3000, "payment:\n  method: drg\n  global_budget:\n    mode: fixed\n    fixed_budget_yuan: 5000000\n"));
  World other(drg, 4, 0);
  const RunMetrics n = other.run();
  for (std::size_t h = 0; h < n.hospital_years.size(); ++h) {
    const HospitalYearMetrics& y = n.hospital_years[h][0];
    EXPECT_EQ(y.yichang_surplus_yuan, 0.0);
    EXPECT_NEAR(y.performance_pay_per_doctor_yuan, y.retained_surplus_yuan * 0.6 / drg.hospitals[h].doctors, 1e-9);
  }
}

}  // namespace
}  // namespace reformsim::agents
