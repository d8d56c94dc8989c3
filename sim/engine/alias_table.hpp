#pragma once
// Categorical sampling in O(1) per draw: Vose's alias method (Vose 1991).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/engine/random_stream.hpp"

namespace reformsim::sim {

/// A categorical distribution over 0..n-1 with the given (unnormalised) weights.
class AliasTable {
 public:
  /// Throws std::invalid_argument for empty, negative, non-finite or all-zero weights (or more than 2^32 - 1).
  explicit AliasTable(const std::vector<double>& weights);
  /// Draws a category from one next_u64(): u × n in 64.64 fixed point, whose integer part picks the column
  /// and whose fraction decides between the column and its alias. Both parts are uniform to within n / 2^64,
  /// where splitting the 64 bits into two 32-bit halves would bias them by up to n / 2^32.
  std::size_t sample(RandomStream& rng) const {
    const Product p = multiply(rng.next_u64(), cells_.size());
    const Cell& c = cells_[p.high];
    return static_cast<std::uint32_t>(p.low >> 32) < c.threshold ? static_cast<std::size_t>(p.high) : c.alias;
  }
  /// Number of categories.
  std::size_t size() const { return cells_.size(); }
  /// Normalised input weight of category i (weight / sum of weights); throws std::out_of_range past the end.
  double probability(std::size_t i) const { return probabilities_.at(i); }
  /// Bytes per category that sample() reads (the cells; the probabilities are not on the sampling path).
  static constexpr std::size_t kBytesPerCategory = 2 * sizeof(std::uint32_t);

 private:
  struct Cell {
    std::uint32_t threshold;  ///< P(column itself) × 2^32; columns that keep all their mass alias themselves
    std::uint32_t alias;      ///< category taken when the fraction is at or above the threshold
  };
  struct Product {
    std::uint64_t high, low;
  };
  // The full 128-bit product a × b (GCC and Clang, the project's compilers, provide unsigned __int128).
  static Product multiply(std::uint64_t a, std::uint64_t b) {
    const unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
    return {static_cast<std::uint64_t>(p >> 64), static_cast<std::uint64_t>(p)};
  }
  std::vector<Cell> cells_;
  std::vector<double> probabilities_;
};

}  // namespace reformsim::sim
