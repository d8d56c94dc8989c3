// The pure rules of provider behaviour and supervision: coding targets and gains, ward-round thresholds at their
// edges, the Chaoyang points machine, the hospitals' review rule and the audit selection.
#include <gtest/gtest.h>

#include "agents/behaviour/behaviour_declarations.hpp"
#include "agents/behaviour/code_targets.hpp"
#include "agents/behaviour/gaming.hpp"
#include "agents/behaviour/hospital_strategy.hpp"
#include "agents/payment/drg.hpp"
#include "agents/supervision/audit_pool.hpp"
#include "agents/supervision/doctor_points.hpp"
#include "agents/supervision/supervision_declarations.hpp"
#include "agents/supervision/ward_round.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

ScenarioConfig city() { return testing::scenario_from_yaml(testing::small_scenario_yaml(1000)); }

std::size_t id(const ScenarioConfig& s, const std::string& code) { return *s.catalogue->find(code); }

PerViolation<bool> only(Violation v) {
  PerViolation<bool> a{};
  a[index_of(v)] = true;
  return a;
}

TEST(CodeTargetsTest, SecondaryDiagnosisMovesToTheNextSevereDigitOfTheSameAdrg) {
  const ScenarioConfig s = city();
  const CodeTargets targets(*s.catalogue);
  EXPECT_EQ(targets.of(id(s, "ES35")).upcode_secondary, id(s, "ES33"));
  EXPECT_EQ(targets.of(id(s, "KD15")).upcode_secondary, id(s, "KD13"));
  const auto main = targets.of(id(s, "KD15")).upcode_main;
  ASSERT_TRUE(main);
  EXPECT_EQ(s.catalogue->group(*main).mdc, "K");
  EXPECT_NE(s.catalogue->group(*main).adrg, "KD1");
  EXPECT_GT(s.catalogue->group(*main).weight, 1.26);
  EXPECT_EQ(targets.of(id(s, "KD15")).qy, id(s, "KQY"));
  // An MDC without a QY group falls back to the first QY group of the catalogue.
  ASSERT_TRUE(targets.of(id(s, "ES35")).qy);
  EXPECT_EQ(s.catalogue->group(*targets.of(id(s, "ES35")).qy).kind, GroupKind::Qy);
}

TEST(GamingTest, UpcodingPaysUnderDrgByTheWeightDifferenceAndNothingUnderFfs) {
  const ScenarioConfig s = city();
  const CodeTargets targets(*s.catalogue);
  const auto drg = make_payment_rule("drg", s);
  const auto ffs = make_payment_rule("ffs", s);
  const double r = s.payment.section<DrgConfig>("drg").base_rate_yuan;
  // A normal ES35 case: its bill sits between the low and high thresholds of both groups.
  const CaseFacts es35{id(s, "ES35"), 2, 0.7 * r, 6};
  const auto choice = best_coding_violation(es35, *drg, targets.of(es35.group), s.behaviour,
                                            only(Violation::UpcodingSecondaryDiagnosis), 0.85);
  ASSERT_TRUE(choice);
  EXPECT_EQ(choice->submitted.group, id(s, "ES33"));
  EXPECT_NEAR(choice->gain_yuan, (0.89 - 0.52) * r, 1e-6);
  EXPECT_FALSE(best_coding_violation(es35, *ffs, targets.of(es35.group), s.behaviour,
                                     only(Violation::UpcodingSecondaryDiagnosis), 0.85));
  // Nothing attempted, nothing chosen.
  EXPECT_FALSE(best_coding_violation(es35, *drg, targets.of(es35.group), s.behaviour, PerViolation<bool>{}, 0.85));
}

TEST(GamingTest, ViolatingChargesLiftALowMultipleCaseIntoTheNormalPayment) {
  const ScenarioConfig s = city();
  const CodeTargets targets(*s.catalogue);
  const auto drg = make_payment_rule("drg", s);
  const std::size_t g = id(s, "KD15");
  const double standard = 1.26 * s.payment.section<DrgConfig>("drg").base_rate_yuan;
  // Just below the low-multiple threshold (0.4 × standard): a few charges make it a normal case.
  const CaseFacts low{g, 2, 0.38 * standard, 3};
  const auto choice =
      best_coding_violation(low, *drg, targets.of(g), s.behaviour, only(Violation::ViolatingCharges), 0.85);
  ASSERT_TRUE(choice);
  EXPECT_GT(choice->extra_charge_yuan, 0);
  EXPECT_GE(choice->submitted.bill_yuan, 0.4 * standard);
  EXPECT_NEAR(choice->gain_yuan, standard - low.bill_yuan, 1e-6);
}

TEST(GamingTest, DowncodingOnlyCountsWhenTheLighterGroupPaysAsAHighMultiple) {
  const ScenarioConfig s = city();
  const CodeTargets targets(*s.catalogue);
  const auto drg = make_payment_rule("drg", s);
  const std::size_t g = id(s, "KD15");
  const double standard = 1.26 * s.payment.section<DrgConfig>("drg").base_rate_yuan;
  const CaseFacts normal{g, 2, 1.0 * standard, 5};
  EXPECT_FALSE(
      best_coding_violation(normal, *drg, targets.of(g), s.behaviour, only(Violation::DowncodingHighMultiple), 0.85));
  const CaseFacts overspent{g, 2, 1.9 * standard, 12};
  const auto choice =
      best_coding_violation(overspent, *drg, targets.of(g), s.behaviour, only(Violation::DowncodingHighMultiple), 0.85);
  ASSERT_TRUE(choice);
  EXPECT_LT(s.catalogue->group(choice->submitted.group).weight, 1.26);
  EXPECT_NEAR(choice->gain_yuan, overspent.bill_yuan - standard, 1e-6);  // paid by items instead of the standard
}

TEST(GamingTest, ShiftingPaysUnderBundledPaymentOnly) {
  const ScenarioConfig s = city();
  const CodeTargets targets(*s.catalogue);
  const auto drg = make_payment_rule("drg", s);
  const auto ffs = make_payment_rule("ffs", s);
  const std::size_t g = id(s, "KD15");
  const CaseFacts normal{g, 2, 1.26 * s.payment.section<DrgConfig>("drg").base_rate_yuan, 5};
  const double shifted = normal.bill_yuan * s.behaviour.cost_shift_share;
  // Billed again outside the claim: the whole shifted part is extra revenue while the standard stays.
  const auto outpatient =
      best_coding_violation(normal, *drg, targets.of(g), s.behaviour, only(Violation::CostShiftingOutpatient), 0.85);
  ASSERT_TRUE(outpatient);
  EXPECT_NEAR(outpatient->gain_yuan, shifted, 1e-6);
  // Sent to a pharmacy: the hospital saves the drugs' cost.
  const auto pharmacy =
      best_coding_violation(normal, *drg, targets.of(g), s.behaviour, only(Violation::CostShiftingPharmacy), 0.85);
  ASSERT_TRUE(pharmacy);
  EXPECT_NEAR(pharmacy->gain_yuan, 0.85 * shifted, 1e-6);
  // Under items, a yuan moved out of the claim is a yuan less on it.
  EXPECT_FALSE(
      best_coding_violation(normal, *ffs, targets.of(g), s.behaviour, only(Violation::CostShiftingSelfPay), 0.85));
}

TEST(GamingTest, SplittingADrgStayIsPaidTwice) {
  const ScenarioConfig s = city();
  const CodeTargets targets(*s.catalogue);
  const auto drg = make_payment_rule("drg", s);
  const auto ffs = make_payment_rule("ffs", s);
  const std::size_t g = id(s, "ES35");
  const double standard = 0.52 * s.payment.section<DrgConfig>("drg").base_rate_yuan;
  const CaseFacts truth{g, 2, 1.0 * standard, 8};
  const SplitStays stays = split_stays(truth, *drg, targets.of(g), s.behaviour, false);
  EXPECT_EQ(stays.first.group, g);
  EXPECT_EQ(stays.second.group, g);
  EXPECT_DOUBLE_EQ(stays.first.bill_yuan + stays.second.bill_yuan, truth.bill_yuan);
  EXPECT_NEAR(stays.gain_yuan, standard, 1e-6);  // two standards for one stay's worth of care
  EXPECT_NEAR(split_stays(truth, *ffs, targets.of(g), s.behaviour, false).gain_yuan, 0, 1e-6);
  EXPECT_NE(split_stays(truth, *drg, targets.of(g), s.behaviour, true).second.group, g);
}

TEST(HospitalStrategyTest, BoundedResponseToNetGainAndMargin) {
  StrategyConfig c = config::defaults_of(strategy_binding());
  c.learning_rate = 0.5;
  c.margin_pressure = 2;
  c.margin_target = 0.05;
  c.min_multiplier = 0.1;
  c.max_multiplier = 3;
  PerViolation<double> m;
  m.fill(1.0);
  PerViolation<ViolationYear> year{};
  year[0] = {1000, 0};     // paid off, nothing caught: × 1.5
  year[1] = {1000, 3000};  // penalties three times the gain: × (1 − 1) → floor
  year[2] = {0, 0};        // not committed: unchanged at a comfortable margin
  year[3] = {0, 500};      // penalised for last year's, not committed since: × (1 − 0.5)
  const PerViolation<double> out = review_multipliers(m, year, 0.10, c);
  EXPECT_DOUBLE_EQ(out[0], 1.5);
  EXPECT_DOUBLE_EQ(out[1], 0.1);
  EXPECT_DOUBLE_EQ(out[2], 1.0);
  EXPECT_DOUBLE_EQ(out[3], 0.5);
  // Below the target margin every type is pushed up: 1 + 2 × 0.05.
  EXPECT_DOUBLE_EQ(review_multipliers(m, year, 0.0, c)[2], 1.1);
  m.fill(2.9);
  EXPECT_DOUBLE_EQ(review_multipliers(m, year, 0.10, c)[0], 3.0);
  c.cost_control_rate = 0.1;
  c.min_intensity = 0.85;
  EXPECT_DOUBLE_EQ(review_intensity(1.0, 900, 1000, c), 0.9);
  EXPECT_DOUBLE_EQ(review_intensity(0.9, 900, 1000, c), 0.85);
  EXPECT_DOUBLE_EQ(review_intensity(0.95, 1100, 1000, c), 1.0);
}

}  // namespace
}  // namespace reformsim::agents
