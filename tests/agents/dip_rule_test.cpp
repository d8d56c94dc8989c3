// DIP (按病种分值付费): point-value arithmetic, per-case points with deviation re-scoring, coefficients, and the
// year-end clearing of a simulated year.
#include <gtest/gtest.h>

#include <cmath>

#include "agents/payment/dip_rule.hpp"
#include "agents/world/world.hpp"
#include "test_support.hpp"

namespace reformsim::agents {
namespace {

std::string dip_yaml(const std::string& dip_extra, const std::string& payment_extra = "  method: dip\n") {
  return testing::small_scenario_yaml(3000, "payment:\n" + payment_extra + "  dip:\n    catalogue: " +
                                                testing::source_path("scenarios/data/dip_catalogue.csv") + "\n" +
                                                dip_extra);
}

TEST(DipPointValueTest, BudgetOverPointsWithReserve) {
  EXPECT_DOUBLE_EQ(dip_point_value(1e9, 0.0, 1e7), 100.0);
  EXPECT_DOUBLE_EQ(dip_point_value(1e9, 0.05, 1e7), 95.0);
  EXPECT_THROW(dip_point_value(1e9, 0.0, 0.0), std::invalid_argument);
}

class DipRuleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scenario_ = testing::scenario_from_yaml(
        dip_yaml("    provisional_point_value_yuan: 90\n    tier_coefficient: [0.8, 0.9, 1.1]\n"
                 "    basic_group_coefficient: 0.95\n"));
    rule_ = std::make_unique<DipRule>(scenario_.payment.dip);
  }
  Claim claim(const std::string& code, double cost, int tier = 3, double patient = 0) const {
    Claim c;
    c.group = *scenario_.catalogue->find(code);
    c.tier = tier;
    c.total_cost_yuan = cost;
    c.patient_share_yuan = patient;
    return c;
  }
  const DipGroup& dip(const std::string& code) const {
    return scenario_.payment.dip.catalogue->for_case_group(*scenario_.catalogue->find(code));
  }
  ScenarioConfig scenario_;
  std::unique_ptr<DipRule> rule_;
};

TEST_F(DipRuleTest, NormalCaseEarnsTheGroupScore) {
  const DipGroup& g = dip("KD15");
  const Settlement s = rule_->settle(claim("KD15", g.mean_cost_yuan, 3, 1000));
  EXPECT_EQ(s.type, SettlementType::Normal);
  EXPECT_DOUBLE_EQ(s.points, g.score);
  EXPECT_DOUBLE_EQ(s.coefficient, 1.1);
  EXPECT_DOUBLE_EQ(s.point_value_yuan, 90);
  EXPECT_DOUBLE_EQ(s.settlement_yuan, g.score * 1.1 * 90);
  EXPECT_DOUBLE_EQ(s.fund_payment_yuan, g.score * 1.1 * 90 - 1000);
}

TEST_F(DipRuleTest, DeviatingCasesAreRescoredByTheirCostRatio) {
  const DipGroup& g = dip("KD15");
  EXPECT_EQ(rule_->settle(claim("KD15", 0.5 * g.mean_cost_yuan)).type, SettlementType::Normal);
  EXPECT_EQ(rule_->settle(claim("KD15", 2.0 * g.mean_cost_yuan)).type, SettlementType::Normal);
  const Settlement low = rule_->settle(claim("KD15", 0.4 * g.mean_cost_yuan));
  EXPECT_EQ(low.type, SettlementType::LowMultiple);
  EXPECT_NEAR(low.points, 0.4 * g.score, 1e-9);
  const Settlement high = rule_->settle(claim("KD15", 3.0 * g.mean_cost_yuan));
  EXPECT_EQ(high.type, SettlementType::HighMultiple);
  EXPECT_NEAR(high.points, 3.0 * g.score, 1e-9);
}

TEST_F(DipRuleTest, BasicGroupsAreValuedAlikeAtEveryLevel) {
  const std::size_t oc15 = *scenario_.catalogue->find("OC15");
  ASSERT_TRUE(scenario_.payment.dip.catalogue->for_case_group(oc15).basic);
  EXPECT_DOUBLE_EQ(rule_->coefficient(oc15, 1), rule_->coefficient(oc15, 3));
  EXPECT_DOUBLE_EQ(rule_->coefficient(oc15, 2), 0.95);
  const std::size_t kd15 = *scenario_.catalogue->find("KD15");
  EXPECT_DOUBLE_EQ(rule_->coefficient(kd15, 1), 0.8);
  // A special (e.g. TCM-advantage) coefficient multiplies the level coefficient.
  const std::size_t iu15 = *scenario_.catalogue->find("IU15");
  EXPECT_DOUBLE_EQ(rule_->coefficient(iu15, 2), 0.9 * 1.1);
}

TEST(DipWorldTest, YearEndClearingPaysExactlyTheBudget) {
  const ScenarioConfig s = testing::scenario_from_yaml(
      dip_yaml("    annual_budget_yuan: 3000000\n    reserve_share: 0.05\n",
               "  method: ffs\n  switches: [{year: 2, method: dip}]\n"));
  World world(s, 3, 0);
  const RunMetrics m = world.run();  // the books are checked inside: clearing moves money both ways
  EXPECT_TRUE(std::isnan(m.dip_point_value_yuan[0]));
  double settled = 0, clearing = 0, points = 0;
  for (const auto& h : m.hospital_years) {
    settled += h[1].settlement_yuan_sum;
    clearing += h[1].dip_clearing_yuan;
    points += h[1].dip_points;
  }
  EXPECT_NEAR(settled + clearing, 3000000 * 0.95, 1.0);  // to within fen rounding per hospital
  EXPECT_NEAR(m.dip_point_value_yuan[1], 3000000 * 0.95 / points, 1e-9);
  EXPECT_EQ(m.settlement_type_counts[1][static_cast<int>(SettlementType::Ffs)], 0);
}

TEST(DipWorldTest, SameIllnessAsUnderFeeForService) {
  const ScenarioConfig ffs = testing::scenario_from_yaml(dip_yaml("", "  method: ffs\n"));
  const ScenarioConfig dip = testing::scenario_from_yaml(dip_yaml("    annual_budget_yuan: 3000000\n"));
  World a(ffs, 4, 0), b(dip, 4, 0);
  const RunMetrics x = a.run(), y = b.run();
  for (std::size_t k = 0; k < x.months.size(); ++k) {
    EXPECT_EQ(x.months[k].admissions, y.months[k].admissions);
    EXPECT_EQ(x.months[k].bill_yuan_sum, y.months[k].bill_yuan_sum);
  }
}

TEST(DipValidationTest, BadDipInputs) {
  auto errors_of = [](const std::string& yaml) {
    try {
      testing::scenario_from_yaml(yaml);
    } catch (const config::ConfigException& e) {
      return e.errors().to_string();
    }
    return std::string();
  };
  EXPECT_NE(errors_of(dip_yaml("    reserve_share: 1\n")).find("payment.dip.reserve_share: must be in [0, 1)"),
            std::string::npos);
  EXPECT_NE(errors_of(testing::small_scenario_yaml(100, "payment:\n  method: dip\n"))
                .find("payment.dip.catalogue is not set"),
            std::string::npos);
  testing::TempDir dir;
  const std::string bad = dir.write(
      "dip.csv", "code,case_group,score,mean_cost_yuan\nA,KD15,0,1000\nB,ZZ99,10,1000\nC,KD15,10,1000\n");
  const std::string e = errors_of(testing::small_scenario_yaml(
      100, "payment:\n  method: dip\n  dip:\n    catalogue: " + bad + "\n"));
  EXPECT_NE(e.find("dip.csv:2: payment.dip.catalogue: column 'score': must be > 0"), std::string::npos) << e;
  EXPECT_NE(e.find("dip.csv:3: payment.dip.catalogue: column 'case_group': group 'ZZ99' is not in the case catalogue"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("dip.csv:4: payment.dip.catalogue: case group 'KD15' is already mapped"), std::string::npos) << e;
  EXPECT_NE(e.find("case group(s) have no DIP group"), std::string::npos) << e;
}

}  // namespace
}  // namespace reformsim::agents
