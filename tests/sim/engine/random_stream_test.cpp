// Counter-based streams: Philox known answers, reproducibility, independence of addresses.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/engine/random_stream.hpp"

namespace reformsim::sim {
namespace {

TEST(RandomStreamTest, PhiloxKnownAnswers) {
  // Random123's published test vectors for Philox4x32-10.
  EXPECT_EQ(philox4x32_10({0, 0, 0, 0}, {0, 0}),
            (std::array<std::uint32_t, 4>{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
  EXPECT_EQ(philox4x32_10({0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {0xffffffff, 0xffffffff}),
            (std::array<std::uint32_t, 4>{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
  EXPECT_EQ(philox4x32_10({0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0}),
            (std::array<std::uint32_t, 4>{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
}

std::vector<double> draw(RandomStream s, int n) {
  std::vector<double> v;
  for (int i = 0; i < n; ++i) v.push_back(s.next_uniform());
  return v;
}

TEST(RandomStreamTest, SameAddressSameSequence) {
  EXPECT_EQ(draw(RandomStream(1, 2, 3, 4, 5), 100), draw(RandomStream(1, 2, 3, 4, 5), 100));
  EXPECT_EQ(draw(RandomStream(1, 2, 3, 4, 5), 50), draw(RandomStream(StreamKey::of(1, 2, 3), 4, 5), 50));
}

TEST(RandomStreamTest, EveryAddressPartMatters) {
  const auto base = draw(RandomStream(1, 2, 3, 4, 5), 8);
  EXPECT_NE(base, draw(RandomStream(9, 2, 3, 4, 5), 8));
  EXPECT_NE(base, draw(RandomStream(1, 9, 3, 4, 5), 8));
  EXPECT_NE(base, draw(RandomStream(1, 2, 9, 4, 5), 8));
  EXPECT_NE(base, draw(RandomStream(1, 2, 3, 9, 5), 8));
  EXPECT_NE(base, draw(RandomStream(1, 2, 3, 4, 9), 8));
  EXPECT_NE(base, draw(RandomStream(1, 2, 3, 4ull << 32, 5), 8));
}

TEST(RandomStreamTest, NeighbouringStreamsAreUncorrelated) {
  const int n = 100000;
  const auto a = draw(RandomStream(7, 0, 1, 100), n);
  const auto b = draw(RandomStream(7, 0, 1, 101), n);
  const auto c = draw(RandomStream(7, 1, 1, 100), n);
  auto correlation = [&](const std::vector<double>& x, const std::vector<double>& y) {
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int i = 0; i < n; ++i) {
      sx += x[i], sy += y[i], sxx += x[i] * x[i], syy += y[i] * y[i], sxy += x[i] * y[i];
    }
    const double cov = sxy / n - sx / n * sy / n;
    return cov / std::sqrt((sxx / n - sx / n * sx / n) * (syy / n - sy / n * sy / n));
  };
  EXPECT_LT(std::abs(correlation(a, b)), 0.01);
  EXPECT_LT(std::abs(correlation(a, c)), 0.01);
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

}  // namespace
}  // namespace reformsim::sim
