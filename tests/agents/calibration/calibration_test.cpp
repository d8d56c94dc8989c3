// Weights and scores from data: trimmed group means over the overall mean, base rate and point value from the budget.
#include <gtest/gtest.h>

#include "agents/calibration/calibration.hpp"
#include "agents/scenario/dip_catalogue.hpp"

namespace reformsim::agents {
namespace {

CaseCatalogue three_groups() {
  config::ErrorList errors;
  CaseCatalogue c = CaseCatalogue::parse(
      "code,weight,frequency,mean_los_days,los_cv,mean_cost_yuan,cost_cv\n"
      "AA15,1,1,5,0.5,1000,0.5\nBB15,2,1,5,0.5,2000,0.5\nCC15,7,1,5,0.5,7000,0.5\n",
      "cal.csv", errors);
  EXPECT_TRUE(errors.empty()) << errors.to_string();
  return c;
}

TEST(CalibrationTest, TrimmedMeansOverTheOverallMean) {
  const CaseCatalogue catalogue = three_groups();
  std::vector<CaseRecord> cases;
  // Group 0: 1000 ×4 and an outlier of 50,000 (trimmed: IQR is 0). Group 1: 2000, 3000 (×2 each).
  for (int i = 0; i < 4; ++i) cases.push_back({0, 1000});
  cases.push_back({0, 50000});
  for (int i = 0; i < 2; ++i) cases.push_back({1, 2000}), cases.push_back({1, 3000});
  CalibrationOptions options;
  options.min_cases = 2;
  const CalibrationResult r = calibrate(catalogue, cases, options);
  EXPECT_EQ(r.trimmed, 1u);
  EXPECT_EQ(r.groups[0].kept, 4u);
  EXPECT_DOUBLE_EQ(r.groups[0].mean_cost_yuan, 1000);
  EXPECT_DOUBLE_EQ(r.groups[1].mean_cost_yuan, 2500);
  // Overall mean of the kept cases: (4 × 1000 + 10,000) / 8 = 1750.
  EXPECT_DOUBLE_EQ(r.overall_mean_cost_yuan, 1750);
  EXPECT_DOUBLE_EQ(r.groups[0].weight, 1000.0 / 1750);
  EXPECT_DOUBLE_EQ(r.groups[1].weight, 2500.0 / 1750);
  EXPECT_DOUBLE_EQ(r.groups[1].score, 100 * 2500.0 / 1750);
  // A group without cases keeps its prior weight.
  EXPECT_TRUE(r.groups[2].kept_prior);
  EXPECT_DOUBLE_EQ(r.groups[2].weight, 7);
  // Without a budget the base period's own cost is spent: 64,000 over Σ weights of all 9 cases.
  const double weights = 5 * (1000.0 / 1750) + 4 * (2500.0 / 1750);
  EXPECT_NEAR(r.base_rate_yuan, 64000 / weights, 1e-9);
  EXPECT_NEAR(r.point_value_yuan, r.base_rate_yuan / 100, 1e-9);
}

TEST(CalibrationTest, BaseRateFromABudget) {
  const CaseCatalogue catalogue = three_groups();
  std::vector<CaseRecord> cases{{0, 1000}, {0, 1000}, {1, 2000}, {1, 2000}};
  CalibrationOptions options;
  options.min_cases = 1;
  options.budget_yuan = 9000;
  const CalibrationResult r = calibrate(catalogue, cases, options);
  // Weights 2/3 and 4/3; Σ weights = 4 → base rate 2250 (a case of weight 1 is paid 2250).
  EXPECT_NEAR(r.base_rate_yuan, 2250, 1e-9);
  EXPECT_NEAR(r.point_value_yuan, 22.5, 1e-9);
  EXPECT_THROW(calibrate(catalogue, {}, options), std::invalid_argument);
}

TEST(CalibrationTest, CatalogueOutputsParseBack) {
  const CaseCatalogue catalogue = three_groups();
  CalibrationOptions options;
  options.min_cases = 1;
  const CalibrationResult r = calibrate(catalogue, {{0, 1000}, {1, 3000}, {2, 5000}}, options);
  config::ErrorList errors;
  const CaseCatalogue again = CaseCatalogue::parse(calibrated_catalogue_csv(catalogue, r), "out.csv", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_NEAR(again.group(1).weight, 3000.0 / 3000, 1e-4);
  const DipCatalogue dip = DipCatalogue::parse(calibrated_dip_csv(catalogue, r), "dip.csv", again, errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_NEAR(dip.for_case_group(2).score, 100 * 5000.0 / 3000, 1e-3);
}

}  // namespace
}  // namespace reformsim::agents
