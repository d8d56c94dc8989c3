#include "sim/engine/random_stream.hpp"

namespace reformsim::sim {

namespace {

constexpr std::uint32_t kMultiplier0 = 0xD2511F53u;
constexpr std::uint32_t kMultiplier1 = 0xCD9E8D57u;
constexpr std::uint32_t kWeyl0 = 0x9E3779B9u;
constexpr std::uint32_t kWeyl1 = 0xBB67AE85u;

// SplitMix64 finaliser: a strong 64-bit mixer, used to hash the stream address into the key.
std::uint64_t mix64(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

std::array<std::uint32_t, 4> philox4x32_10(std::array<std::uint32_t, 4> c, std::array<std::uint32_t, 2> k) {
  for (int round = 0; round < 10; ++round) {
    const std::uint64_t p0 = static_cast<std::uint64_t>(kMultiplier0) * c[0];
    const std::uint64_t p1 = static_cast<std::uint64_t>(kMultiplier1) * c[2];
    c = {static_cast<std::uint32_t>(p1 >> 32) ^ c[1] ^ k[0], static_cast<std::uint32_t>(p1),
         static_cast<std::uint32_t>(p0 >> 32) ^ c[3] ^ k[1], static_cast<std::uint32_t>(p0)};
    k[0] += kWeyl0;
    k[1] += kWeyl1;
  }
  return c;
}

StreamKey StreamKey::of(std::uint64_t seed, std::uint64_t replicate, std::uint64_t purpose) {
  // Counter words of a stream: [0] block index, [1] substream, [2..3] entity.
  const std::uint64_t key = mix64(mix64(mix64(seed) ^ replicate) ^ (purpose * 0xD6E8FEB86659FD93ull));
  return {{static_cast<std::uint32_t>(key), static_cast<std::uint32_t>(key >> 32)}};
}

void RandomStream::refill() {
  const std::array<std::uint32_t, 4> out = philox4x32_10(counter_, key_);
  ++counter_[0];
  // Consumed from the back: buffer_[1] first.
  buffer_[1] = (static_cast<std::uint64_t>(out[1]) << 32) | out[0];
  buffer_[0] = (static_cast<std::uint64_t>(out[3]) << 32) | out[2];
  buffered_ = 2;
}

}  // namespace reformsim::sim
