// The payment cycle of a run: one rule per year in force from its 1 January, quotas and points kept by the year's
// rule, DIP's year-end clearing through the fund's books.
#include "agents/payment/payment_cycle.hpp"

#include <gtest/gtest.h>

#include "agents/payment/dip.hpp"
#include "agents/payment/drg.hpp"
#include "sim/engine/simulation.hpp"
#include "tests/agents/run_fixture.hpp"

namespace reformsim::agents {
namespace {

Claim claim_of(const ScenarioConfig& s, const std::string& group, double cost, int tier = 3) {
  Claim c;
  c.group = *s.catalogue->find(group);
  c.tier = tier;
  c.total_cost_yuan = cost;
  c.patient_share_yuan = 0;
  return c;
}

TEST(PaymentCycleTest, EachYearHasItsOwnRuleFromItsFirstDay) {
  testing::RunFixture f(testing::small_scenario_yaml(500, "payment:\n  switches: [{year: 2, method: drg}]\n"));
  FundBooks books(f.run);
  PaymentCycle cycle(f.run, books);
  sim::Simulation sim;
  cycle.on_year_start(0, sim);
  EXPECT_FALSE(cycle.rule(0).bundles());
  cycle.on_year_start(1, sim);
  EXPECT_TRUE(cycle.rule(0).bundles());
  EXPECT_FALSE(cycle.rule_of_year(0, 0).bundles());
  EXPECT_FALSE(cycle.rule(0).has_own_pot());
}

TEST(PaymentCycleTest, TheDrgYearKeepsEachHospitalsSpecialCaseQuota) {
  testing::RunFixture f(testing::small_scenario_yaml(
      500, "payment:\n  method: drg\n  drg: {special_case_multiple: 2, special_case_quota: 1}\n"));
  FundBooks books(f.run);
  PaymentCycle cycle(f.run, books);
  Claim a = claim_of(f.scenario, "KD15", 50000), b = a, c = a;
  EXPECT_EQ(cycle.rule(0).pay(a, 0).type, SettlementType::SpecialCase);
  EXPECT_TRUE(a.special_case_allowed);
  EXPECT_NE(cycle.rule(0).pay(b, 0).type, SettlementType::SpecialCase);  // the quota of hospital 0 is used up
  EXPECT_FALSE(b.special_case_allowed);
  EXPECT_EQ(cycle.rule(0).pay(c, 1).type, SettlementType::SpecialCase);  // hospital 1 has its own
  // The next year's rule starts with a fresh quota.
  sim::Simulation sim;
  cycle.on_year_start(1, sim);
  Claim d = claim_of(f.scenario, "KD15", 50000);
  EXPECT_EQ(cycle.rule(0).pay(d, 0).type, SettlementType::SpecialCase);
}

TEST(PaymentCycleTest, DipPointsAreClearedAtYearEndThroughTheBooks) {
  testing::RunFixture f(testing::small_scenario_yaml(
      500,
      "payment:\n  method: dip\n  dip:\n    catalogue: " + testing::source_path("scenarios/data/dip_catalogue.csv") +
          "\n    provisional_point_value_yuan: 100\n    annual_budget_yuan: 30000\n"));
  FundBooks books(f.run);
  PaymentCycle cycle(f.run, books);
  EXPECT_TRUE(cycle.rule(0).has_own_pot());
  const DipRule& rule = dynamic_cast<const DipRule&>(cycle.rule(0));
  Claim a = claim_of(f.scenario, "KD15", 10000), b = claim_of(f.scenario, "KD15", 10000, 2);
  const Settlement sa = cycle.rule(0).pay(a, 0), sb = cycle.rule(0).pay(b, 1);
  const double points_a = sa.points * sa.coefficient, points_b = sb.points * sb.coefficient;
  EXPECT_DOUBLE_EQ(points_a, rule.points(a.group, 10000) * rule.coefficient(a.group, 3));
  cycle.rule(0).withdraw_points(1, points_b / 2);  // an audit found half of hospital 1's points undue
  cycle.on_month_end(0, 31);
  EXPECT_DOUBLE_EQ(f.metrics.months[0].dip_point_value_yuan, 100.0);  // the advances' value
  cycle.on_year_end(0, 365);
  const double total = points_a + points_b / 2, value = 30000.0 / total;
  EXPECT_DOUBLE_EQ(f.metrics.dip_point_value_yuan[0], value);
  EXPECT_DOUBLE_EQ(f.metrics.months[11].dip_point_value_yuan, value);  // December carries the cleared value
  EXPECT_DOUBLE_EQ(f.metrics.hospital_years[0][0].dip_points, points_a);
  EXPECT_DOUBLE_EQ(f.metrics.hospital_years[1][0].dip_points, points_b / 2);
  EXPECT_DOUBLE_EQ(f.metrics.hospital_years[0][0].dip_clearing_yuan, to_yuan(to_fen(points_a * (value - 100))));
  books.on_settlement(11, 365);
  EXPECT_NEAR(f.metrics.months[11].fund_expenditure_yuan,
              f.metrics.hospital_years[0][0].dip_clearing_yuan + f.metrics.hospital_years[1][0].dip_clearing_yuan,
              1e-9);
}

}  // namespace
}  // namespace reformsim::agents

namespace reformsim::agents {
namespace {

TEST(PaymentCycleTest, APilotSwitchPaysOnlyTheHospitalsItNames) {
  testing::RunFixture f(testing::small_scenario_yaml(
      500, "payment:\n  switches: [{year: 2, method: drg, hospitals: [Tertiary, Primary]}]\n"));
  FundBooks books(f.run);
  PaymentCycle cycle(f.run, books);
  sim::Simulation sim;
  cycle.on_year_start(1, sim);
  EXPECT_TRUE(cycle.rule(0).bundles());
  EXPECT_FALSE(cycle.rule(1).bundles());  // Secondary is not a pilot: it stays on fee-for-service
  EXPECT_TRUE(cycle.rule(2).bundles());
  EXPECT_EQ(&cycle.rule(0), &cycle.rule(2));  // the pilots share one rule (one DIP pot, one quota table)
  EXPECT_EQ(f.run.metrics.hospital_years[1][1].bundled_payment, 0);
  EXPECT_EQ(f.run.metrics.hospital_years[2][1].bundled_payment, 1);
  EXPECT_FALSE(cycle.rule_of_year(0, 0).bundles());
}

TEST(PaymentCycleTest, PilotHospitalsMustBeHospitalsOfTheCity) {
  const std::string errors = testing::config_errors_of(testing::small_scenario_yaml(
      500, "payment:\n  switches: [{year: 2, method: drg, hospitals: [Tertiary, Tertiary, Quaternary]}]\n"));
  EXPECT_NE(errors.find("payment.switches[0].hospitals[1]: 'Tertiary' is named twice"), std::string::npos) << errors;
  EXPECT_NE(errors.find("payment.switches[0].hospitals[2]: 'Quaternary' is not a hospital of `hospitals:`"),
            std::string::npos)
      << errors;
}

}  // namespace
}  // namespace reformsim::agents
