// DRG and FFS settlement (CHS-DRG outlier rules), at the edges of every settlement type.
#include <gtest/gtest.h>

#include "agents/payment/drg.hpp"
#include "agents/payment/fee_for_service.hpp"
#include "agents/world/shock_schedule.hpp"
#include "agents/world/world.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

class DrgRuleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scenario_ = testing::scenario_from_yaml(testing::small_scenario_yaml(100));
    rule_ = std::make_unique<DrgRule>(scenario_.catalogue, scenario_.payment.section<DrgConfig>("drg"));
  }
  Claim claim(const std::string& code, double cost, double patient_share = 0, double los = 5) const {
    Claim c;
    c.group = *scenario_.catalogue->find(code);
    c.tier = 3;
    c.total_cost_yuan = cost;
    c.patient_share_yuan = patient_share;
    c.los_days = los;
    return c;
  }
  ScenarioConfig scenario_;
  std::unique_ptr<DrgRule> rule_;
};

TEST_F(DrgRuleTest, NormalCaseIsPaidTheStandard) {
  const Settlement s = rule_->settle(claim("KD15", 10000, 3000));
  EXPECT_EQ(s.type, SettlementType::Normal);
  EXPECT_DOUBLE_EQ(s.standard_yuan, 1.26 * 8811);
  EXPECT_DOUBLE_EQ(s.settlement_yuan, 1.26 * 8811);
  EXPECT_DOUBLE_EQ(s.fund_payment_yuan, 1.26 * 8811 - 3000);
}

TEST_F(DrgRuleTest, UpcodingExamplesOfTheSeeds) {
  // Same bill and patient share, coded into the higher group: the loss is the weight gap × base rate.
  const double r = 8811;
  auto loss = [&](const char* true_code, const char* coded) {
    return rule_->settle(claim(coded, 12000, 4000)).fund_payment_yuan -
           rule_->settle(claim(true_code, 12000, 4000)).fund_payment_yuan;
  };
  EXPECT_NEAR(loss("KD15", "DA15"), 0.82 * r, 1e-6);
  EXPECT_NEAR(loss("ES35", "ES33"), 0.37 * r, 1e-6);
  EXPECT_NEAR(loss("BR25", "BR23"), 0.28 * r, 1e-6);
}

TEST_F(DrgRuleTest, HighMultipleThresholdByWeightBand) {
  // KD15 has weight 1.26: band (1, 3] with factor 2. At exactly 2 × standard the case is still normal.
  const double standard = 1.26 * 8811;
  EXPECT_DOUBLE_EQ(rule_->high_multiple_factor(1.0), 3.0);
  EXPECT_DOUBLE_EQ(rule_->high_multiple_factor(1.26), 2.0);
  EXPECT_DOUBLE_EQ(rule_->high_multiple_factor(3.5), 1.5);
  EXPECT_EQ(rule_->settle(claim("KD15", 2 * standard)).type, SettlementType::Normal);
  const Settlement high = rule_->settle(claim("KD15", 2 * standard + 1));
  EXPECT_EQ(high.type, SettlementType::HighMultiple);
  EXPECT_DOUBLE_EQ(high.settlement_yuan, 2 * standard + 1);  // excess share 1 = paid by items
}

TEST_F(DrgRuleTest, LowMultipleIsPaidByItems) {
  const double standard = 1.26 * 8811;
  EXPECT_EQ(rule_->settle(claim("KD15", 0.4 * standard)).type, SettlementType::Normal);
  const Settlement low = rule_->settle(claim("KD15", 0.4 * standard - 1, 100));
  EXPECT_EQ(low.type, SettlementType::LowMultiple);
  EXPECT_DOUBLE_EQ(low.settlement_yuan, 0.4 * standard - 1);
  EXPECT_DOUBLE_EQ(low.fund_payment_yuan, 0.4 * standard - 1 - 100);
}

TEST_F(DrgRuleTest, LongStayAndQy) {
  EXPECT_EQ(rule_->settle(claim("KD15", 10000, 0, 60)).type, SettlementType::Normal);
  const Settlement long_stay = rule_->settle(claim("KD15", 10000, 0, 60.5));
  EXPECT_EQ(long_stay.type, SettlementType::LongStay);
  EXPECT_DOUBLE_EQ(long_stay.settlement_yuan, 10000);
  const Settlement qy = rule_->settle(claim("KQY", 10000, 2000));
  EXPECT_EQ(qy.type, SettlementType::Qy);
  EXPECT_DOUBLE_EQ(qy.settlement_yuan, 8000);
  EXPECT_DOUBLE_EQ(qy.fund_payment_yuan, 6000);
}

TEST_F(DrgRuleTest, FundNeverPaysBelowZero) {
  const Settlement s = rule_->settle(claim("ES35", 4600, 4600));
  EXPECT_EQ(s.type, SettlementType::Normal);
  EXPECT_DOUBLE_EQ(s.fund_payment_yuan, 0.0);
}

TEST(DrgRuleConfigTest, TierCoefficientsBasicGroupsAndPublishedStandards) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(
      100, "payment:\n  drg:\n    tier_coefficient: [0.8, 0.9, 1.1]\n    basic_group_coefficient: 0.85\n"));
  const DrgRule rule(s.catalogue, s.payment.section<DrgConfig>("drg"));
  const std::size_t kd15 = *s.catalogue->find("KD15");
  EXPECT_DOUBLE_EQ(rule.standard_yuan(kd15, 1), 1.26 * 8811 * 0.8);
  EXPECT_DOUBLE_EQ(rule.standard_yuan(kd15, 3), 1.26 * 8811 * 1.1);
  for (std::size_t g = 0; g < s.catalogue->size(); ++g) {
    const CaseGroup& group = s.catalogue->group(g);
    if (group.basic && !group.standard_yuan) {
      EXPECT_DOUBLE_EQ(rule.standard_yuan(g, 1), rule.standard_yuan(g, 3));
      EXPECT_DOUBLE_EQ(rule.standard_yuan(g, 2), group.weight * 8811 * 0.85);
    }
    if (group.standard_yuan && !group.basic) {
      EXPECT_DOUBLE_EQ(rule.standard_yuan(g, 2), *group.standard_yuan * 0.9);
    }
  }
}

TEST(FfsRuleTest, PaysTheItemisedBill) {
  Claim c;
  c.total_cost_yuan = 12345.67;
  c.patient_share_yuan = 2345.67;
  const Settlement s = FfsRule().settle(c);
  EXPECT_EQ(s.type, SettlementType::Ffs);
  EXPECT_DOUBLE_EQ(s.settlement_yuan, 12345.67);
  EXPECT_DOUBLE_EQ(s.fund_payment_yuan, 10000.0);
}

}  // namespace
}  // namespace reformsim::agents

namespace reformsim::agents {
namespace {

TEST(SpecialCaseTest, ReviewedCasesArePaidByItemsWhileQuotaLasts) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(
      100, "payment:\n  drg:\n    high_multiple_excess_share: 0.5\n    special_case_multiple: 4\n"));
  const DrgRule rule(s.catalogue, s.payment.section<DrgConfig>("drg"));
  Claim c;
  c.group = *s.catalogue->find("KD15");
  c.tier = 3;
  const double standard = 1.26 * 8811;
  c.total_cost_yuan = 4 * standard + 1;
  c.special_case_allowed = true;
  const Settlement reviewed = rule.settle(c);
  EXPECT_EQ(reviewed.type, SettlementType::SpecialCase);
  EXPECT_DOUBLE_EQ(reviewed.settlement_yuan, c.total_cost_yuan);
  c.special_case_allowed = false;  // quota used up: an ordinary high-multiple case
  const Settlement ordinary = rule.settle(c);
  EXPECT_EQ(ordinary.type, SettlementType::HighMultiple);
  EXPECT_DOUBLE_EQ(ordinary.settlement_yuan, standard + 0.5 * (c.total_cost_yuan - standard));
  c.special_case_allowed = true;
  c.total_cost_yuan = 4 * standard;  // at the edge: not above the multiple
  EXPECT_EQ(rule.settle(c).type, SettlementType::HighMultiple);
}

TEST(SpecialCaseTest, TheYearlyQuotaHoldsInASimulatedCity) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(
      6000, "payment:\n  method: drg\n  drg:\n    special_case_multiple: 2.5\n    special_case_quota: 3\n"));
  World world(s, 2, 0);
  const RunMetrics m = world.run();
  double total = 0;
  for (const auto& hospital : m.hospital_years) {
    for (const HospitalYearMetrics& y : hospital) {
      EXPECT_LE(y.special_cases, 3);
      total += y.special_cases;
    }
  }
  EXPECT_GT(total, 0);
  EXPECT_EQ(total, m.settlement_type_counts[0][static_cast<int>(SettlementType::SpecialCase)] +
                       m.settlement_type_counts[1][static_cast<int>(SettlementType::SpecialCase)]);
}

}  // namespace
}  // namespace reformsim::agents

namespace reformsim::agents {
namespace {

// A new technology: by items (or standard + add-on) during its period, then folded in at its new cost level.
TEST(NewTechnologyTest, SpecialPeriodThenFoldIn) {
  std::string yaml = testing::small_scenario_yaml(
      100,
      "shocks: [{type: new_technology, from_year: 2, group: FM13, factor: 1.5}]\n"
      "payment:\n  method: drg\n  drg:\n    new_technologies:\n"
      "      - {group: FM13, from_year: 2, years: 1, payment: add_on, add_on_share: 0.65, device_price_yuan: 4000}\n");
  yaml.replace(yaml.find("horizon_years: 2"), 16, "horizon_years: 3");
  const ScenarioConfig s = testing::scenario_from_yaml(yaml);
  const std::vector<YearLevels> levels = shock_schedule(s);
  const std::size_t fm13 = *s.catalogue->find("FM13");
  const double standard =
      DrgRule(s.catalogue, s.payment.section<DrgConfig>("drg")).standard_yuan(fm13, 3);  // FM13 has a published one
  Claim c;
  c.group = fm13;
  c.tier = 3;
  c.total_cost_yuan = standard + 10000;
  auto settle_in = [&](int year_index) {
    return make_payment_rule("drg", s, year_index, levels[static_cast<std::size_t>(year_index)].group_cost_factor)
        ->settle(c);
  };
  const Settlement before = settle_in(0);
  EXPECT_EQ(before.type, SettlementType::Normal);
  EXPECT_DOUBLE_EQ(before.settlement_yuan, standard);
  const Settlement during = settle_in(1);
  EXPECT_EQ(during.type, SettlementType::NewTechnology);
  EXPECT_DOUBLE_EQ(during.settlement_yuan, standard + std::min(0.65 * 10000, 0.65 * 4000));
  const Settlement after = settle_in(2);  // folded in: the weight now reflects the 1.5× cost level
  EXPECT_DOUBLE_EQ(after.standard_yuan, standard * 1.5);
  EXPECT_EQ(after.type, SettlementType::Normal);
}

}  // namespace
}  // namespace reformsim::agents
