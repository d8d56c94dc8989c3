// The sensitivity estimators against functions whose indices are known: Sobol' indices of the Ishigami function
// (Ishigami & Homma 1990; values from Saltelli et al. 2008, Global Sensitivity Analysis, §4.7) and of a linear
// function, Morris effects of linear and interacting functions, and rank-regression measures of monotone ones.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <stdexcept>

#include "sim/analysis/morris_effects.hpp"
#include "sim/analysis/rank_regression.hpp"
#include "sim/analysis/sobol_indices.hpp"
#include "sim/engine/random_stream.hpp"

namespace reformsim::analysis {
namespace {

using Point = std::vector<double>;

// Outputs of f in Saltelli order for N base rows of pseudo-random A and B in the unit cube; f maps unit
// coordinates to the output.
std::vector<double> saltelli_outputs(const std::function<double(const Point&)>& f, std::size_t n, std::size_t d,
                                     std::uint64_t seed) {
  sim::RandomStream rng(seed, 0, 1, 0);
  std::vector<double> y;
  y.reserve(n * (d + 2));
  for (std::size_t i = 0; i < n; ++i) {
    Point a(d), b(d);
    for (double& v : a) v = rng.next_uniform();
    for (double& v : b) v = rng.next_uniform();
    y.push_back(f(a));
    for (std::size_t j = 0; j < d; ++j) {
      Point ab = a;
      ab[j] = b[j];
      y.push_back(f(ab));
    }
    y.push_back(f(b));
  }
  return y;
}

double ishigami(const Point& u) {
  const double pi = std::numbers::pi;
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return std::sin(x1) + 7 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

void expect_near_truth(const Interval& i, double truth, double tolerance, const char* what, std::size_t j) {
  EXPECT_NEAR(i.estimate, truth, tolerance) << what << " of factor " << j;
  EXPECT_LE(i.low, truth) << what << " of factor " << j;
  EXPECT_GE(i.high, truth) << what << " of factor " << j;
}

TEST(SobolIndicesTest, IshigamiIndicesMatchTheirAnalyticValues) {
  const std::vector<double> first{0.3139, 0.4424, 0.0}, total{0.5576, 0.4424, 0.2437};
  const auto s = sobol_indices(saltelli_outputs(ishigami, 4096, 3, 11), 3, {1000, 5});
  ASSERT_EQ(s.first_order.size(), 3u);
  ASSERT_EQ(s.total.size(), 3u);
  EXPECT_EQ(s.base_samples, 4096u);
  // V = a²/8 + b π⁴/5 + b² π⁸/18 + 1/2 with a = 7, b = 0.1.
  EXPECT_NEAR(s.variance, 13.8446, 0.7);
  for (std::size_t j = 0; j < 3; ++j) {
    expect_near_truth(s.first_order[j], first[j], 0.05, "S", j);
    expect_near_truth(s.total[j], total[j], 0.05, "ST", j);
  }
}

TEST(SobolIndicesTest, IntervalsShrinkWithMoreBaseSamples) {
  const auto small = sobol_indices(saltelli_outputs(ishigami, 512, 3, 3), 3, {500, 2});
  const auto large = sobol_indices(saltelli_outputs(ishigami, 8192, 3, 3), 3, {500, 2});
  for (std::size_t j = 0; j < 3; ++j) {
    // Widths fall as 1/√N: 16 times the samples should give about a quarter of the width.
    EXPECT_LT(large.first_order[j].high - large.first_order[j].low,
              0.5 * (small.first_order[j].high - small.first_order[j].low))
        << "S of factor " << j;
    EXPECT_LT(large.total[j].high - large.total[j].low, 0.5 * (small.total[j].high - small.total[j].low))
        << "ST of factor " << j;
  }
}

TEST(SobolIndicesTest, LinearFunctionIndicesAreSquaredCoefficientShares) {
  const auto linear = [](const Point& x) { return 1 * x[0] + 2 * x[1] + 3 * x[2]; };
  const auto s = sobol_indices(saltelli_outputs(linear, 4096, 3, 7), 3, {1000, 9});
  const double share[] = {1.0 / 14, 4.0 / 14, 9.0 / 14};
  for (std::size_t j = 0; j < 3; ++j) {
    expect_near_truth(s.first_order[j], share[j], 0.03, "S", j);
    expect_near_truth(s.total[j], share[j], 0.03, "ST", j);
  }
  EXPECT_NEAR(s.variance, 14.0 / 12, 0.05);
}

TEST(SobolIndicesTest, ConstantOutputGivesNaNIndices) {
  const auto s = sobol_indices(std::vector<double>(5 * 10, 2.0), 3, {50, 1});
  EXPECT_EQ(s.variance, 0.0);
  for (std::size_t j = 0; j < 3; ++j) {
    EXPECT_TRUE(std::isnan(s.first_order[j].estimate));
    EXPECT_TRUE(std::isnan(s.total[j].estimate));
  }
}

TEST(SobolIndicesTest, BadInputsThrow) {
  EXPECT_THROW(sobol_indices(std::vector<double>(7, 1.0), 3, {}), std::invalid_argument);  // not a multiple of 5
  EXPECT_THROW(sobol_indices(std::vector<double>(5, 1.0), 3, {}), std::invalid_argument);  // N = 1
  EXPECT_THROW(sobol_indices(std::vector<double>(4, 1.0), 0, {}), std::invalid_argument);  // no factors
  std::vector<double> y(10, 1.0);
  y[4] = std::nan("");
  EXPECT_THROW(sobol_indices(y, 3, {}), std::invalid_argument);
}

TEST(SobolIndicesTest, SameSeedGivesIdenticalIntervals) {
  const auto y = saltelli_outputs(ishigami, 256, 3, 4);
  const auto a = sobol_indices(y, 3, {200, 8}), b = sobol_indices(y, 3, {200, 8});
  for (std::size_t j = 0; j < 3; ++j) {
    EXPECT_EQ(a.first_order[j].low, b.first_order[j].low);
    EXPECT_EQ(a.first_order[j].high, b.first_order[j].high);
    EXPECT_EQ(a.total[j].low, b.total[j].low);
    EXPECT_EQ(a.total[j].high, b.total[j].high);
  }
}

// r Morris trajectories on the 4-level grid {0, 1/3, 2/3, 1} with Δ = 2/3: a random base point, then each factor
// moved once, in random order, up when there is room and down otherwise.
std::vector<Point> morris_design(std::size_t r, std::size_t d, std::uint64_t seed) {
  sim::RandomStream rng(seed, 0, 2, 0);
  const auto draw = [&](std::size_t below) {
    return std::min(static_cast<std::size_t>(rng.next_uniform() * static_cast<double>(below)), below - 1);
  };
  std::vector<Point> points;
  for (std::size_t t = 0; t < r; ++t) {
    std::vector<int> level(d);
    for (int& l : level) l = static_cast<int>(draw(4));
    std::vector<std::size_t> order(d);
    for (std::size_t j = 0; j < d; ++j) order[j] = j;
    for (std::size_t j = d; j > 1; --j) std::swap(order[j - 1], order[draw(j)]);
    const auto point = [&] {
      Point p(d);
      for (std::size_t j = 0; j < d; ++j) p[j] = level[j] / 3.0;
      return p;
    };
    points.push_back(point());
    for (std::size_t j : order) {
      level[j] += level[j] <= 1 ? 2 : -2;  // x + Δ ≤ 1 exactly when the level is 0 or 1
      points.push_back(point());
    }
  }
  return points;
}

std::vector<double> outputs(const std::vector<Point>& x, const std::function<double(const Point&)>& f) {
  std::vector<double> y;
  for (const Point& p : x) y.push_back(f(p));
  return y;
}

TEST(MorrisEffectsTest, LinearFunctionEffectsAreItsCoefficients) {
  const auto x = morris_design(20, 3, 1);
  const auto m =
      morris_effects(x, outputs(x, [](const Point& p) { return 2 * p[0] - 3 * p[1] + 0 * p[2]; }), 3, {500, 1});
  EXPECT_EQ(m.trajectories, 20u);
  const double mu_star[] = {2, 3, 0}, mu[] = {2, -3, 0};
  for (std::size_t j = 0; j < 3; ++j) {
    EXPECT_NEAR(m.mu_star[j].estimate, mu_star[j], 1e-9) << j;
    EXPECT_NEAR(m.mu_star[j].low, mu_star[j], 1e-9) << j;
    EXPECT_NEAR(m.mu_star[j].high, mu_star[j], 1e-9) << j;
    EXPECT_NEAR(m.mu[j], mu[j], 1e-9) << j;
    EXPECT_NEAR(m.sigma[j], 0, 1e-9) << j;
  }
}

TEST(MorrisEffectsTest, InteractionGivesSpreadEffects) {
  const auto x = morris_design(30, 3, 2);
  const auto m = morris_effects(x, outputs(x, [](const Point& p) { return p[0] * p[1]; }), 3, {500, 1});
  EXPECT_GT(m.sigma[0], 0.1);
  EXPECT_GT(m.sigma[1], 0.1);
  EXPECT_NEAR(m.sigma[2], 0, 1e-12);
  EXPECT_NEAR(m.mu_star[2].estimate, 0, 1e-12);
  EXPECT_GT(m.mu_star[0].estimate, 0.2);
  EXPECT_LE(m.mu_star[0].low, m.mu_star[0].estimate);
  EXPECT_GE(m.mu_star[0].high, m.mu_star[0].estimate);
}

TEST(MorrisEffectsTest, OneTrajectoryHasNaNSigma) {
  const auto x = morris_design(1, 2, 3);
  const auto m = morris_effects(x, outputs(x, [](const Point& p) { return p[0] + p[1]; }), 2, {10, 1});
  EXPECT_TRUE(std::isnan(m.sigma[0]));
  EXPECT_NEAR(m.mu_star[0].estimate, 1, 1e-9);
}

TEST(MorrisEffectsTest, BadTrajectoriesAndSizesThrow) {
  auto x = morris_design(3, 3, 4);
  const auto y = outputs(x, [](const Point& p) { return p[0]; });
  x[5][0] = x[5][0] == 0 ? 1 : 0;  // trajectory 1's point 1 moved in two more factors
  x[5][1] = x[5][1] == 0 ? 1 : 0;
  try {
    morris_effects(x, y, 3, {});
    ADD_FAILURE() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("trajectory 1"), std::string::npos) << e.what();
  }
  const auto good = morris_design(3, 3, 4);
  EXPECT_THROW(morris_effects(good, std::vector<double>(11, 0.0), 3, {}), std::invalid_argument);
  EXPECT_THROW(morris_effects(std::vector<Point>(good.begin(), good.end() - 1), std::vector<double>(11, 0.0), 3, {}),
               std::invalid_argument);
  auto repeated = good;
  repeated[1] = repeated[0];  // step 0 of trajectory 0 changes nothing
  EXPECT_THROW(morris_effects(repeated, y, 3, {}), std::invalid_argument);
}

// n random cases in the unit cube of d factors.
std::vector<Point> random_cases(std::size_t n, std::size_t d, std::uint64_t seed) {
  sim::RandomStream rng(seed, 0, 3, 0);
  std::vector<Point> x(n, Point(d));
  for (Point& p : x)
    for (double& v : p) v = rng.next_uniform();
  return x;
}

TEST(RankRegressionTest, ImportantFactorsRankAboveIrrelevantOnes) {
  const auto x = random_cases(400, 3, 5);
  sim::RandomStream noise(5, 0, 4, 0);
  std::vector<double> y;
  for (const Point& p : x) y.push_back(p[0] + 0.5 * p[1] + 0.05 * (noise.next_uniform() - 0.5));
  const auto r = rank_regression(x, y, {1000, 3});
  EXPECT_GT(r.prcc[0].estimate, r.prcc[1].estimate);
  EXPECT_GT(r.prcc[1].estimate, 0.5);
  EXPECT_LT(std::abs(r.prcc[2].estimate), 0.1);
  EXPECT_LE(r.prcc[2].low, 0.0);
  EXPECT_GE(r.prcc[2].high, 0.0);
  EXPECT_GT(r.srrc[0].estimate, r.srrc[1].estimate);
  EXPECT_LT(std::abs(r.srrc[2].estimate), 0.05);
  EXPECT_GT(r.r_squared, 0.9);
  EXPECT_LE(r.r_squared, 1.0);
}

TEST(RankRegressionTest, MonotoneNonlinearOutputHasPerfectRankCorrelation) {
  const auto x = random_cases(100, 3, 6);
  const auto y = outputs(x, [](const Point& p) { return std::exp(5 * p[0]); });
  const auto r = rank_regression(x, y, {200, 3});
  EXPECT_NEAR(r.prcc[0].estimate, 1, 1e-6);
  EXPECT_NEAR(r.srrc[0].estimate, 1, 1e-6);
  EXPECT_NEAR(r.r_squared, 1, 1e-6);
}

TEST(RankRegressionTest, ConstantFactorGetsNaNAndTheOthersStillWork) {
  auto x = random_cases(200, 3, 7);
  for (Point& p : x) p[1] = 0.5;
  const auto y = outputs(x, [](const Point& p) { return p[0] + 0.3 * p[2]; });
  const auto r = rank_regression(x, y, {300, 3});
  EXPECT_TRUE(std::isnan(r.prcc[1].estimate));
  EXPECT_TRUE(std::isnan(r.prcc[1].low));
  EXPECT_TRUE(std::isnan(r.srrc[1].estimate));
  EXPECT_GT(r.prcc[0].estimate, 0.9);
  EXPECT_GT(r.prcc[2].estimate, 0.5);
  EXPECT_TRUE(std::isfinite(r.r_squared));
}

TEST(RankRegressionTest, TiedValuesShareAverageRanks) {
  // x1 on a two-level grid: ties must not break the estimator.
  auto x = random_cases(100, 2, 8);
  for (Point& p : x) p[0] = p[0] < 0.5 ? 0 : 1;
  const auto y = outputs(x, [](const Point& p) { return p[0] + 0.1 * p[1]; });
  const auto r = rank_regression(x, y, {100, 3});
  EXPECT_GT(r.prcc[0].estimate, 0.9);
  EXPECT_GT(r.prcc[1].estimate, 0.5);
}

TEST(RankRegressionTest, SameSeedGivesIdenticalIntervals) {
  const auto x = random_cases(50, 2, 9);
  const auto y = outputs(x, [](const Point& p) { return p[0] - p[1]; });
  const auto a = rank_regression(x, y, {200, 4}), b = rank_regression(x, y, {200, 4});
  for (std::size_t j = 0; j < 2; ++j) {
    EXPECT_EQ(a.prcc[j].low, b.prcc[j].low);
    EXPECT_EQ(a.prcc[j].high, b.prcc[j].high);
    EXPECT_EQ(a.srrc[j].low, b.srrc[j].low);
    EXPECT_EQ(a.srrc[j].high, b.srrc[j].high);
  }
}

TEST(RankRegressionTest, BadSizesThrow) {
  const auto x = random_cases(4, 3, 10);
  EXPECT_THROW(rank_regression(x, {1, 2, 3, 4}, {}), std::invalid_argument);  // 4 cases ≤ 3 factors + 1
  const auto more = random_cases(10, 3, 10);
  EXPECT_THROW(rank_regression(more, std::vector<double>(9, 1.0), {}), std::invalid_argument);
  auto ragged = more;
  ragged[3].pop_back();
  EXPECT_THROW(rank_regression(ragged, std::vector<double>(10, 1.0), {}), std::invalid_argument);
}

}  // namespace
}  // namespace reformsim::analysis
