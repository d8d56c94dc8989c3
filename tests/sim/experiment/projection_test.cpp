// Projections across replicates: percentiles per group and year, the probability of an event by each year, NaN
// values left out, and groups by arm and grid point.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/experiment/projection.hpp"

namespace reformsim::experiment {
namespace {

OutputLayout layout() {
  OutputLayout l;
  l.axes = {{"year", {"2024", "2025", "2026"}, ""}};
  l.metrics = {{"years/balance", {"year"}, "yuan", "balance"}, {"summary/depleted", {}, "year", "year of depletion"}};
  return l;
}

std::vector<RunPlan> plans(std::size_t arms, std::size_t replicates) {
  std::vector<RunPlan> runs;
  for (std::size_t a = 0; a < arms; ++a) {
    for (std::size_t r = 0; r < replicates; ++r) {
      RunPlan p;
      p.run_id = runs.size();
      p.arm_index = a;
      p.arm = "arm" + std::to_string(a);
      p.replicate = static_cast<int>(r);
      runs.push_back(p);
    }
  }
  return runs;
}

TEST(ProjectionTest, PercentilesAndProbabilitiesPerArm) {
  const OutputLayout l = layout();
  const std::vector<RunPlan> runs = plans(2, 5);
  ProjectionSpec spec{"year", {0}, {{"depleted", "P(depleted)", 1}}};
  Projection p(spec, l, runs);
  const double nan = std::nan("");
  for (const RunPlan& r : runs) {
    RunValues v;
    const double k = static_cast<double>(r.replicate);
    v.metrics = {{k, 10 * k, r.arm_index == 0 ? nan : 100 * k},
                 {r.replicate < 2 ? 2025.0 : (r.replicate < 3 ? 2026.0 : nan)}};
    p.add(r, v);
  }
  ASSERT_EQ(p.groups(), 2u);
  EXPECT_DOUBLE_EQ(p.fan_quantile(0, 0, 0, 0.5), 2);
  EXPECT_DOUBLE_EQ(p.fan_quantile(0, 0, 1, 0.25), 10);    // 0, 10, 20, 30, 40: the 25th percentile
  EXPECT_DOUBLE_EQ(p.fan_quantile(0, 0, 1, 0.05), 2);     // linear between 0 and 10
  EXPECT_TRUE(std::isnan(p.fan_quantile(0, 0, 2, 0.5)));  // no finite value
  EXPECT_DOUBLE_EQ(p.fan_quantile(0, 1, 2, 0.95), 380);
  EXPECT_DOUBLE_EQ(p.probability_by(0, 0, 0), 0.0);
  EXPECT_DOUBLE_EQ(p.probability_by(0, 0, 1), 0.4);
  EXPECT_DOUBLE_EQ(p.probability_by(0, 1, 2), 0.6);
  const std::string tables = p.format_tables();
  EXPECT_NE(tables.find("P(depleted)"), std::string::npos) << tables;
  EXPECT_NE(tables.find("60%"), std::string::npos) << tables;
}

TEST(ProjectionTest, GridPointsMakeTheirOwnGroups) {
  const OutputLayout l = layout();
  std::vector<RunPlan> runs = plans(1, 2);
  RunPlan extra = runs[1];
  extra.run_id = 2;
  extra.point = 1;
  runs.push_back(extra);
  Projection p({"year", {0}, {}}, l, runs);
  EXPECT_EQ(p.groups(), 2u);
}

TEST(ProjectionTest, AnEmptySpecProjectsNothing) {
  const OutputLayout l = layout();
  Projection p({}, l, plans(1, 2));
  EXPECT_EQ(p.format_tables(), "");
}

}  // namespace
}  // namespace reformsim::experiment
