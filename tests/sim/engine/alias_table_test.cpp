// Vose's alias method: probabilities, sampled frequencies, degenerate and bad inputs.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "sim/engine/alias_table.hpp"

namespace reformsim::sim {
namespace {

// Pearson's chi-square of sampled counts against the table's probabilities; zero-probability categories must
// never be drawn. Returns the statistic; `df` receives the degrees of freedom.
double chi_square(const AliasTable& table, RandomStream& rng, int n, int& df) {
  std::vector<int> counts(table.size());
  for (int i = 0; i < n; ++i) counts[table.sample(rng)]++;
  double statistic = 0;
  df = -1;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const double expected = n * table.probability(i);
    if (expected == 0) {
      EXPECT_EQ(counts[i], 0) << "category " << i << " has weight 0";
      continue;
    }
    statistic += (counts[i] - expected) * (counts[i] - expected) / expected;
    ++df;
  }
  return statistic;
}

TEST(AliasTableTest, ProbabilitiesAreNormalisedWeights) {
  const std::vector<double> weights{1, 0, 3, 6, 0.5};
  const AliasTable t(weights);
  EXPECT_EQ(t.size(), 5u);
  double sum = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    EXPECT_DOUBLE_EQ(t.probability(i), weights[i] / 10.5) << i;
    sum += t.probability(i);
  }
  EXPECT_NEAR(sum, 1.0, 1e-15);
  EXPECT_THROW(t.probability(5), std::out_of_range);
}

TEST(AliasTableTest, FrequenciesMatchProbabilities) {
  const AliasTable t({1, 0, 3, 6, 0.5});
  RandomStream s(5, 0, 0, 0);
  const int n = 200000;
  std::vector<int> counts(t.size());
  for (int i = 0; i < n; ++i) counts[t.sample(s)]++;
  EXPECT_EQ(counts[1], 0);
  for (std::size_t i = 0; i < t.size(); ++i) {
    const double p = t.probability(i);
    EXPECT_NEAR(counts[i], n * p, 5 * std::sqrt(n * p * (1 - p)) + 1) << i;
  }
  EXPECT_EQ(s.draws(), static_cast<std::uint64_t>(n));  // one 64-bit draw per sample
}

TEST(AliasTableTest, ManyUnevenCategoriesPassAChiSquareTest) {
  // 1000 categories with weights spanning four orders of magnitude and some zeros.
  std::vector<double> weights(1000);
  RandomStream init(6, 0, 0, 0);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    weights[i] = i % 97 == 0 ? 0.0 : std::pow(10.0, 4 * init.next_uniform());
  }
  const AliasTable t(weights);
  RandomStream s(7, 0, 0, 0);
  int df = 0;
  const double statistic = chi_square(t, s, 400000, df);
  EXPECT_GT(df, 900);
  EXPECT_LT(statistic, df + 5 * std::sqrt(2.0 * df)) << df << " degrees of freedom";
}

TEST(AliasTableTest, SkewedAndDegenerateTables) {
  RandomStream s(8, 0, 0, 0);
  const AliasTable one({2.5});
  for (int i = 0; i < 100; ++i) EXPECT_EQ(one.sample(s), 0u);
  EXPECT_EQ(one.probability(0), 1.0);

  const AliasTable only_last({0, 0, 0, 1e-300});  // tiny but positive: still certain
  for (int i = 0; i < 100; ++i) EXPECT_EQ(only_last.sample(s), 3u);

  const AliasTable skewed({1e6, 1});
  int rare = 0;
  const int n = 2000000;
  for (int i = 0; i < n; ++i) rare += skewed.sample(s) == 1;
  const double expected = n / (1e6 + 1);  // about 2
  EXPECT_LE(rare, expected + 5 * std::sqrt(expected) + 1);
}

TEST(AliasTableTest, BadWeightsThrow) {
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  EXPECT_THROW(AliasTable({}), std::invalid_argument);
  EXPECT_THROW(AliasTable({1, -1}), std::invalid_argument);
  EXPECT_THROW(AliasTable({0, 0}), std::invalid_argument);
  EXPECT_THROW(AliasTable({1, nan}), std::invalid_argument);
  EXPECT_THROW(AliasTable({1, inf}), std::invalid_argument);
  EXPECT_THROW(AliasTable({1e308, 1e308}), std::invalid_argument);  // finite weights, infinite sum
}

}  // namespace
}  // namespace reformsim::sim
