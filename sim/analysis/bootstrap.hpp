#pragma once
// Percentile bootstrap confidence intervals (Efron & Tibshirani 1993): an estimator is recomputed on resamples of
// its cases drawn with replacement, and the 2.5% and 97.5% quantiles of the recomputed values bound the interval.
// Resamples come from a seeded counter-based stream, so the same data and seed give the same interval.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace reformsim::analysis {

/// An estimate with its 95% confidence interval (NaN bounds when they cannot be computed).
struct Interval {
  double estimate = 0;
  double low = 0;
  double high = 0;
};

/// How many resamples, and the seed of the stream they are drawn from.
struct BootstrapSettings {
  std::size_t resamples = 1000;
  std::uint64_t seed = 1;
};

/// Case indices of resample `r` (0-based) of `cases` cases: `cases` draws with replacement.
std::vector<std::size_t> resample_indices(std::size_t cases, std::size_t r, std::uint64_t seed);

/// For a statistic of `cases` cases that returns one value per output (e.g. one index per factor): the estimate on
/// all cases and the percentile interval over the resamples, per output. `statistic` receives the case indices to
/// use (all cases, in order, for the estimate). Resamples whose statistic is not finite are left out of the bounds.
std::vector<Interval> bootstrap(std::size_t cases,
                                const std::function<std::vector<double>(const std::vector<std::size_t>&)>& statistic,
                                const BootstrapSettings& settings);

/// The q-quantile (0 ≤ q ≤ 1) of `values` by linear interpolation between order statistics (NaN when empty).
double quantile(std::vector<double> values, double q);

}  // namespace reformsim::analysis
