#include "sim/engine/alias_table.hpp"

#include <cmath>
#include <stdexcept>

namespace reformsim::sim {

AliasTable::AliasTable(const std::vector<double>& weights) {
  if (weights.empty()) throw std::invalid_argument("alias table: no categories");
  if (weights.size() > 0xFFFFFFFFull) throw std::invalid_argument("alias table: too many categories");
  double total = 0;
  for (double w : weights) {
    if (!(w >= 0) || !std::isfinite(w)) throw std::invalid_argument("alias table: weights must be finite and >= 0");
    total += w;
  }
  if (total <= 0) throw std::invalid_argument("alias table: all weights are zero");
  const std::size_t n = weights.size();
  cells_.resize(n);
  std::vector<double> scaled(n);
  std::vector<std::uint32_t> small, large;
  for (std::size_t i = 0; i < n; ++i) {
    scaled[i] = weights[i] / total * static_cast<double>(n);
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
  }
  auto fixed_point = [](double p) {
    const double v = std::floor(p * 4294967296.0);
    return v >= 4294967295.0 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(v);
  };
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back(), l = large.back();
    small.pop_back();
    cells_[s] = {fixed_point(scaled[s]), l};
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // What remains is 1 up to rounding.
  for (std::uint32_t i : large) cells_[i] = {0xFFFFFFFFu, i};
  for (std::uint32_t i : small) cells_[i] = {0xFFFFFFFFu, i};
}

double AliasTable::probability(std::size_t i) const {
  const double n = static_cast<double>(cells_.size());
  auto own = [](const Cell& c) { return c.threshold == 0xFFFFFFFFu ? 1.0 : c.threshold / 4294967296.0; };
  double p = own(cells_[i]);
  for (const Cell& c : cells_) {
    if (c.alias == i && &c != &cells_[i]) p += 1.0 - own(c);
  }
  return p / n;
}

}  // namespace reformsim::sim
