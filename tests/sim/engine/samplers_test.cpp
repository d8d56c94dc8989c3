// Sampler moments within about five standard errors (fixed seeds: deterministic), and bad parameters.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "sim/engine/alias_table.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::sim {
namespace {

struct Moments {
  double mean = 0, variance = 0;
};

Moments moments(const std::function<double(RandomStream&)>& f, int n = 200000, std::uint64_t purpose = 1) {
  RandomStream s(2024, 0, purpose, 0);
  double sum = 0, sq = 0;
  for (int i = 0; i < n; ++i) {
    const double x = f(s);
    sum += x;
    sq += x * x;
  }
  const double mean = sum / n;
  return {mean, sq / n - mean * mean};
}

void expect_moments(const std::function<double(RandomStream&)>& f, double mean, double variance, const char* name) {
  const int n = 200000;
  const Moments m = moments(f, n);
  const double se_mean = std::sqrt(variance / n);
  EXPECT_NEAR(m.mean, mean, 5 * se_mean) << name;
  EXPECT_NEAR(m.variance, variance, 0.03 * variance) << name;
}

TEST(SamplersTest, ContinuousMoments) {
  expect_moments([](RandomStream& s) { return uniform(s, 2, 5); }, 3.5, 9.0 / 12, "uniform");
  expect_moments([](RandomStream& s) { return exponential(s, 0.5); }, 2.0, 4.0, "exponential");
  expect_moments([](RandomStream& s) { return normal(s, 1.0, 2.0); }, 1.0, 4.0, "normal");
  expect_moments([](RandomStream& s) { return gamma(s, 0.5, 2.0); }, 1.0, 2.0, "gamma shape 0.5");
  expect_moments([](RandomStream& s) { return gamma(s, 4.0, 0.5); }, 2.0, 1.0, "gamma shape 4");
  expect_moments([](RandomStream& s) { return gamma_mean_cv(s, 9.0, 0.5); }, 9.0, 20.25, "gamma mean/cv");
  expect_moments([](RandomStream& s) { return lognormal_mean_cv(s, 100.0, 0.5); }, 100.0, 2500.0, "lognormal");
  const double mu = 0.3, sigma = 0.4;
  const double ln_mean = std::exp(mu + sigma * sigma / 2);
  expect_moments([&](RandomStream& s) { return lognormal_mu_sigma(s, mu, sigma); }, ln_mean,
                 (std::exp(sigma * sigma) - 1) * ln_mean * ln_mean, "lognormal mu/sigma");
}

TEST(SamplersTest, DiscreteMoments) {
  expect_moments([](RandomStream& s) { return static_cast<double>(poisson(s, 3.0)); }, 3.0, 3.0, "poisson 3");
  expect_moments([](RandomStream& s) { return static_cast<double>(poisson(s, 250.0)); }, 250.0, 250.0, "poisson 250");
  expect_moments([](RandomStream& s) { return bernoulli(s, 0.3) ? 1.0 : 0.0; }, 0.3, 0.21, "bernoulli");
}

TEST(SamplersTest, ZeroDispersionReturnsTheMean) {
  RandomStream s(1, 0, 0, 0);
  EXPECT_EQ(lognormal_mean_cv(s, 42.0, 0.0), 42.0);
  EXPECT_EQ(gamma_mean_cv(s, 42.0, 0.0), 42.0);
  EXPECT_EQ(poisson(s, 0.0), 0u);
}

TEST(SamplersTest, NormalQuantileKnownValues) {
  EXPECT_NEAR(standard_normal_quantile(0.975), 1.959963984540054, 1e-12);
  EXPECT_NEAR(standard_normal_quantile(0.5), 0.0, 1e-15);
  EXPECT_NEAR(standard_normal_quantile(1e-10), -6.361340902404056, 1e-9);
}

TEST(SamplersTest, BadParametersThrow) {
  RandomStream s(1, 0, 0, 0);
  EXPECT_THROW(exponential(s, 0.0), std::invalid_argument);
  EXPECT_THROW(exponential(s, -1.0), std::invalid_argument);
  EXPECT_THROW(poisson(s, -1.0), std::invalid_argument);
  EXPECT_THROW(gamma(s, 0.0, 1.0), std::invalid_argument);
  EXPECT_THROW(gamma(s, 1.0, -1.0), std::invalid_argument);
  EXPECT_THROW(lognormal_mean_cv(s, 0.0, 0.5), std::invalid_argument);
  EXPECT_THROW(gamma_mean_cv(s, 1.0, -0.5), std::invalid_argument);
  EXPECT_THROW(bernoulli(s, 1.5), std::invalid_argument);
  EXPECT_THROW(normal(s, 0.0, -1.0), std::invalid_argument);
}

TEST(AliasTableTest, FrequenciesMatchProbabilities) {
  const std::vector<double> weights{1, 0, 3, 6, 0.5};
  const AliasTable t(weights);
  EXPECT_EQ(t.size(), 5u);
  const double total = 10.5;
  for (std::size_t i = 0; i < weights.size(); ++i) EXPECT_NEAR(t.probability(i), weights[i] / total, 1e-9);
  RandomStream s(5, 0, 0, 0);
  const int n = 200000;
  std::vector<int> counts(weights.size());
  for (int i = 0; i < n; ++i) counts[t.sample(s)]++;
  EXPECT_EQ(counts[1], 0);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double p = weights[i] / total;
    EXPECT_NEAR(counts[i], n * p, 5 * std::sqrt(n * p * (1 - p)) + 1) << i;
  }
}

TEST(AliasTableTest, BadWeightsThrow) {
  EXPECT_THROW(AliasTable({}), std::invalid_argument);
  EXPECT_THROW(AliasTable({1, -1}), std::invalid_argument);
  EXPECT_THROW(AliasTable({0, 0}), std::invalid_argument);
  EXPECT_THROW(AliasTable({1, NAN}), std::invalid_argument);
}

}  // namespace
}  // namespace reformsim::sim
