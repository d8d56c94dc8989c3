#pragma once
// Counter-based random numbers (Philox4x32-10, Salmon et al. 2011). A stream is addressed by
// (seed, replicate, purpose, entity, substream) rather than seeded from a shared generator, so the draws of one
// person for one purpose never depend on what anything else drew: this is what gives common random numbers
// across policy arms and identical results for any thread count.
#include <array>
#include <cstdint>
#include <type_traits>

namespace reformsim::sim {

/// One Philox4x32-10 block: four 32-bit outputs for a 128-bit counter and a 64-bit key (Random123 conventions).
inline std::array<std::uint32_t, 4> philox4x32_10(std::array<std::uint32_t, 4> counter,
                                                  std::array<std::uint32_t, 2> key) {
  // Inline: the ten rounds are one serial multiply chain, and a call per block costs a fifth of the time.
  constexpr std::uint32_t kMultiplier0 = 0xD2511F53u, kMultiplier1 = 0xCD9E8D57u;
  constexpr std::uint32_t kWeyl0 = 0x9E3779B9u, kWeyl1 = 0xBB67AE85u;
  for (int round = 0; round < 10; ++round) {
    const std::uint64_t p0 = static_cast<std::uint64_t>(kMultiplier0) * counter[0];
    const std::uint64_t p1 = static_cast<std::uint64_t>(kMultiplier1) * counter[2];
    counter = {static_cast<std::uint32_t>(p1 >> 32) ^ counter[1] ^ key[0], static_cast<std::uint32_t>(p1),
               static_cast<std::uint32_t>(p0 >> 32) ^ counter[3] ^ key[1], static_cast<std::uint32_t>(p0)};
    key[0] += kWeyl0;  // the key schedule; the bump after the last round is unused
    key[1] += kWeyl1;
  }
  return counter;
}

/// The Philox key of (seed, replicate, purpose): hashing it is the costly part of opening a stream, so hot
/// paths compute it once and open streams per entity from it.
struct StreamKey {
  std::array<std::uint32_t, 2> words;  ///< the 64-bit Philox key, low word first
  /// Hashes the address into a key; different purposes and replicates give unrelated keys.
  static StreamKey of(std::uint64_t seed, std::uint64_t replicate, std::uint64_t purpose);
};

/// A small, copyable random stream; the same address always yields the same sequence.
/// The 128-bit Philox counter is (block index: 32 bits, substream: 32 bits, entity: 64 bits), low word first.
class RandomStream {
 public:
  /// The stream of (seed, replicate, purpose, entity, substream); substream must fit in 32 bits.
  RandomStream(std::uint64_t seed, std::uint64_t replicate, std::uint64_t purpose, std::uint64_t entity,
               std::uint64_t substream = 0)
      : RandomStream(StreamKey::of(seed, replicate, purpose), entity, substream) {}
  /// The stream of `entity` under a precomputed key (same sequence as the five-argument form).
  RandomStream(const StreamKey& key, std::uint64_t entity, std::uint64_t substream = 0)
      : key_(key.words),
        counter_{0, static_cast<std::uint32_t>(substream), static_cast<std::uint32_t>(entity),
                 static_cast<std::uint32_t>(entity >> 32)} {
    // Truncating would silently give substreams s and s + 2^32 the same numbers.
    if (substream > 0xFFFFFFFFull) [[unlikely]]
      throw_substream_out_of_range(substream);
  }
  /// Next 64 random bits.
  std::uint64_t next_u64() {
    if (buffered_ == 0) refill();
    --buffered_;
    ++draws_;
    return buffer_[buffered_];
  }
  /// Uniform in the open interval (0, 1) from the top 53 bits of next_u64().
  double next_uniform() { return uniform_from_bits(next_u64()); }
  /// Number of 64-bit values drawn so far (next_uniform draws one).
  std::uint64_t draws() const { return draws_; }
  /// Maps 64 random bits to (0, 1): k / 2^53 for the top 53 bits k, with k = 0 mapped to 2^-54 (never 0, and
  /// never 1 because k < 2^53). Adding a half step to every k instead would round the top value up to 1.0.
  static double uniform_from_bits(std::uint64_t bits) {
    const std::uint64_t k = bits >> 11;
    return k != 0 ? static_cast<double>(k) * 0x1p-53 : 0x1p-54;
  }

 private:
  // Cold paths out of line, so the constructor and next_u64 stay small enough to inline.
  [[noreturn]] static void throw_substream_out_of_range(std::uint64_t substream);
  [[noreturn]] static void throw_exhausted();
  void refill() {
    // The 32-bit block index gives a stream 2^32 blocks (2^33 draws); wrapping would replay the stream.
    if (draws_ >> 33) [[unlikely]]
      throw_exhausted();
    const std::array<std::uint32_t, 4> out = philox4x32_10(counter_, key_);
    ++counter_[0];
    // Consumed from the back: buffer_[1] (words 0 and 1 of the block) first.
    buffer_[1] = (static_cast<std::uint64_t>(out[1]) << 32) | out[0];
    buffer_[0] = (static_cast<std::uint64_t>(out[3]) << 32) | out[2];
    buffered_ = 2;
  }
  std::array<std::uint32_t, 2> key_;
  std::array<std::uint32_t, 4> counter_;
  std::uint64_t buffer_[2] = {0, 0};
  std::uint32_t buffered_ = 0;
  std::uint64_t draws_ = 0;
};

// A stream is a value: copied into per-entity state and across threads, it must stay small and heap-free.
static_assert(sizeof(RandomStream) <= 64, "a stream must fit in one cache line");
static_assert(std::is_trivially_copyable_v<RandomStream>, "a stream is a plain value");

}  // namespace reformsim::sim
