#include "sim/engine/alias_table.hpp"

#include <cmath>
#include <stdexcept>

namespace reformsim::sim {

AliasTable::AliasTable(const std::vector<double>& weights) {
  if (weights.empty()) throw std::invalid_argument("alias table: no categories");
  double total = 0;
  for (double w : weights) {
    if (!(w >= 0) || !std::isfinite(w)) throw std::invalid_argument("alias table: weights must be finite and >= 0");
    total += w;
  }
  if (total <= 0) throw std::invalid_argument("alias table: all weights are zero");
  const std::size_t n = weights.size();
  probability_.resize(n);
  threshold_.resize(n);
  alias_.resize(n);
  std::vector<double> scaled(n);
  std::vector<std::uint32_t> small, large;
  for (std::size_t i = 0; i < n; ++i) {
    probability_[i] = weights[i] / total;
    scaled[i] = probability_[i] * static_cast<double>(n);
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back(), l = large.back();
    small.pop_back();
    threshold_[s] = scaled[s];
    alias_[s] = l;
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // What remains is 1 up to rounding.
  for (std::uint32_t i : large) threshold_[i] = 1.0, alias_[i] = i;
  for (std::uint32_t i : small) threshold_[i] = 1.0, alias_[i] = i;
}

std::size_t AliasTable::sample(RandomStream& rng) const {
  const double u = rng.next_uniform() * static_cast<double>(threshold_.size());
  const auto column = static_cast<std::size_t>(u);
  const std::size_t i = column < threshold_.size() ? column : threshold_.size() - 1;
  return (u - static_cast<double>(i)) < threshold_[i] ? i : alias_[i];
}

}  // namespace reformsim::sim
