// Sampler moments within five standard errors (fixed seeds: deterministic), distribution shapes, bad parameters.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "sim/engine/samplers.hpp"

namespace reformsim::sim {
namespace {

constexpr int kDraws = 200000;

// Checks the sample mean and variance of `draw` against the exact ones. The tolerances are five standard
// errors: sd / sqrt(n) for the mean, variance × sqrt((excess kurtosis + 2) / n) for the variance.
template <class Draw>
void expect_moments(Draw draw, double mean, double variance, double excess_kurtosis, const char* name,
                    std::uint64_t purpose = 1) {
  RandomStream s(2024, 0, purpose, 0);
  double sum = 0, sq = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double x = draw(s);
    sum += x;
    sq += x * x;
  }
  const double m = sum / kDraws;
  const double v = (sq - kDraws * m * m) / (kDraws - 1);
  EXPECT_NEAR(m, mean, 5 * std::sqrt(variance / kDraws)) << name;
  EXPECT_NEAR(v, variance, 5 * variance * std::sqrt((excess_kurtosis + 2) / kDraws)) << name;
}

double lognormal_excess_kurtosis(double sigma) {
  const double s2 = sigma * sigma;
  return std::exp(4 * s2) + 2 * std::exp(3 * s2) + 3 * std::exp(2 * s2) - 6;
}

TEST(SamplersTest, ContinuousMoments) {
  expect_moments([](RandomStream& s) { return uniform(s, 2, 5); }, 3.5, 9.0 / 12, -1.2, "uniform");
  expect_moments([](RandomStream& s) { return exponential(s, 0.5); }, 2.0, 4.0, 6.0, "exponential");
  expect_moments([](RandomStream& s) { return normal(s, 1.0, 2.0); }, 1.0, 4.0, 0.0, "normal");
  // Gamma(k, θ): mean kθ, variance kθ², excess kurtosis 6 / k.
  expect_moments([](RandomStream& s) { return gamma(s, 0.5, 2.0); }, 1.0, 2.0, 12.0, "gamma shape 0.5");
  expect_moments([](RandomStream& s) { return gamma(s, 4.0, 0.5); }, 2.0, 1.0, 1.5, "gamma shape 4");
  expect_moments([](RandomStream& s) { return gamma(s, 1.0, 3.0); }, 3.0, 9.0, 6.0, "gamma shape 1");
  expect_moments([](RandomStream& s) { return gamma_mean_cv(s, 9.0, 0.5); }, 9.0, 20.25, 1.5, "gamma mean/cv");
  expect_moments([](RandomStream& s) { return gamma_mean_cv(s, 9.0, 2.0); }, 9.0, 324.0, 24.0,
                 "gamma mean/cv 2 (shape 0.25)");
  const double cv_sigma = std::sqrt(std::log1p(0.25));
  expect_moments([](RandomStream& s) { return lognormal_mean_cv(s, 100.0, 0.5); }, 100.0, 2500.0,
                 lognormal_excess_kurtosis(cv_sigma), "lognormal mean/cv");
  const double mu = 0.3, sigma = 0.4;
  const double ln_mean = std::exp(mu + sigma * sigma / 2);
  expect_moments([&](RandomStream& s) { return lognormal_mu_sigma(s, mu, sigma); }, ln_mean,
                 (std::exp(sigma * sigma) - 1) * ln_mean * ln_mean, lognormal_excess_kurtosis(sigma),
                 "lognormal mu/sigma");
}

TEST(SamplersTest, DiscreteMoments) {
  // Poisson(λ): excess kurtosis 1/λ; both algorithms (inversion below 30, PTRS above) and the switch.
  for (double mean : {0.2, 3.0, 29.9, 30.0, 250.0, 1e5}) {
    expect_moments([mean](RandomStream& s) { return static_cast<double>(poisson(s, mean)); }, mean, mean, 1.0 / mean,
                   ("poisson " + std::to_string(mean)).c_str());
  }
  expect_moments([](RandomStream& s) { return bernoulli(s, 0.3) ? 1.0 : 0.0; }, 0.3, 0.21, (1 - 6 * 0.21) / 0.21,
                 "bernoulli");
}

// Pearson's chi-square of observed counts against pmf(k) over k = 0..max_k, the tail folded into the last cell;
// cells expecting fewer than 5 are merged into a neighbour. Returns (statistic, degrees of freedom).
template <class Pmf>
std::pair<double, int> chi_square(const std::vector<int>& counts, Pmf pmf, int n) {
  double statistic = 0, expected = 0, observed = 0, tail = 1;
  int cells = 0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    const double p = k + 1 < counts.size() ? pmf(static_cast<int>(k)) : tail;
    tail -= p;
    expected += n * p;
    observed += counts[k];
    if (expected >= 5 || k + 1 == counts.size()) {
      statistic += (observed - expected) * (observed - expected) / expected;
      ++cells;
      expected = observed = 0;
    }
  }
  return {statistic, cells - 1};
}

TEST(SamplersTest, PoissonFollowsItsProbabilityMassFunction) {
  // Moments can be right while the shape is wrong (e.g. a bad squeeze in PTRS); compare the whole pmf.
  for (double mean : {3.0, 45.0, 250.0}) {
    const int max_k = static_cast<int>(mean + 8 * std::sqrt(mean) + 10);
    std::vector<int> counts(static_cast<std::size_t>(max_k) + 1);
    RandomStream s(99, 0, 3, static_cast<std::uint64_t>(mean));
    for (int i = 0; i < kDraws; ++i) counts[std::min<std::uint64_t>(poisson(s, mean), max_k)]++;
    const auto pmf = [mean](int k) { return std::exp(k * std::log(mean) - mean - std::lgamma(k + 1.0)); };
    const auto [statistic, df] = chi_square(counts, pmf, kDraws);
    // Chi-square mean df, sd sqrt(2 df): five standard deviations above the mean.
    EXPECT_LT(statistic, df + 5 * std::sqrt(2.0 * df)) << "poisson " << mean << " over " << df << " df";
    EXPECT_GT(df, 5);
  }
}

TEST(SamplersTest, NormalQuantilesMatchTheDistribution) {
  // The share of draws below mean + z sd must be Φ(z): checks the tails, which the moments barely see.
  RandomStream s(4, 0, 0, 0);
  const double z[] = {-3.0, -1.0, 0.0, 1.96, 2.5};
  const double phi[] = {0.0013498980316301, 0.15865525393145705, 0.5, 0.9750021048517795, 0.9937903346742238};
  int below[5] = {0};
  for (int i = 0; i < kDraws; ++i) {
    const double x = normal(s, 10.0, 2.0);
    for (int j = 0; j < 5; ++j) below[j] += x < 10.0 + 2.0 * z[j];
  }
  for (int j = 0; j < 5; ++j) {
    EXPECT_NEAR(below[j], kDraws * phi[j], 5 * std::sqrt(kDraws * phi[j] * (1 - phi[j]))) << z[j];
  }
}

TEST(SamplersTest, ZeroDispersionReturnsTheMean) {
  RandomStream s(1, 0, 0, 0);
  EXPECT_EQ(lognormal_mean_cv(s, 42.0, 0.0), 42.0);
  EXPECT_EQ(gamma_mean_cv(s, 42.0, 0.0), 42.0);
  EXPECT_EQ(gamma_mean_cv(s, 42.0, 1e-200), 42.0);  // 1/cv² overflows: still the mean, not an error
  EXPECT_NEAR(gamma_mean_cv(s, 42.0, 1e-9), 42.0, 1e-6);
  EXPECT_EQ(lognormal_mean_cv(s, 0.1, 0.0), 0.1);  // exactly, not exp(log(0.1)) up to rounding
  EXPECT_EQ(poisson(s, 0.0), 0u);
  EXPECT_EQ(normal(s, 3.0, 0.0), 3.0);
  EXPECT_EQ(uniform(s, 2.0, 2.0), 2.0);
  EXPECT_FALSE(bernoulli(s, 0.0));
  EXPECT_TRUE(bernoulli(s, 1.0));
}

TEST(SamplersTest, NormalQuantileKnownValues) {
  EXPECT_NEAR(standard_normal_quantile(0.975), 1.959963984540054, 1e-12);
  EXPECT_NEAR(standard_normal_quantile(0.5), 0.0, 1e-15);
  EXPECT_NEAR(standard_normal_quantile(1e-10), -6.361340902404056, 1e-9);
  EXPECT_NEAR(standard_normal_quantile(0.1), -1.2815515655446004, 1e-12);
  EXPECT_THROW(standard_normal_quantile(0.0), std::invalid_argument);
  EXPECT_THROW(standard_normal_quantile(1.0), std::invalid_argument);
}

TEST(SamplersTest, BadParametersThrow) {
  RandomStream s(1, 0, 0, 0);
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  EXPECT_THROW(uniform(s, 1.0, 0.0), std::invalid_argument);
  EXPECT_THROW(uniform(s, nan, 1.0), std::invalid_argument);
  EXPECT_THROW(uniform(s, 0.0, inf), std::invalid_argument);
  EXPECT_THROW(exponential(s, 0.0), std::invalid_argument);
  EXPECT_THROW(exponential(s, -1.0), std::invalid_argument);
  EXPECT_THROW(exponential(s, nan), std::invalid_argument);
  EXPECT_THROW(poisson(s, -1.0), std::invalid_argument);
  EXPECT_THROW(poisson(s, nan), std::invalid_argument);
  EXPECT_THROW(poisson(s, inf), std::invalid_argument);
  EXPECT_THROW(normal(s, 0.0, -1.0), std::invalid_argument);
  EXPECT_THROW(normal(s, nan, 1.0), std::invalid_argument);
  EXPECT_THROW(gamma(s, 0.0, 1.0), std::invalid_argument);
  EXPECT_THROW(gamma(s, -2.0, 1.0), std::invalid_argument);
  EXPECT_THROW(gamma(s, 1.0, -1.0), std::invalid_argument);
  EXPECT_THROW(gamma(s, 1.0, 0.0), std::invalid_argument);
  EXPECT_THROW(lognormal_mu_sigma(s, 0.0, -0.1), std::invalid_argument);
  EXPECT_THROW(lognormal_mean_cv(s, 0.0, 0.5), std::invalid_argument);
  EXPECT_THROW(lognormal_mean_cv(s, -1.0, 0.5), std::invalid_argument);
  EXPECT_THROW(lognormal_mean_cv(s, 1.0, -0.5), std::invalid_argument);
  EXPECT_THROW(gamma_mean_cv(s, -1.0, 0.5), std::invalid_argument);
  EXPECT_THROW(gamma_mean_cv(s, 1.0, -0.5), std::invalid_argument);
  EXPECT_THROW(gamma_mean_cv(s, 1.0, nan), std::invalid_argument);
  EXPECT_THROW(bernoulli(s, 1.5), std::invalid_argument);
  EXPECT_THROW(bernoulli(s, -0.1), std::invalid_argument);
  EXPECT_THROW(bernoulli(s, nan), std::invalid_argument);
}

TEST(SamplersTest, NormalUsesExactlyOneDrawPerValue) {
  // Inversion keeps a stream's later draws independent of earlier values (no rejection loop).
  RandomStream s(5, 0, 0, 0);
  for (int i = 0; i < 1000; ++i) normal(s, 0.0, 1.0);
  EXPECT_EQ(s.draws(), 1000u);
}

}  // namespace
}  // namespace reformsim::sim
