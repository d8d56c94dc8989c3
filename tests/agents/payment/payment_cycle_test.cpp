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

TEST(PaymentCycleTest, ADipPilotClearsItsPotOverThePilotsOnly) {
  testing::RunFixture f(testing::small_scenario_yaml(
      500, "payment:\n  switches: [{year: 1, method: dip, hospitals: [Secondary]}]\n  dip:\n    catalogue: " +
               testing::source_path("scenarios/data/dip_catalogue.csv") +
               "\n    provisional_point_value_yuan: 100\n    annual_budget_yuan: 30000\n"));
  FundBooks books(f.run);
  PaymentCycle cycle(f.run, books);
  sim::Simulation sim;
  cycle.on_year_start(0, sim);
  ASSERT_TRUE(cycle.rule(1).has_own_pot());
  ASSERT_FALSE(cycle.rule(0).has_own_pot());
  Claim pilot = claim_of(f.scenario, "KD15", 10000, 2), other = claim_of(f.scenario, "KD15", 10000);
  const Settlement s = cycle.rule(1).pay(pilot, 1);
  cycle.rule(0).pay(other, 0);
  f.metrics.hospital_years[0][0].performance_pay_per_doctor_yuan = 7;  // what another rule set stays
  cycle.on_year_end(0, 365);
  const double value = 30000.0 / (s.points * s.coefficient);
  EXPECT_DOUBLE_EQ(f.metrics.dip_point_value_yuan[0], value);
  EXPECT_NE(f.metrics.hospital_years[1][0].dip_clearing_yuan, 0);
  EXPECT_EQ(f.metrics.hospital_years[0][0].dip_clearing_yuan, 0);
  EXPECT_EQ(f.metrics.hospital_years[0][0].performance_pay_per_doctor_yuan, 7);
  EXPECT_EQ(f.metrics.hospital_years[2][0].dip_points, 0);
}

TEST(PaymentCycleTest, PilotsMustNotSplitAPotOrLeaveHospitalsUncapped) {
  const std::string dip = "  dip: {catalogue: " + testing::source_path("scenarios/data/dip_catalogue.csv") +
                          ", annual_budget_yuan: 30000}\n";
  const std::string two_pots = testing::config_errors_of(testing::small_scenario_yaml(
      500, "payment:\n  method: dip\n  switches: [{year: 2, method: per_diem, hospitals: [Tertiary]}]\n" + dip +
               "  per_diem:\n    other_cases: dip\n    bed_types: [{name: rehab, groups: [XJ1], "
               "daily_rates: [{rate_yuan: 300}]}]\n"));
  EXPECT_NE(two_pots.find("payment.switches[0].hospitals: in year 2 'per_diem' and 'dip' would each clear"),
            std::string::npos)
      << two_pots;
  const std::string uncapped = testing::config_errors_of(
      testing::small_scenario_yaml(500, "payment:\n  switches: [{year: 2, method: dip, hospitals: [Tertiary]}]\n" +
                                            dip + "  global_budget: {mode: fixed, fixed_budget_yuan: 1000000}\n"));
  EXPECT_NE(uncapped.find("in year 2 'dip' has its own pot, which replaces the global budget"), std::string::npos)
      << uncapped;
  // A year-1 pilot narrowing DIP: a missing DIP catalogue is reported where DIP was chosen.
  const std::string missing = testing::config_errors_of(testing::small_scenario_yaml(
      500, "payment:\n  method: dip\n  switches: [{year: 1, method: ffs, hospitals: [Tertiary]}]\n"));
  EXPECT_NE(missing.find("DIP is put in force by payment.method but payment.dip.catalogue is not set"),
            std::string::npos)
      << missing;
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
