#include "sim/engine/random_stream.hpp"

#include <stdexcept>
#include <string>

namespace reformsim::sim {

namespace {

// SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mixer with full avalanche.
std::uint64_t mix64(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

StreamKey StreamKey::of(std::uint64_t seed, std::uint64_t replicate, std::uint64_t purpose) {
  // A chain rather than a xor of three hashes: xoring would make (seed, replicate) and (replicate, seed) collide
  // and let structured inputs cancel. Each step fully mixes before the next field enters.
  const std::uint64_t key = mix64(mix64(mix64(seed) ^ replicate) ^ (purpose * 0xD6E8FEB86659FD93ull));
  return {{static_cast<std::uint32_t>(key), static_cast<std::uint32_t>(key >> 32)}};
}

void RandomStream::throw_substream_out_of_range(std::uint64_t substream) {
  throw std::invalid_argument("random stream: substream " + std::to_string(substream) +
                              " does not fit in the 32 bits of the counter");
}

void RandomStream::throw_exhausted() {
  throw std::length_error("random stream: all 2^33 draws of the stream are used (32-bit block index)");
}

}  // namespace reformsim::sim
