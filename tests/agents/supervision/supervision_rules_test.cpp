// Supervision's pure rules: the Xian'an ward-round thresholds, the Chaoyang doctor points, the audit pool.
#include <gtest/gtest.h>

#include "agents/supervision/audit_pool.hpp"
#include "agents/supervision/doctor_points.hpp"
#include "agents/supervision/supervision_declarations.hpp"
#include "agents/supervision/ward_round.hpp"

namespace reformsim::agents {
namespace {

TEST(WardRoundTest, ThresholdsAtTheirEdges) {
  const WardRoundConfig w = config::defaults_of(ward_round_binding());
  EXPECT_FALSE(judge_ward_round(70, 100, 1.0, w).institution_flagged);
  EXPECT_TRUE(judge_ward_round(69, 100, 1.0, w).institution_flagged);
  EXPECT_FALSE(judge_ward_round(50, 100, 1.0, w).leaders_interviewed);
  EXPECT_TRUE(judge_ward_round(49, 100, 1.0, w).leaders_interviewed);
  // Below 60% twice in a row.
  EXPECT_FALSE(judge_ward_round(59, 100, 0.60, w).leaders_interviewed);
  EXPECT_TRUE(judge_ward_round(59, 100, 0.59, w).leaders_interviewed);
  EXPECT_FALSE(judge_ward_round(0, 0, 0.0, w).institution_flagged);  // an empty ward is not a phantom ward
  EXPECT_FALSE(patient_flagged(1, 4, w));                            // 25% ≤ 30%, once
  EXPECT_TRUE(patient_flagged(1, 3, w));                             // 33% > 30%
  EXPECT_TRUE(patient_flagged(2, 10, w));                            // absent at two checks
  EXPECT_DOUBLE_EQ(phantom_bed_deduction_yuan(9000, 9, 0), 1000);    // first time: the daily average
  EXPECT_DOUBLE_EQ(phantom_bed_deduction_yuan(9000, 9, 1), 9000);    // then the whole admission
}

TEST(DoctorPointsTest, TheChaoyangMachine) {
  const DoctorPointsConfig c = config::defaults_of(doctor_points_binding());
  DoctorRecord d;
  EXPECT_EQ(deduct_points(d, 6, 0, c), PointsOutcome::None);
  EXPECT_EQ(deduct_points(d, 2, 10, c), PointsOutcome::Training);  // 8 points
  EXPECT_EQ(deduct_points(d, 2, 20, c), PointsOutcome::None);      // trained once per cycle
  EXPECT_TRUE(d.may_practise(20));
  EXPECT_EQ(deduct_points(d, 2, 30, c), PointsOutcome::Suspension);  // 12 points
  EXPECT_FALSE(d.may_practise(30 + 182));
  EXPECT_TRUE(d.may_practise(30 + 182.5));
  EXPECT_EQ(d.points, 0);
  EXPECT_EQ(deduct_points(d, 12, 400, c), PointsOutcome::Ban);
  EXPECT_FALSE(d.may_practise(400 + 729));
  EXPECT_TRUE(d.may_practise(400 + 730));
  EXPECT_EQ(deduct_points(d, 12, 2000, c), PointsOutcome::Termination);
  EXPECT_FALSE(d.may_practise(1e9));
  EXPECT_EQ(deduct_points(d, 12, 3000, c), PointsOutcome::None);
}

TEST(AuditPoolTest, TheBudgetGoesToTheRiskiestClaimsFirst) {
  std::vector<FlaggedClaim> pool(5);
  const double risks[] = {10, 50, 50, 5, 70};
  for (std::size_t i = 0; i < pool.size(); ++i) {
    pool[i].risk = risks[i];
    pool[i].order = i;
  }
  EXPECT_EQ(select_for_audit(pool, 3), (std::vector<std::size_t>{4, 1, 2}));
  EXPECT_EQ(select_for_audit(pool, 0).size(), 0u);
  EXPECT_EQ(select_for_audit(pool, 9).size(), 5u);
}

}  // namespace
}  // namespace reformsim::agents
