// Counter-based streams: Philox known answers, reproducibility, independence of addresses.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "sim/engine/random_stream.hpp"

namespace reformsim::sim {
namespace {

using Block = std::array<std::uint32_t, 4>;

TEST(RandomStreamTest, PhiloxKnownAnswers) {
  // Random123's published known-answer vectors for Philox4x32-10 (kat_vectors).
  EXPECT_EQ(philox4x32_10({0, 0, 0, 0}, {0, 0}), (Block{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
  EXPECT_EQ(philox4x32_10({0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {0xffffffff, 0xffffffff}),
            (Block{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
  EXPECT_EQ(philox4x32_10({0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0}),
            (Block{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

TEST(RandomStreamTest, CounterLayoutIsBlockSubstreamEntity) {
  // The stream is Philox over counter (block, substream, entity low, entity high) under the hashed key, two
  // 64-bit draws per block, words 0-1 before words 2-3.
  const StreamKey key = StreamKey::of(11, 2, 5);
  const std::uint64_t entity = 0x0123456789ABCDEFull;
  RandomStream s(key, entity, 77);
  for (std::uint32_t block = 0; block < 3; ++block) {
    const Block out = philox4x32_10({block, 77, 0x89ABCDEFu, 0x01234567u}, key.words);
    EXPECT_EQ(s.next_u64(), (std::uint64_t{out[1]} << 32) | out[0]) << block;
    EXPECT_EQ(s.next_u64(), (std::uint64_t{out[3]} << 32) | out[2]) << block;
  }
  EXPECT_EQ(s.draws(), 6u);
}

std::vector<double> draw(RandomStream s, int n) {
  std::vector<double> v;
  v.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) v.push_back(s.next_uniform());
  return v;
}

TEST(RandomStreamTest, SameAddressSameSequence) {
  EXPECT_EQ(draw(RandomStream(1, 2, 3, 4, 5), 100), draw(RandomStream(1, 2, 3, 4, 5), 100));
  EXPECT_EQ(draw(RandomStream(1, 2, 3, 4, 5), 50), draw(RandomStream(StreamKey::of(1, 2, 3), 4, 5), 50));
  // A stream is a value: a copy continues exactly where the original is.
  RandomStream a(1, 2, 3, 4);
  for (int i = 0; i < 3; ++i) a.next_u64();  // mid-block
  RandomStream b = a;
  EXPECT_EQ(draw(a, 20), draw(b, 20));
}

TEST(RandomStreamTest, EveryAddressPartMatters) {
  const auto base = draw(RandomStream(1, 2, 3, 4, 5), 8);
  EXPECT_NE(base, draw(RandomStream(9, 2, 3, 4, 5), 8));
  EXPECT_NE(base, draw(RandomStream(1, 9, 3, 4, 5), 8));
  EXPECT_NE(base, draw(RandomStream(1, 2, 9, 4, 5), 8));
  EXPECT_NE(base, draw(RandomStream(1, 2, 3, 9, 5), 8));
  EXPECT_NE(base, draw(RandomStream(1, 2, 3, 4, 9), 8));
  EXPECT_NE(base, draw(RandomStream(1, 2, 3, 4 | (1ull << 32), 5), 8));  // the entity's high word counts
  // The key hash is not symmetric in its fields.
  EXPECT_NE(StreamKey::of(1, 2, 3).words, StreamKey::of(2, 1, 3).words);
  EXPECT_NE(StreamKey::of(1, 2, 3).words, StreamKey::of(1, 3, 2).words);
  EXPECT_NE(StreamKey::of(0, 0, 0).words, StreamKey::of(0, 0, 1).words);
}

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sx += x[i], sy += y[i], sxx += x[i] * x[i], syy += y[i] * y[i], sxy += x[i] * y[i];
  }
  const double cov = sxy / n - sx / n * sy / n;
  return cov / std::sqrt((sxx / n - sx / n * sx / n) * (syy / n - sy / n * sy / n));
}

TEST(RandomStreamTest, NeighbouringStreamsAreUncorrelated) {
  // One standard error of a correlation of 10^5 independent pairs is 0.0032; 0.01 is about three.
  const int n = 100000;
  const auto base = draw(RandomStream(7, 0, 1, 100, 0), n);
  const std::vector<std::vector<double>> neighbours = {
      draw(RandomStream(8, 0, 1, 100, 0), n),  // seed
      draw(RandomStream(7, 1, 1, 100, 0), n),  // replicate
      draw(RandomStream(7, 0, 2, 100, 0), n),  // purpose
      draw(RandomStream(7, 0, 1, 101, 0), n),  // entity
      draw(RandomStream(7, 0, 1, 100, 1), n),  // substream
  };
  for (std::size_t i = 0; i < neighbours.size(); ++i) {
    EXPECT_LT(std::abs(correlation(base, neighbours[i])), 0.01) << i;
    // Lagged by one draw as well: a stream must not be a shifted copy of its neighbour.
    const std::vector<double> shifted(neighbours[i].begin() + 1, neighbours[i].end());
    const std::vector<double> head(base.begin(), base.end() - 1);
    EXPECT_LT(std::abs(correlation(head, shifted)), 0.01) << i;
  }
  // Within one stream, consecutive draws are uncorrelated too.
  const std::vector<double> head(base.begin(), base.end() - 1), tail(base.begin() + 1, base.end());
  EXPECT_LT(std::abs(correlation(head, tail)), 0.01);
}

TEST(RandomStreamTest, UniformsAreInTheOpenIntervalAndUniform) {
  RandomStream s(3, 0, 0, 0);
  int bins[10] = {0};
  for (int i = 0; i < 200000; ++i) {
    const double u = s.next_uniform();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    bins[static_cast<int>(u * 10)]++;
  }
  for (int b : bins) EXPECT_NEAR(b, 20000, 600);  // ~4.5 standard deviations
  EXPECT_EQ(s.draws(), 200000u);
}

TEST(RandomStreamTest, UniformNeverReachesTheEndsEvenForExtremeBits) {
  // 10^5 draws cannot hit the extremes (probability 2^-53 each), so test the mapping itself.
  EXPECT_GT(RandomStream::uniform_from_bits(0), 0.0);
  EXPECT_GT(RandomStream::uniform_from_bits(0x7FF), 0.0);  // bits below the top 53 do not count
  EXPECT_LT(RandomStream::uniform_from_bits(~0ull), 1.0);
  EXPECT_EQ(RandomStream::uniform_from_bits(~0ull), 1.0 - 0x1p-53);
  EXPECT_EQ(RandomStream::uniform_from_bits(1ull << 11), 0x1p-53);
  EXPECT_EQ(RandomStream::uniform_from_bits(1ull << 63), 0.5);
}

TEST(RandomStreamTest, SubstreamMustFitInThirtyTwoBits) {
  EXPECT_NO_THROW(RandomStream(1, 0, 0, 0, 0xFFFFFFFFull));
  EXPECT_THROW(RandomStream(1, 0, 0, 0, 1ull << 32), std::invalid_argument);
}

}  // namespace
}  // namespace reformsim::sim
