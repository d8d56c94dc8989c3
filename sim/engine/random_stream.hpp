#pragma once
// Counter-based random numbers (Philox4x32-10, Salmon et al. 2011). A stream is addressed by
// (seed, replicate, purpose, entity, substream) rather than seeded from a shared generator, so the draws of one
// person for one purpose never depend on what anything else drew: this is what gives common random numbers
// across policy arms and identical results for any thread count.
#include <array>
#include <cstdint>

namespace reformsim::sim {

/// One Philox4x32-10 block: four 32-bit outputs for a 128-bit counter and a 64-bit key.
std::array<std::uint32_t, 4> philox4x32_10(std::array<std::uint32_t, 4> counter, std::array<std::uint32_t, 2> key);

/// The Philox key of (seed, replicate, purpose): hashing it is the costly part of opening a stream, so hot
/// paths compute it once and open streams per entity from it.
struct StreamKey {
  std::array<std::uint32_t, 2> words;
  /// Hashes the address into a key; different purposes and replicates give unrelated keys.
  static StreamKey of(std::uint64_t seed, std::uint64_t replicate, std::uint64_t purpose);
};

/// A small, copyable random stream; the same address always yields the same sequence.
class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t replicate, std::uint64_t purpose, std::uint64_t entity,
               std::uint64_t substream = 0)
      : RandomStream(StreamKey::of(seed, replicate, purpose), entity, substream) {}
  /// The stream of `entity` under a precomputed key (same sequence as the five-argument form).
  RandomStream(const StreamKey& key, std::uint64_t entity, std::uint64_t substream = 0)
      : key_(key.words),
        counter_{0, static_cast<std::uint32_t>(substream), static_cast<std::uint32_t>(entity),
                 static_cast<std::uint32_t>(entity >> 32)} {}
  /// Next 64 random bits.
  std::uint64_t next_u64() {
    if (buffered_ == 0) refill();
    --buffered_;
    ++draws_;
    return buffer_[buffered_];
  }
  /// Uniform in the open interval (0, 1), 53 bits of resolution.
  double next_uniform() { return (static_cast<double>(next_u64() >> 11) + 0.5) * (1.0 / 9007199254740992.0); }
  /// Number of 64-bit values drawn so far.
  std::uint64_t draws() const { return draws_; }

 private:
  void refill();
  std::array<std::uint32_t, 2> key_;
  std::array<std::uint32_t, 4> counter_;
  std::uint64_t buffer_[2] = {0, 0};
  std::uint32_t buffered_ = 0;
  std::uint64_t draws_ = 0;
};

}  // namespace reformsim::sim
