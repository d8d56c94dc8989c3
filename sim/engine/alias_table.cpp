#include "sim/engine/alias_table.hpp"

#include <cmath>
#include <stdexcept>

namespace reformsim::sim {

namespace {

// P(column itself) in 32-bit fixed point, rounded to nearest. The largest threshold, 2^32 - 1, misroutes
// 2^-32 of a column to its alias: within the rounding of the fixed point itself.
std::uint32_t to_threshold(double p) {
  const double v = std::floor(p * 4294967296.0 + 0.5);
  return v >= 4294967295.0 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(v);
}

}  // namespace

AliasTable::AliasTable(const std::vector<double>& weights) {
  if (weights.empty()) throw std::invalid_argument("alias table: no categories");
  if (weights.size() > 0xFFFFFFFFull) throw std::invalid_argument("alias table: more than 2^32 - 1 categories");
  double total = 0;
  for (double w : weights) {
    if (!(w >= 0) || !std::isfinite(w)) throw std::invalid_argument("alias table: weights must be finite and >= 0");
    total += w;
  }
  if (!(total > 0)) throw std::invalid_argument("alias table: all weights are zero");
  if (!std::isfinite(total)) throw std::invalid_argument("alias table: the weights overflow when summed");

  const std::size_t n = weights.size();
  cells_.resize(n);
  probabilities_.resize(n);
  // Vose: scale to mean 1, then repeatedly top up an under-full column ("small") from an over-full one
  // ("large"), which may become under-full in turn. Each column ends with at most two categories.
  std::vector<double> scaled(n);
  std::vector<std::uint32_t> small, large;
  for (std::size_t i = 0; i < n; ++i) {
    probabilities_[i] = weights[i] / total;
    scaled[i] = probabilities_[i] * static_cast<double>(n);
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back(), l = large.back();
    small.pop_back();
    cells_[s] = {to_threshold(scaled[s]), l};
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;  // this order of operations loses the least precision
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // What remains holds 1 up to rounding: the column keeps all of it.
  for (std::uint32_t i : large) cells_[i] = {0xFFFFFFFFu, i};
  for (std::uint32_t i : small) cells_[i] = {0xFFFFFFFFu, i};
}

}  // namespace reformsim::sim
