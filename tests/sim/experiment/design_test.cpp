// Sampled designs: the unit-cube points (Saltelli's matrices from a shifted Sobol' sequence, Morris trajectories,
// maximin Latin hypercubes), their expansion into runs, and the errors a design file that cannot run gets.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "sim/config/key_path.hpp"
#include "sim/config/scalar_text.hpp"
#include "sim/experiment/design_sampling.hpp"
#include "sim/experiment/experiment_spec.hpp"
#include "sim/experiment/run_plan.hpp"
#include "tests/support/temp_dir.hpp"

namespace reformsim::experiment {
namespace {

TEST(SaltelliPoints, AbMatricesTakeOneColumnFromB) {
  const std::size_t n = 16, d = 3;
  const UnitPoints p = saltelli_points(n, d, 7);
  ASSERT_EQ(p.size(), n * (d + 2));
  for (std::size_t i = 0; i < n; ++i) {
    const auto& a = p[i * (d + 2)];
    const auto& b = p[i * (d + 2) + d + 1];
    for (std::size_t j = 0; j < d; ++j) {
      const auto& ab = p[i * (d + 2) + 1 + j];
      for (std::size_t k = 0; k < d; ++k) EXPECT_EQ(ab[k], k == j ? b[k] : a[k]) << i << " " << j << " " << k;
      EXPECT_NE(a[j], b[j]);
    }
    for (double u : a) EXPECT_TRUE(u > 0 && u < 1);
  }
  EXPECT_EQ(saltelli_points(n, d, 7), p);
  EXPECT_NE(saltelli_points(n, d, 8), p);
}

TEST(SaltelliPoints, ShiftedSequenceKeepsItsBalance) {
  // 64 points of a Sobol' sequence put exactly 8 in each eighth of every coordinate; a digital shift permutes the
  // eighths, so the shifted sequence must too (a plain random design almost never does).
  const std::size_t n = 64, d = 4;
  const UnitPoints p = saltelli_points(n, d, 3);
  for (std::size_t k = 0; k < 2 * d; ++k) {
    std::vector<int> bins(8, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const double u = k < d ? p[i * (d + 2)][k] : p[i * (d + 2) + d + 1][k - d];
      ++bins[static_cast<std::size_t>(u * 8)];
    }
    for (int count : bins) EXPECT_EQ(count, 8) << "coordinate " << k;
  }
}

TEST(MorrisTrajectories, EachStepMovesOneFactorByDelta) {
  const std::size_t r = 12, d = 5;
  const int levels = 4;
  const UnitPoints p = morris_trajectories(r, d, levels, 11);
  ASSERT_EQ(p.size(), r * (d + 1));
  const double delta = 2.0 / 3.0;
  for (std::size_t t = 0; t < r; ++t) {
    std::set<std::size_t> moved;
    for (std::size_t s = 0; s < d; ++s) {
      const auto& x = p[t * (d + 1) + s];
      const auto& y = p[t * (d + 1) + s + 1];
      std::size_t changes = 0;
      for (std::size_t k = 0; k < d; ++k) {
        if (x[k] != y[k]) {
          ++changes;
          moved.insert(k);
          EXPECT_NEAR(std::abs(x[k] - y[k]), delta, 1e-12);
        }
        const double level = y[k] * (levels - 1);
        EXPECT_NEAR(level, std::round(level), 1e-9);
        EXPECT_GE(y[k], 0);
        EXPECT_LE(y[k], 1);
      }
      EXPECT_EQ(changes, 1u) << "trajectory " << t << " step " << s;
    }
    EXPECT_EQ(moved.size(), d);
  }
  EXPECT_EQ(morris_trajectories(r, d, levels, 11), p);
}

double smallest_gap(const UnitPoints& p) {
  double best = 1e9;
  for (std::size_t a = 0; a < p.size(); ++a) {
    for (std::size_t b = a + 1; b < p.size(); ++b) {
      double s = 0;
      for (std::size_t k = 0; k < p[a].size(); ++k) s += (p[a][k] - p[b][k]) * (p[a][k] - p[b][k]);
      best = std::min(best, s);
    }
  }
  return best;
}

TEST(MaximinLatinHypercube, SpreadsPointsWithoutLeavingTheStrata) {
  const UnitPoints plain = maximin_latin_hypercube(20, 3, 1, 5);
  const UnitPoints spread = maximin_latin_hypercube(20, 3, 50, 5);
  EXPECT_GT(smallest_gap(spread), smallest_gap(plain));
  for (std::size_t k = 0; k < 3; ++k) {
    std::set<int> strata;
    for (const auto& x : spread) strata.insert(static_cast<int>(x[k] * 20));
    EXPECT_EQ(strata.size(), 20u);
  }
}

class DesignExpansionTest : public ::testing::Test {
 protected:
  ExperimentSpec load(const std::string& text, config::ErrorList& errors) {
    dir_.write("base.yaml", "a: 1\nb: 2\nc: x\nn: 3\n");
    return load_experiment(dir_.write("exp.yaml", "base: base.yaml\n" + text), errors);
  }
  std::string errors_of(const std::string& text) {
    config::ErrorList errors;
    const ExperimentSpec spec = load(text, errors);
    if (errors.empty()) expand(spec, errors);
    return errors.to_string();
  }
  testing::TempDir dir_;
};

TEST_F(DesignExpansionTest, SobolRunsSaltelliPointsPerArmAndReplicate) {
  config::ErrorList errors;
  const ExperimentSpec spec = load(R"(design: sobol
samples: 8
replicates: 2
arms: [{name: p}, {name: q, set: {b: 5}}]
ranges:
  a: {min: 0.01, max: 100, scale: log}
  n: {min: 1, max: 4, integer: true}
vary:
  c: [x, y, z]
)",
                                   errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  const ExpandedExperiment e = expand(spec, errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  ASSERT_EQ(e.design.points(), 8u * 5);
  ASSERT_EQ(e.runs.size(), 8u * 5 * 2 * 2);
  ASSERT_EQ(e.design.factors.size(), 3u);
  EXPECT_TRUE(e.design.factors[0].numeric);
  EXPECT_FALSE(e.design.factors[2].numeric);
  std::set<double> integers;
  for (std::size_t p = 0; p < e.design.points(); ++p) {
    const double a = e.design.value[p][0];
    EXPECT_TRUE(a >= 0.01 && a <= 100) << a;
    integers.insert(e.design.value[p][1]);
    EXPECT_EQ(e.design.value[p][1], std::round(e.design.value[p][1]));
  }
  EXPECT_EQ(integers, (std::set<double>{1, 2, 3, 4}));
  // Point outer, arm, replicate inner; one seed for all: common random numbers across the design.
  EXPECT_EQ(e.runs[0].point, 0u);
  EXPECT_EQ(e.runs[1].replicate, 1);
  EXPECT_EQ(e.runs[2].arm, "q");
  EXPECT_EQ(e.runs[4].point, 1u);
  for (const RunPlan& r : e.runs) EXPECT_EQ(r.seed, spec.seed);
  // The scenario gets exactly the stored value.
  const config::Node& tree = e.scenarios[e.runs[4].scenario_index];
  EXPECT_EQ(*config::parse_real(config::find_at_path(tree, "a")->text()), e.design.value[1][0]);
  EXPECT_EQ(config::find_at_path(tree, "c")->text(),
            e.design.factors[2].categories[static_cast<std::size_t>(e.design.value[1][2])]);
  EXPECT_EQ(config::find_at_path(e.scenarios[e.runs[2].scenario_index], "b")->text(), "5");
}

TEST_F(DesignExpansionTest, LhsAndMorrisSizes) {
  config::ErrorList errors;
  ExpandedExperiment lhs = expand(
      load("design: lhs\nsamples: 30\nmaximin_candidates: 5\nranges: {a: {min: 0, max: 1}, b: {min: 2, max: 3}}\n",
           errors),
      errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(lhs.runs.size(), 30u);
  ExpandedExperiment morris = expand(
      load("design: morris\ntrajectories: 6\nlevels: 6\nranges: {a: {min: 0, max: 1}, b: {min: 2, max: 3}}\n", errors),
      errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(morris.runs.size(), 6u * 3);
  EXPECT_EQ(morris.design.unit.size(), 18u);
}

TEST_F(DesignExpansionTest, MorrisLevelsMapToEvenlySpreadValues) {
  // Levels m / 7 times 7 fall just below whole numbers in binary; each level must still get its own value.
  config::ErrorList errors;
  const ExpandedExperiment e =
      expand(load("design: morris\ntrajectories: 40\nlevels: 8\nranges: {n: {min: 1, max: 8, "
                  "integer: true}, a: {min: 0, max: 7}}\nvary: {c: [p, q, r, s, t, u, v, w]}\n",
                  errors),
             errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  for (std::size_t p = 0; p < e.design.points(); ++p) {
    const double level = std::round(e.design.unit[p][0] * 7);
    EXPECT_EQ(e.design.value[p][0], 1 + level) << p;
    EXPECT_NEAR(e.design.value[p][1], std::round(e.design.unit[p][1] * 7), 1e-12) << p;
    EXPECT_EQ(e.design.value[p][2], std::round(e.design.unit[p][2] * 7)) << p;
  }
  EXPECT_NE(errors_of("design: morris\ntrajectories: 4\nranges: {a: {min: 0, max: 1}}\nvary: {c: [p, q, r, s, t]}\n")
                .find("lists 5 values but a Morris trajectory visits 4 levels"),
            std::string::npos);
}

TEST_F(DesignExpansionTest, ADesignFileListsThePoints) {
  dir_.write("points.csv", "a,c\n0.5,x\n# a comment\n2,\"y z\"\n1e-3,x\n");
  config::ErrorList errors;
  const ExpandedExperiment e = expand(load("design: file\ndesign_file: points.csv\nreplicates: 2\n", errors), errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  ASSERT_EQ(e.design.points(), 3u);
  EXPECT_EQ(e.runs.size(), 6u);
  EXPECT_TRUE(e.design.factors[0].numeric);
  EXPECT_FALSE(e.design.factors[1].numeric);
  EXPECT_EQ(e.design.factors[1].categories, (std::vector<std::string>{"x", "y z"}));
  EXPECT_EQ(e.design.value[2], (std::vector<double>{1e-3, 0}));
  const config::Node* c = config::find_at_path(e.scenarios[1], "c");
  EXPECT_EQ(c->text(), "y z");
  EXPECT_EQ(c->location().line, 4);  // where the value was written, for the scenario's errors
}

TEST_F(DesignExpansionTest, BadDesignFilesAreRefusedWithFileAndLine) {
  dir_.write("empty_cell.csv", "a,c\n1,x\n2,\n");
  EXPECT_NE(errors_of("design: file\ndesign_file: empty_cell.csv\n")
                .find("empty_cell.csv:3: design_file: column 'c': "
                      "empty value"),
            std::string::npos)
      << errors_of("design: file\ndesign_file: empty_cell.csv\n");
  dir_.write("twice.csv", "a,a\n1,2\n");
  EXPECT_NE(errors_of("design: file\ndesign_file: twice.csv\n").find("duplicate column 'a'"), std::string::npos);
  dir_.write("none.csv", "a\n");
  EXPECT_NE(errors_of("design: file\ndesign_file: none.csv\n").find("lists no points"), std::string::npos);
  EXPECT_NE(errors_of("design: file\n").find("needs design_file"), std::string::npos);
  EXPECT_NE(errors_of("design_file: none.csv\n").find("design_file needs design: file"), std::string::npos);
  EXPECT_NE(errors_of("design: file\ndesign_file: missing.csv\n").find("missing.csv"), std::string::npos);
  dir_.write("ok.csv", "a\n1\n");
  EXPECT_NE(errors_of("design: file\ndesign_file: ok.csv\nvary: {b: [1, 2]}\n").find("leave ranges and vary out"),
            std::string::npos);
  dir_.write("ragged.csv", "a,b\n1\n");
  EXPECT_NE(errors_of("design: file\ndesign_file: ragged.csv\n").find("ragged.csv:2"), std::string::npos);
}

TEST_F(DesignExpansionTest, DesignsThatCannotRunAreRefusedWithTheReason) {
  EXPECT_NE(errors_of("ranges: {a: {min: 0, max: 1}}\n").find("ranges need design lhs, sobol or morris"),
            std::string::npos);
  EXPECT_NE(errors_of("design: sobol\nranges: {a: {min: 0, max: 1}, b: {min: 0, max: 1}}\n").find("N × 4 points"),
            std::string::npos);
  EXPECT_NE(errors_of("design: sobol\nsamples: 1\nranges: {a: {min: 0, max: 1}}\n").find("at least 2 base samples"),
            std::string::npos);
  EXPECT_NE(
      errors_of("design: morris\ntrajectories: 4\nlevels: 5\nranges: {a: {min: 0, max: 1}}\n").find("must be even"),
      std::string::npos);
  EXPECT_NE(errors_of("design: morris\nranges: {a: {min: 0, max: 1}}\n").find("(D + 1) × r = 2 × r"),
            std::string::npos);
  EXPECT_NE(errors_of("design: lhs\nsamples: 5\n").find("nothing to vary"), std::string::npos);
  EXPECT_NE(errors_of("design: lhs\nsamples: 5\nranges: {a: {min: 1, max: 1}}\n").find("must be above min"),
            std::string::npos);
  EXPECT_NE(errors_of("design: lhs\nsamples: 5\nranges: {a: {min: 0, max: 1, scale: log}}\n").find("above 0 on a log"),
            std::string::npos);
  EXPECT_NE(
      errors_of("design: lhs\nsamples: 5\nranges: {a: {min: 0, max: 1}}\nvary: {a: [1, 2]}\n").find("one or the other"),
      std::string::npos);
  EXPECT_NE(errors_of("samples: 5\nvary: {a: [1, 2]}\n").find("samples are for design lhs or sobol"),
            std::string::npos);
  EXPECT_NE(errors_of("design: sobol\nsamples: 400000\nranges: {a: {min: 0, max: 1}}\n").find("more than 1000000 runs"),
            std::string::npos);
  EXPECT_NE(errors_of("design: lhs\nsamples: 5\nranges: {a: {min: 0, max: 1, step: 2}}\n").find("step"),
            std::string::npos);
  // Located: file, line and key path.
  const std::string located = errors_of("design: lhs\nsamples: 5\nranges:\n  a: {min: 3, max: 1}\n");
  EXPECT_NE(located.find("exp.yaml:5"), std::string::npos) << located;
  EXPECT_NE(located.find("ranges.a.max"), std::string::npos) << located;
}

}  // namespace
}  // namespace reformsim::experiment
