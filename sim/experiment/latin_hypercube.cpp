#include "sim/experiment/latin_hypercube.hpp"

#include <numeric>

#include "sim/engine/random_stream.hpp"

namespace reformsim::experiment {

namespace {
constexpr std::uint64_t kDesignPurpose = 0x4c48533031ull;  // "LHS01": a stream of its own
}

std::vector<std::vector<double>> latin_hypercube(std::size_t n, std::size_t d, std::uint64_t seed) {
  std::vector<std::vector<double>> points(n, std::vector<double>(d));
  for (std::size_t k = 0; k < d; ++k) {
    sim::RandomStream rng(seed, 0, kDesignPurpose, k);
    std::vector<std::size_t> stratum(n);
    std::iota(stratum.begin(), stratum.end(), 0);
    // Fisher–Yates with our own stream: std::shuffle's algorithm is not fixed by the standard.
    for (std::size_t i = n; i > 1; --i) {
      const auto j = static_cast<std::size_t>(rng.next_uniform() * static_cast<double>(i));
      std::swap(stratum[i - 1], stratum[j < i ? j : i - 1]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      points[i][k] = (static_cast<double>(stratum[i]) + rng.next_uniform()) / static_cast<double>(n);
    }
  }
  return points;
}

}  // namespace reformsim::experiment
