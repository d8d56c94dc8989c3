// The whole search on a model whose truth is known: a line y = level + slope × year with replicate noise that
// common random numbers cancel. The fit must recover the line's parameters from targets computed at the truth,
// give identical trials for any thread count, and reject bad fit files with file, line and key path.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "sim/config/read.hpp"
#include "sim/config/validate.hpp"
#include "sim/fit/fit_output.hpp"
#include "sim/fit/fit_search.hpp"
#include "tests/support/temp_dir.hpp"

namespace reformsim::fit {
namespace {

class LineModel final : public experiment::Model {
 public:
  void prepare(const experiment::ExpandedExperiment& e, config::ErrorList& errors) override {
    const auto spec = config::Spec::object({{"slope", config::Spec::real()->range(-10, 10)},
                                            {"level", config::Spec::real()},
                                            {"noise", config::Spec::real()->def(0.5)},
                                            {"steps", config::Spec::integer()->def(1)}});
    for (const config::Node& tree : e.scenarios) {
      const config::Node v = config::validate(tree, *spec, errors);
      if (!errors.empty()) return;
      lines_.push_back({config::get_real(v, "slope"), config::get_real(v, "level"), config::get_real(v, "noise")});
    }
    layout_.axes = {{"year", {"1", "2", "3"}, ""}};
    layout_.metrics = {{"years/y", {"year"}, "", ""}, {"summary/slope", {}, "", ""}};
  }
  const experiment::OutputLayout& layout() const override { return layout_; }
  experiment::RunValues run(const experiment::RunPlan& plan) const override {
    const Line& l = lines_[plan.scenario_index];
    // Replicate noise, the same in every trial: it shifts levels but cancels in changes.
    const double noise = l.noise * (plan.replicate - 1.0);
    experiment::RunValues v;
    v.metrics = {{}, {l.slope}};
    for (int year = 1; year <= 3; ++year) v.metrics[0].push_back(l.level + l.slope * year + noise);
    v.events = 1;
    return v;
  }
  std::vector<experiment::HeadlineMetric> headline_metrics() const override { return {}; }
  std::string resolved_scenario(std::size_t) const override { return ""; }

 private:
  struct Line {
    double slope, level, noise;
  };
  std::vector<Line> lines_;
  experiment::OutputLayout layout_;
};

const ModelFactory kLine = [] { return std::make_unique<LineModel>(); };

const char* kFit = R"(name: line
base: base.yaml
replicates: 3
parameters:
  slope: {min: 0, max: 5}
  level: {min: 0.1, max: 10, scale: log}
targets:
  - {name: first_year, metric: years/y, year: 1, value: 4.9, tolerance: 0.01}
  - {name: growth, metric: years/y, year: 3, from_year: 1, value: 3.4, tolerance: 0.01}
  - {name: relative_growth, metric: years/y, year: 3, from_year: 1, relative: true, value: 0, tolerance: 1,
     weight: 0}
  - {name: slope_sign, metric: summary/slope, direction: increase, weight: 0}
search: {initial_points: 12, max_trials: 150, refine_starts: 2, min_step: 0.0002, seed: 4}
)";

class FitSearchTest : public ::testing::Test {
 protected:
  FitSpec load(const std::string& text) {
    dir_.write("base.yaml", "slope: 0\nlevel: 1\n");
    config::ErrorList errors;
    FitSpec spec = load_fit(dir_.write("fit.yaml", text), errors);
    EXPECT_TRUE(errors.empty()) << errors.to_string();
    return spec;
  }
  std::string errors_of(const std::string& text) {
    dir_.write("base.yaml", "slope: 0\nlevel: 1\n");
    config::ErrorList errors;
    const FitSpec spec = load_fit(dir_.write("fit.yaml", text), errors);
    if (errors.empty()) check_fit(spec, kLine, errors);
    return errors.to_string();
  }
  testing::TempDir dir_;
};

TEST_F(FitSearchTest, RecoversTheParametersThatGeneratedTheTargets) {
  const FitSpec spec = load(kFit);
  const FitResult result = run_fit(spec, kLine, {1, false});
  const Trial& best = result.trials[result.best];
  EXPECT_NEAR(best.values[0], 1.7, 0.005);  // slope: growth = 2 × slope
  EXPECT_NEAR(best.values[1], 3.2, 0.01);   // level: first year = level + slope (noise averages out)
  EXPECT_TRUE(best.within_tolerance);
  EXPECT_LE(result.trials.size(), 150u);
  EXPECT_EQ(verdict(spec.targets[3], best.outcomes[3]), "right direction");
  std::size_t initial = 0;
  for (const Trial& t : result.trials) initial += t.phase == 0 ? 1 : 0;
  EXPECT_EQ(initial, 12u);
}

TEST_F(FitSearchTest, TrialsAreIdenticalForAnyThreadCount) {
  const FitSpec spec = load(kFit);
  const FitResult one = run_fit(spec, kLine, {1, false});
  const FitResult two = run_fit(spec, kLine, {2, false});
  ASSERT_EQ(one.trials.size(), two.trials.size());
  for (std::size_t i = 0; i < one.trials.size(); ++i) {
    EXPECT_EQ(one.trials[i].values, two.trials[i].values) << i;
    EXPECT_EQ(one.trials[i].distance, two.trials[i].distance) << i;
  }
  EXPECT_EQ(one.best, two.best);
}

TEST_F(FitSearchTest, WithoutParametersTheBaseIsEvaluatedOnce) {
  const FitSpec spec = load(R"(base: base.yaml
targets:
  - {name: growth, metric: years/y, year: 3, from_year: 1, value: 0, tolerance: 0.1}
  - {name: shrinks, metric: years/y, year: 3, from_year: 1, direction: decrease, weight: 0}
)");
  const FitResult result = run_fit(spec, kLine, {1, false});
  ASSERT_EQ(result.trials.size(), 1u);
  EXPECT_EQ(result.trials[0].outcomes[0].mean, 0);
  EXPECT_TRUE(result.trials[0].within_tolerance);
  EXPECT_EQ(verdict(spec.targets[1], result.trials[0].outcomes[1]), "wrong direction");
  const std::string table = format_target_table(spec, result.trials[0]);
  EXPECT_NE(table.find("growth   fitted"), std::string::npos) << table;
  EXPECT_NE(table.find("out-of-sample"), std::string::npos) << table;
}

TEST_F(FitSearchTest, BadFitFilesAreRejectedWithFileLineAndKey) {
  const std::string e = errors_of(R"(base: base.yaml
arms:
  - name: a
parameters:
  slope: {min: 3, max: 1}
  level: {min: 0, max: 2, scale: log}
  slop: {min: 0, max: 1}
targets:
  - {name: t, metric: years/y, year: 1, value: 1}
  - {name: t, metric: years/y, arm: b, year: 1, value: 1, tolerance: 1}
  - {name: u, metric: years/y, year: 1, from_year: 1, direction: increase}
  - {name: v, metric: years/why, year: 4, value: 1, tolerance: 1, relative: true}
)");
  EXPECT_NE(e.find("fit.yaml:5:"), std::string::npos) << e;
  EXPECT_NE(e.find("parameters.slope.max: must be above min"), std::string::npos) << e;
  EXPECT_NE(e.find("parameters.level.min: must be above 0 on a log scale"), std::string::npos) << e;
  EXPECT_NE(e.find("fit.yaml:9:"), std::string::npos) << e;
  EXPECT_NE(e.find("targets[0].tolerance: a target value needs a tolerance"), std::string::npos) << e;
  EXPECT_NE(e.find("targets[1].arm: no arm is named 'b'"), std::string::npos) << e;
  EXPECT_NE(e.find("targets[1].name: duplicate target name 't'"), std::string::npos) << e;
  EXPECT_NE(e.find("targets[2].from_year: must differ from `year`"), std::string::npos) << e;
  EXPECT_NE(e.find("targets[2].weight: a direction target is reported, not fitted"), std::string::npos) << e;
  EXPECT_NE(e.find("targets[3].relative: a level has nothing to be relative to"), std::string::npos) << e;

  // Keys of the model's scenarios and names of its outputs are checked against the model.
  const std::string m = errors_of(R"(base: base.yaml
parameters:
  slop: {min: 0, max: 1}
  slope: {min: -20, max: 1}
targets:
  - {name: v, metric: years/why, year: 4, value: 1, tolerance: 1}
)");
  EXPECT_NE(m.find("slop"), std::string::npos) << m;
  EXPECT_NE(m.find("fit.yaml:3:"), std::string::npos) << m;
  EXPECT_NE(m.find("fit.yaml:4:"), std::string::npos) << m;
  EXPECT_NE(m.find("slope"), std::string::npos) << m;
}

TEST_F(FitSearchTest, FittedKeysMustNotClashWithArmsOrTheirDeclaredTypes) {
  const std::string e = errors_of(R"(base: base.yaml
arms:
  - name: a
    set: {slope: 1}
parameters:
  slope: {min: 0, max: 1.2345678}
  steps: {min: 1, max: 4}
targets:
  - {name: t, metric: years/y, year: 1, value: 1, tolerance: 1}
)");
  EXPECT_NE(e.find("fit.yaml:6:"), std::string::npos) << e;
  EXPECT_NE(e.find("parameters.slope: arm 'a' also sets 'slope'"), std::string::npos) << e;
  EXPECT_NE(e.find("parameters.slope.max: give at most 6 significant digits"), std::string::npos) << e;
  // An integer key without `integer: true` fails between the ends of its range, where a value is fractional.
  const std::string i = errors_of(R"(base: base.yaml
parameters:
  steps: {min: 1, max: 4}
targets:
  - {name: t, metric: years/y, year: 1, value: 1, tolerance: 1}
)");
  EXPECT_NE(i.find("fit.yaml:3:"), std::string::npos) << i;
  EXPECT_NE(i.find("steps"), std::string::npos) << i;
  EXPECT_EQ(errors_of(R"(base: base.yaml
parameters:
  steps: {min: 1, max: 4, integer: true}
targets:
  - {name: t, metric: years/y, year: 1, value: 1, tolerance: 1}
)"),
            "");
}

TEST_F(FitSearchTest, ATrialWithNoFittedTargetIsNotAccepted) {
  const FitSpec spec = load(R"(base: base.yaml
targets:
  - {name: growth, metric: years/y, year: 3, from_year: 1, value: 0, tolerance: 0.1, weight: 0}
)");
  EXPECT_FALSE(run_fit(spec, kLine, {1, false}).trials[0].within_tolerance);
}

TEST_F(FitSearchTest, TheTargetsOfAValidFileAreResolvedAgainstTheOutputs) {
  const std::string e = errors_of(R"(base: base.yaml
targets:
  - {name: v, metric: years/why, year: 4, value: 1, tolerance: 1}
  - {name: w, metric: years/y, year: 4, value: 1, tolerance: 1}
)");
  EXPECT_NE(e.find("fit.yaml:3:"), std::string::npos) << e;
  EXPECT_NE(e.find("targets[0].metric: no output dataset 'years/why' (did you mean 'years/y'?)"), std::string::npos)
      << e;
  EXPECT_NE(e.find("targets[1].year: year 4 is beyond the horizon (3 years)"), std::string::npos) << e;
}

// With parameters, the targets are checked at the corners of the ranges; a problem found there is listed once, not
// again from the base scenario.
TEST_F(FitSearchTest, ATargetProblemIsListedOnceWhenParametersAreFitted) {
  const std::string e = errors_of(R"(base: base.yaml
parameters:
  steps: {min: 1, max: 4, integer: true}
targets:
  - {name: v, metric: years/why, year: 1, value: 1, tolerance: 1}
)");
  const std::string message = "targets[0].metric: no output dataset 'years/why'";
  const std::size_t first = e.find(message);
  ASSERT_NE(first, std::string::npos) << e;
  EXPECT_EQ(e.find(message, first + 1), std::string::npos) << e;
}

}  // namespace
}  // namespace reformsim::fit
