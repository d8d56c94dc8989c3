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
  /// Draws a category from 64 random bits: the high half picks the column, the low half decides between the
  /// column and its alias (thresholds in 32-bit fixed point, so both live in one 8-byte cell: one cache miss).
  std::size_t sample(RandomStream& rng) const {
    const std::uint64_t bits = rng.next_u64();
    const auto column = static_cast<std::size_t>(((bits >> 32) * cells_.size()) >> 32);
    const Cell& c = cells_[column];
    return static_cast<std::uint32_t>(bits) < c.threshold ? column : c.alias;
  }
  std::size_t size() const { return cells_.size(); }
  /// Memory per category.
  static constexpr std::size_t kBytesPerCategory = 2 * sizeof(std::uint32_t);
  /// Probability of category i as sampled (O(n): for tests and reports).
  double probability(std::size_t i) const;

 private:
  struct Cell {
    std::uint32_t threshold;  ///< P(column itself) × 2^32; 0xFFFFFFFF stands for 1
    std::uint32_t alias;
  };
  std::vector<Cell> cells_;
};

}  // namespace reformsim::sim
