// DIP (按病种分值付费): point-value arithmetic, per-case points with deviation re-scoring, coefficients, and the
// year-end clearing of a simulated year.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "agents/payment/dip.hpp"
#include "agents/world/world.hpp"
#include "tests/agents/test_support.hpp"

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
    rule_ = std::make_unique<DipRule>(scenario_.payment.section<DipConfig>("dip"));
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
    return scenario_.payment.section<DipConfig>("dip").catalogue->for_case_group(*scenario_.catalogue->find(code));
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
  ASSERT_TRUE(scenario_.payment.section<DipConfig>("dip").catalogue->for_case_group(oc15).basic);
  EXPECT_DOUBLE_EQ(rule_->coefficient(oc15, 1), rule_->coefficient(oc15, 3));
  EXPECT_DOUBLE_EQ(rule_->coefficient(oc15, 2), 0.95);
  const std::size_t kd15 = *scenario_.catalogue->find("KD15");
  EXPECT_DOUBLE_EQ(rule_->coefficient(kd15, 1), 0.8);
  // A special (e.g. TCM-advantage) coefficient multiplies the level coefficient.
  const std::size_t iu15 = *scenario_.catalogue->find("IU15");
  EXPECT_DOUBLE_EQ(rule_->coefficient(iu15, 2), 0.9 * 1.1);
}

TEST(DipWorldTest, YearEndClearingPaysExactlyTheBudget) {
  const ScenarioConfig s =
      testing::scenario_from_yaml(dip_yaml("    annual_budget_yuan: 3000000\n    reserve_share: 0.05\n",
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
  const auto errors_of = testing::config_errors_of;
  EXPECT_NE(errors_of(dip_yaml("    reserve_share: 1\n")).find("payment.dip.reserve_share: must be in [0, 1)"),
            std::string::npos);
  EXPECT_NE(errors_of(testing::small_scenario_yaml(100, "payment:\n  method: dip\n"))
                .find("payment.dip.catalogue is not set"),
            std::string::npos);
  testing::TempDir dir;
  const std::string bad =
      dir.write("dip.csv", "code,case_group,score,mean_cost_yuan\nA,KD15,0,1000\nB,ZZ99,10,1000\nC,KD15,10,1000\n");
  const std::string e =
      errors_of(testing::small_scenario_yaml(100, "payment:\n  method: dip\n  dip:\n    catalogue: " + bad + "\n"));
  EXPECT_NE(e.find("dip.csv:2: payment.dip.catalogue: column 'score': must be in (0, 1000000], got '0'"), std::string::npos) << e;
  EXPECT_NE(e.find("dip.csv:3: payment.dip.catalogue: column 'case_group': group 'ZZ99' is not in the case catalogue"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("dip.csv:4: payment.dip.catalogue: case group 'KD15' is already mapped"), std::string::npos) << e;
  EXPECT_NE(e.find("case group(s) have no DIP group"), std::string::npos) << e;
}

}  // namespace
}  // namespace reformsim::agents

namespace reformsim::agents {
namespace {

// DRG and DIP on identical patients (common random numbers): with outlier rules switched off and hospitals not
// reacting, a DRG base rate of budget ÷ Σ weights and a DIP pot of the same budget (scores = weight × 100) pay the
// same total.
TEST(DrgDipComparisonTest, SameBudgetSameTotalWhenHospitalsDoNotReact) {
  testing::TempDir dir;
  const std::string cases = dir.write("cases.csv",
                                      "code,weight,frequency,mean_los_days,los_cv,mean_cost_yuan,cost_cv\n"
                                      "AA15,0.5,30,4,0.5,5000,0.4\nBB13,1.2,25,8,0.5,12000,0.6\n"
                                      "CC11,3.0,5,15,0.6,30000,0.7\nDD15,0.8,40,6,0.5,8000,0.5\n");
  const std::string dip = dir.write("dip.csv",
                                    "code,case_group,score,mean_cost_yuan\nD-AA15,AA15,50,5000\n"
                                    "D-BB13,BB13,120,12000\nD-CC11,CC11,300,30000\nD-DD15,DD15,80,8000\n");
  const double budget = 4000000;
  auto city = [&](const std::string& payment) {
    std::string yaml = testing::small_scenario_yaml(4000, "payment:\n" + payment);
    yaml.replace(yaml.find("catalogue: "), std::string("catalogue: ").size() + testing::city_catalogue().size(),
                 "catalogue: " + cases);
    return testing::scenario_from_yaml(yaml);
  };
  const std::string no_outliers =
      "    low_multiple_factor: 0\n    high_multiple_bands: [{factor: 100}]\n"
      "    long_stay_days: 100000\n";
  // Pass 1: the year's case mix (Σ weights); the cases are the same in every pass.
  World probe(city("  method: drg\n  drg:\n" + no_outliers), 12, 0);
  const RunMetrics mix = probe.run();
  double weight_sum = 0;
  for (const auto& h : mix.hospital_years) weight_sum += h[0].weight_sum;
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.12f", budget / weight_sum);
  World drg(city("  method: drg\n  drg:\n    base_rate_yuan: " + std::string(rate) + "\n" + no_outliers), 12, 0);
  World dip_world(city("  method: dip\n  dip:\n    catalogue: " + dip +
                       "\n    annual_budget_yuan: 4000000\n"
                       "    low_deviation_ratio: 0\n    high_deviation_ratio: 100\n"),
                  12, 0);
  const RunMetrics x = drg.run(), y = dip_world.run();
  double drg_total = 0, dip_total = 0;
  for (const auto& h : x.hospital_years) drg_total += h[0].settlement_yuan_sum;
  for (const auto& h : y.hospital_years) dip_total += h[0].settlement_yuan_sum + h[0].dip_clearing_yuan;
  EXPECT_NEAR(drg_total, budget, 0.01);
  EXPECT_NEAR(dip_total, budget, 1.0);  // clearing is booked to the fen per hospital
  EXPECT_EQ(x.months[3].admissions, y.months[3].admissions);
}

}  // namespace
}  // namespace reformsim::agents
