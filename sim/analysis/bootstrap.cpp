#include "sim/analysis/bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/engine/random_stream.hpp"

namespace reformsim::analysis {

namespace {
constexpr std::uint64_t kBootstrapPurpose = 0x424f4f5453ull;  // "BOOTS": a stream of its own
}

std::vector<std::size_t> resample_indices(std::size_t cases, std::size_t r, std::uint64_t seed) {
  sim::RandomStream rng(seed, 0, kBootstrapPurpose, r);
  std::vector<std::size_t> picked(cases);
  for (std::size_t& i : picked) {
    const auto j = static_cast<std::size_t>(rng.next_uniform() * static_cast<double>(cases));
    i = std::min(j, cases - 1);
  }
  return picked;
}

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const double position = q * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  const double weight = position - static_cast<double>(below);
  return values[below] + weight * (values[above] - values[below]);
}

std::vector<Interval> bootstrap(std::size_t cases,
                                const std::function<std::vector<double>(const std::vector<std::size_t>&)>& statistic,
                                const BootstrapSettings& settings) {
  std::vector<std::size_t> all(cases);
  std::iota(all.begin(), all.end(), 0);
  const std::vector<double> estimate = statistic(all);
  std::vector<std::vector<double>> replicates(estimate.size());
  for (std::size_t r = 0; r < settings.resamples && cases > 0; ++r) {
    const std::vector<double> value = statistic(resample_indices(cases, r, settings.seed));
    for (std::size_t k = 0; k < estimate.size() && k < value.size(); ++k) {
      if (std::isfinite(value[k])) replicates[k].push_back(value[k]);
    }
  }
  std::vector<Interval> out(estimate.size());
  for (std::size_t k = 0; k < estimate.size(); ++k) {
    out[k].estimate = estimate[k];
    out[k].low = quantile(replicates[k], 0.025);
    out[k].high = quantile(replicates[k], 0.975);
  }
  return out;
}

}  // namespace reformsim::analysis
