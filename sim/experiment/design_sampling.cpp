#include "sim/experiment/design_sampling.hpp"

#include <algorithm>
#include <boost/random/sobol.hpp>
#include <cmath>
#include <limits>
#include <numeric>

#include "sim/engine/random_stream.hpp"
#include "sim/experiment/latin_hypercube.hpp"

namespace reformsim::experiment {

namespace {

constexpr std::uint64_t kShiftPurpose = 0x534f424f4cull;   // "SOBOL": the digital shift's stream
constexpr std::uint64_t kMorrisPurpose = 0x4d4f525249ull;  // "MORRI": the trajectories' stream

double smallest_distance(const UnitPoints& points) {
  double smallest = std::numeric_limits<double>::infinity();
  for (std::size_t a = 0; a < points.size(); ++a) {
    for (std::size_t b = a + 1; b < points.size(); ++b) {
      double squared = 0;
      for (std::size_t k = 0; k < points[a].size(); ++k) {
        const double step = points[a][k] - points[b][k];
        squared += step * step;
      }
      smallest = std::min(smallest, squared);
    }
  }
  return smallest;
}

std::size_t below(sim::RandomStream& rng, std::size_t n) {
  return std::min(static_cast<std::size_t>(rng.next_uniform() * static_cast<double>(n)), n - 1);
}

}  // namespace

UnitPoints maximin_latin_hypercube(std::size_t n, std::size_t d, std::size_t candidates, std::uint64_t seed) {
  UnitPoints best = latin_hypercube(n, d, seed);
  double best_distance = candidates > 1 ? smallest_distance(best) : 0;
  for (std::size_t c = 1; c < candidates; ++c) {
    // Each candidate its own seed: candidate c of seed s is not candidate c - 1 of seed s + 1.
    UnitPoints candidate = latin_hypercube(n, d, seed ^ (0x9e3779b97f4a7c15ull * c));
    const double distance = smallest_distance(candidate);
    if (distance > best_distance) {
      best_distance = distance;
      best = std::move(candidate);
    }
  }
  return best;
}

UnitPoints saltelli_points(std::size_t n, std::size_t d, std::uint64_t seed) {
  UnitPoints out;
  if (d == 0) return out;
  boost::random::sobol_engine<std::uint32_t, 32> sequence(static_cast<unsigned>(2 * d));
  std::vector<std::uint32_t> shift(2 * d);
  sim::RandomStream rng(seed, 0, kShiftPurpose, 0);
  for (std::uint32_t& s : shift) s = static_cast<std::uint32_t>(rng.next_u64() >> 32);
  out.reserve(n * (d + 2));
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> a(d), b(d);
    for (std::size_t k = 0; k < 2 * d; ++k) {
      // The centre of the shifted point's dyadic cell: never exactly 0 or 1.
      // Boost's engine starts at the sequence's second point; the first (all zeros) is put back, since the balance
      // of the first 2^m points is what makes the sequence low-discrepancy.
      const std::uint32_t raw = i == 0 ? 0 : sequence();
      const double u = (static_cast<double>(raw ^ shift[k]) + 0.5) / 4294967296.0;
      (k < d ? a[k] : b[k - d]) = u;
    }
    out.push_back(a);
    for (std::size_t j = 0; j < d; ++j) {
      std::vector<double> ab = a;
      ab[j] = b[j];
      out.push_back(std::move(ab));
    }
    out.push_back(std::move(b));
  }
  return out;
}

UnitPoints morris_trajectories(std::size_t trajectories, std::size_t d, int levels, std::uint64_t seed) {
  UnitPoints out;
  const double spacing = 1.0 / (levels - 1);
  const double delta = levels / (2.0 * (levels - 1));
  out.reserve(trajectories * (d + 1));
  for (std::size_t t = 0; t < trajectories; ++t) {
    sim::RandomStream rng(seed, 0, kMorrisPurpose, t);
    std::vector<double> x(d);
    for (double& coordinate : x)
      coordinate = static_cast<double>(below(rng, static_cast<std::size_t>(levels))) * spacing;
    std::vector<std::size_t> order(d);
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = d; i > 1; --i) std::swap(order[i - 1], order[below(rng, i)]);
    out.push_back(x);
    for (const std::size_t j : order) {
      // Levels are multiples of the spacing; comparing in level units keeps 1 - Δ exact.
      x[j] = x[j] + delta <= 1.0 + 1e-12 ? x[j] + delta : x[j] - delta;
      x[j] = std::round(x[j] / spacing) * spacing;
      out.push_back(x);
    }
  }
  return out;
}

}  // namespace reformsim::experiment
