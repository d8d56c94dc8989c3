// PRIM scenario discovery: it finds a planted box, handles categorical factors, records a sound trajectory, is
// deterministic and rejects malformed input.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "sim/analysis/prim.hpp"
#include "sim/engine/random_stream.hpp"

namespace reformsim::analysis {
namespace {

// Uniform cases on [0, 1]^factors with y from `rule`.
template <class Rule>
PrimInput uniform_cases(std::size_t cases, std::size_t factors, std::uint64_t seed, Rule rule) {
  PrimInput in;
  for (std::size_t j = 0; j < factors; ++j) {
    std::string name = "x";  // not "x" + to_string: GCC 12 warns falsely (-Wrestrict) on that
    name += std::to_string(j);
    in.factors.push_back({name, false, {}});
  }
  sim::RandomStream rng(seed, 0, 7, 0);
  for (std::size_t i = 0; i < cases; ++i) {
    std::vector<double> row(factors);
    for (auto& v : row) v = rng.next_uniform();
    in.y.push_back(rule(row));
    in.x.push_back(std::move(row));
  }
  return in;
}

PrimInput planted_box() {
  return uniform_cases(2000, 3, 11, [](const std::vector<double>& r) { return r[0] < 0.3 && r[1] > 0.6; });
}

TEST(PrimTest, FindsAPlantedBox) {
  const auto result = prim(planted_box(), {});
  const auto& box = result.trajectory.at(result.chosen);
  ASSERT_EQ(box.limits.size(), 3u);
  EXPECT_TRUE(box.limits[0].restricted);
  EXPECT_NEAR(box.limits[0].high, 0.3, 0.05);
  EXPECT_TRUE(box.limits[1].restricted);
  EXPECT_NEAR(box.limits[1].low, 0.6, 0.05);
  EXPECT_FALSE(box.limits[2].restricted);
  EXPECT_GE(box.density, 0.9);
  EXPECT_GE(box.coverage, 0.8);
  EXPECT_NEAR(result.base_density, 0.12, 0.03);
}

TEST(PrimTest, KeepsOnlyTheCategoryOfInterest) {
  PrimInput in;
  in.factors = {{"x0", false, {}}, {"kind", true, {"a", "b", "c"}}};
  sim::RandomStream rng(5, 0, 7, 1);
  for (std::size_t i = 0; i < 1500; ++i) {
    const double x0 = rng.next_uniform();
    const double kind = std::floor(rng.next_uniform() * 3);
    in.x.push_back({x0, kind});
    in.y.push_back(kind == 1 && x0 > 0.5);
  }
  const auto result = prim(in, {});
  const auto& box = result.trajectory.at(result.chosen);
  EXPECT_TRUE(box.limits[1].restricted);
  EXPECT_EQ(box.limits[1].categories, std::vector<std::size_t>{1});
  EXPECT_TRUE(box.limits[0].restricted);
  EXPECT_NEAR(box.limits[0].low, 0.5, 0.05);
  EXPECT_GE(box.density, 0.9);
  EXPECT_GE(box.coverage, 0.8);
}

TEST(PrimTest, TrajectoryStartsWithTheWholeSpaceAndLosesCoverage) {
  const auto result = prim(planted_box(), {});
  ASSERT_GT(result.trajectory.size(), 10u);
  const auto& whole = result.trajectory.front();
  EXPECT_DOUBLE_EQ(whole.coverage, 1.0);
  EXPECT_DOUBLE_EQ(whole.mass, 1.0);
  EXPECT_DOUBLE_EQ(whole.density, result.base_density);
  EXPECT_EQ(whole.hits, result.total_hits);
  for (const auto& l : whole.limits) EXPECT_FALSE(l.restricted);
  // The chosen box is pasted, so it may cover more than its predecessor; every other step only peels.
  for (std::size_t b = 1; b < result.trajectory.size(); ++b) {
    const auto& box = result.trajectory[b];
    EXPECT_GE(box.mass, PrimOptions{}.min_mass) << "box " << b;
    EXPECT_NEAR(box.density, static_cast<double>(box.hits) / static_cast<double>(box.cases), 1e-12);
    if (b == result.chosen || b - 1 == result.chosen) continue;
    EXPECT_LE(box.coverage, result.trajectory[b - 1].coverage) << "box " << b;
    EXPECT_LT(box.cases, result.trajectory[b - 1].cases) << "box " << b;
  }
  if (result.chosen + 1 < result.trajectory.size()) {
    EXPECT_GE(result.trajectory[result.chosen].coverage, result.trajectory[result.chosen + 1].coverage);
  }
}

TEST(PrimTest, PastingWidensAnOverPeeledBox) {
  // Coarse peels jump past x0 = 0.5 to about 0.3; pasting adds back the hits in between without lowering density.
  PrimOptions options;
  options.peel_alpha = 0.45;
  options.threshold = 0.99;
  const auto result = prim(uniform_cases(2000, 2, 3, [](const std::vector<double>& r) { return r[0] < 0.5; }), options);
  const auto& box = result.trajectory.at(result.chosen);
  EXPECT_TRUE(box.limits[0].restricted);
  EXPECT_NEAR(box.limits[0].high, 0.5, 0.02);
  EXPECT_FALSE(box.limits[1].restricted);
  EXPECT_DOUBLE_EQ(box.density, 1.0);
  EXPECT_GE(box.coverage, 0.97);
}

TEST(PrimTest, LowThresholdChoosesTheBoxOfHighestCoverage) {
  PrimOptions options;
  options.threshold = 0;
  const auto result = prim(planted_box(), options);
  // Every box qualifies, so the chosen one covers every hit, and is the densest such (the last of full coverage).
  EXPECT_EQ(result.trajectory.at(result.chosen).hits, result.total_hits);
  ASSERT_GT(result.chosen, 0u);
  if (result.chosen + 1 < result.trajectory.size()) {
    EXPECT_LT(result.trajectory[result.chosen + 1].hits, result.total_hits);
  }
}

TEST(PrimTest, SameInputGivesSameResult) {
  const auto a = prim(planted_box(), {});
  const auto b = prim(planted_box(), {});
  ASSERT_EQ(a.trajectory.size(), b.trajectory.size());
  EXPECT_EQ(a.chosen, b.chosen);
  for (std::size_t i = 0; i < a.trajectory.size(); ++i) {
    EXPECT_EQ(a.trajectory[i].cases, b.trajectory[i].cases);
    EXPECT_EQ(a.trajectory[i].hits, b.trajectory[i].hits);
    for (std::size_t j = 0; j < 3; ++j) {
      EXPECT_EQ(a.trajectory[i].limits[j].low, b.trajectory[i].limits[j].low);
      EXPECT_EQ(a.trajectory[i].limits[j].high, b.trajectory[i].limits[j].high);
    }
  }
}

TEST(PrimTest, RejectsMalformedInput) {
  auto good = [] {
    PrimInput in;
    in.factors = {{"x", false, {}}, {"k", true, {"a", "b"}}};
    in.x = {{0.1, 0}, {0.5, 1}, {0.9, 0}};
    in.y = {true, false, false};
    return in;
  };
  EXPECT_NO_THROW(prim(good(), {}));
  auto throws = [&](auto change) {
    auto in = good();
    PrimOptions options;
    change(in, options);
    EXPECT_THROW(prim(in, options), std::invalid_argument);
  };
  throws([](PrimInput& in, PrimOptions&) { in.x.clear(), in.y.clear(); });
  throws([](PrimInput& in, PrimOptions&) { in.x[1].push_back(0); });
  throws([](PrimInput& in, PrimOptions&) { in.y.push_back(true); });
  throws([](PrimInput& in, PrimOptions&) { in.y = {false, false, false}; });
  throws([](PrimInput& in, PrimOptions&) { in.y = {true, true, true}; });
  throws([](PrimInput& in, PrimOptions&) { in.x[0][1] = 2; });
  throws([](PrimInput& in, PrimOptions&) { in.x[0][1] = -1; });
  throws([](PrimInput& in, PrimOptions&) { in.x[0][1] = 0.5; });
  throws([](PrimInput& in, PrimOptions&) { in.x[2][0] = std::numeric_limits<double>::quiet_NaN(); });
  throws([](PrimInput& in, PrimOptions&) { in.x[2][0] = std::numeric_limits<double>::infinity(); });
  throws([](PrimInput&, PrimOptions& o) { o.peel_alpha = 0; });
  throws([](PrimInput&, PrimOptions& o) { o.peel_alpha = 0.5; });
  throws([](PrimInput&, PrimOptions& o) { o.paste_alpha = 0; });
  throws([](PrimInput&, PrimOptions& o) { o.paste_alpha = 0.6; });
  throws([](PrimInput&, PrimOptions& o) { o.min_mass = 0; });
  throws([](PrimInput&, PrimOptions& o) { o.min_mass = 1; });
  throws([](PrimInput&, PrimOptions& o) { o.threshold = -0.1; });
  throws([](PrimInput&, PrimOptions& o) { o.threshold = 1.1; });
  throws([](PrimInput&, PrimOptions& o) { o.threshold = std::numeric_limits<double>::quiet_NaN(); });
}

}  // namespace
}  // namespace reformsim::analysis
