#pragma once
// Categorical sampling in O(1) per draw: Vose's alias method.
#include <cstdint>
#include <vector>

#include "sim/engine/random_stream.hpp"

namespace reformsim::sim {

/// A categorical distribution over 0..n-1 with the given (unnormalised) weights.
class AliasTable {
 public:
  /// Throws std::invalid_argument for empty, negative, non-finite or all-zero weights.
  explicit AliasTable(const std::vector<double>& weights);
  /// Draws a category (one uniform).
  std::size_t sample(RandomStream& rng) const;
  std::size_t size() const { return probability_.size(); }
  /// Normalised weight of category i.
  double probability(std::size_t i) const { return probability_[i]; }

 private:
  std::vector<double> threshold_;
  std::vector<std::uint32_t> alias_;
  std::vector<double> probability_;
};

}  // namespace reformsim::sim
