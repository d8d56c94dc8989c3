// Sensitivity analysis through the whole experiment machinery: a tiny built-in model (the Ishigami function, a
// linear function with replicate noise) is expanded from an experiment file, run, written to a results file and
// analysed from that file; the estimates must contain the analytic truth within their intervals.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "sim/analysis/analysis_record.hpp"
#include "sim/analysis/results_discovery.hpp"
#include "sim/analysis/results_sensitivity.hpp"
#include "sim/config/read.hpp"
#include "sim/config/validate.hpp"
#include "sim/experiment/parallel_runner.hpp"
#include "sim/experiment/results_file.hpp"
#include "sim/output/file_stamp.hpp"
#include "sim/output/hdf5_reader.hpp"
#include "sim/output/output_error.hpp"
#include "tests/support/temp_dir.hpp"

namespace reformsim::analysis {
namespace {

// Chosen by `function`: y = sin x1 + 7 sin² x2 + 0.1 x3⁴ sin x1 (Ishigami & Homma 1990), the linear y = x1 + 2 x2
// + 3 x3, or the planted box y = 1 where x1 < 0.3 and x2 > 0.6 (0 elsewhere); plus `noise` × (replicate − 1).
class TestFunctionModel final : public experiment::Model {
 public:
  void prepare(const experiment::ExpandedExperiment& e, config::ErrorList& errors) override {
    const double pi = std::numbers::pi;
    const auto spec = config::Spec::object({{"x1", config::Spec::real()->range(-pi, pi)->def(0.0)},
                                            {"x2", config::Spec::real()->range(-pi, pi)->def(0.0)},
                                            {"x3", config::Spec::real()->range(-pi, pi)->def(0.0)},
                                            {"function", config::Spec::enumeration({"ishigami", "linear", "box"})},
                                            {"noise", config::Spec::real()->def(0.0)}});
    for (const config::Node& tree : e.scenarios) {
      const config::Node v = config::validate(tree, *spec, errors);
      if (!errors.empty()) return;
      points_.push_back({config::get_real(v, "x1"), config::get_real(v, "x2"), config::get_real(v, "x3"),
                         config::get_string(v, "function"), config::get_real(v, "noise")});
    }
    layout_.metrics = {{"summary/y", {}, "", "the test function"},
                       {"summary/gap", {}, "", "y where x1 < 0, else no value (NaN)"},
                       {"summary/flat", {}, "", "0.1 + 0.2 everywhere"},
                       {"years/z", {"year"}, "yuan", "y, 2 y and 3 y"}};
    layout_.axes = {{"year", {"1", "2", "3"}, "years"}};
  }
  const experiment::OutputLayout& layout() const override { return layout_; }
  experiment::RunValues run(const experiment::RunPlan& plan) const override {
    const Point& p = points_[plan.scenario_index];
    double y = p.x1 + 2 * p.x2 + 3 * p.x3;
    if (p.function == "ishigami")
      y = std::sin(p.x1) + 7 * std::pow(std::sin(p.x2), 2) + 0.1 * std::pow(p.x3, 4) * std::sin(p.x1);
    if (p.function == "box") y = p.x1 < 0.3 && p.x2 > 0.6 ? 1 : 0;
    experiment::RunValues v;
    v.metrics = {{y + p.noise * (plan.replicate - 1.0)}, {p.x1 < 0 ? y : std::nan("")}, {0.1 + 0.2}, {y, 2 * y, 3 * y}};
    v.events = 1;
    return v;
  }
  std::vector<experiment::HeadlineMetric> headline_metrics() const override { return {}; }
  std::string resolved_scenario(std::size_t) const override { return ""; }

 private:
  struct Point {
    double x1, x2, x3;
    std::string function;
    double noise;
  };
  std::vector<Point> points_;
  experiment::OutputLayout layout_;
};

class ResultsSensitivityTest : public ::testing::Test {
 protected:
  // Runs the experiment text (base: base.yaml) and returns the results file's path.
  std::string run(const std::string& base, const std::string& experiment_text) {
    dir_.write("base.yaml", base);
    config::ErrorList errors;
    const experiment::ExperimentSpec spec =
        experiment::load_experiment(dir_.write("exp.yaml", experiment_text), errors);
    EXPECT_TRUE(errors.empty()) << errors.to_string();
    const experiment::ExpandedExperiment e = experiment::expand(spec, errors);
    EXPECT_TRUE(errors.empty()) << errors.to_string();
    TestFunctionModel model;
    model.prepare(e, errors);
    EXPECT_TRUE(errors.empty()) << errors.to_string();
    const std::string path = dir_.path("out.h5");
    experiment::ResultsFile file(path, spec, e, model.layout(), {});
    experiment::run_all(e.runs, model, {2, false}, [&](const experiment::RunPlan& plan, experiment::RunValues&& v) {
      experiment::RunOutcome outcome;
      outcome.values = std::move(v);
      file.append(plan, outcome);
    });
    file.commit();
    return path;
  }
  testing::TempDir dir_;
};

constexpr const char* kRanges = R"(ranges:
  x1: {min: -3.141592653589793, max: 3.141592653589793}
  x2: {min: -3.141592653589793, max: 3.141592653589793}
  x3: {min: -3.141592653589793, max: 3.141592653589793}
)";

// The test function's outcome alone (the model also writes summary/gap and summary/flat).
const SensitivityRequest kOnlyY{.metrics = {"summary/y"}};

void expect_within(const Interval& i, double truth, double tolerance, const std::string& what) {
  EXPECT_NEAR(i.estimate, truth, tolerance) << what;
  EXPECT_LE(i.low, truth + 0.01) << what;  // the interval holds the truth (a hair of slack for the rounded truth)
  EXPECT_GE(i.high, truth - 0.01) << what;
}

TEST_F(ResultsSensitivityTest, SobolDesignRecoversTheIshigamiIndices) {
  const std::string path =
      run("function: ishigami\n", "base: base.yaml\ndesign: sobol\nsamples: 2048\n" + std::string(kRanges));
  const std::vector<SensitivityTable> tables = analyse_results(path, kOnlyY);
  ASSERT_EQ(tables.size(), 1u);
  const SensitivityTable& t = tables[0];
  EXPECT_EQ(t.factors, (std::vector<std::string>{"x1", "x2", "x3"}));
  const double first[] = {0.3139, 0.4424, 0.0}, total[] = {0.5576, 0.4424, 0.2437};
  for (std::size_t k = 0; k < 3; ++k) {
    expect_within(t.index[0][k], first[k], 0.05, "S1 of " + t.factors[k]);
    expect_within(t.index[1][k], total[k], 0.05, "ST of " + t.factors[k]);
  }
  EXPECT_TRUE(std::isnan(t.noise_share));
  EXPECT_NE(format_sensitivity(tables).find("not estimable with one replicate"), std::string::npos);
}

TEST_F(ResultsSensitivityTest, ReplicateNoiseIsSeparatedFromTheParameters) {
  // Replicates add −1, 0, +1 to a linear function of variance 14/12: each point's replicates vary with sample
  // variance 1, so noise alone would give a replicate mean of 3 the variance 1/3; the analysis must state that share
  // of the means' variance, and the indices of the means are still the function's (1, 4, 9) / 14.
  const std::string path = run("function: linear\nnoise: 1\n",
                               "base: base.yaml\nreplicates: 3\ndesign: sobol\nsamples: 1024\nranges:\n"
                               "  x1: {min: 0, max: 1}\n  x2: {min: 0, max: 1}\n  x3: {min: 0, max: 1}\n");
  const SensitivityTable t = analyse_results(path, kOnlyY).at(0);
  EXPECT_EQ(t.replicates, 3u);
  const double noise = (1.0 / 3.0) / (14.0 / 12.0);
  EXPECT_NEAR(t.noise_share, noise, 0.05);
  for (std::size_t k = 0; k < 3; ++k) {
    const double truth = (k + 1.0) * (k + 1.0) / 14.0;
    expect_within(t.index[0][k], truth, 0.05, "S1");
    expect_within(t.index[1][k], truth, 0.05, "ST");
  }
}

TEST_F(ResultsSensitivityTest, MorrisAndLhsDesignsRankTheLinearFactors) {
  const std::string ranges = "ranges:\n  x1: {min: 0, max: 1}\n  x2: {min: 0, max: 1}\n  x3: {min: 0, max: 1}\n";
  const SensitivityTable morris =
      analyse_results(run("function: linear\n", "base: base.yaml\ndesign: morris\ntrajectories: 20\n" + ranges), kOnlyY)
          .at(0);
  EXPECT_EQ(morris.columns.front(), "mu_star");
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_NEAR(morris.index[0][k].estimate, k + 1.0, 1e-9);  // μ* per unit of the range = the coefficient
    EXPECT_NEAR(morris.index[2][k].estimate, 0, 1e-9);        // σ: no interaction
  }
  const SensitivityTable lhs =
      analyse_results(run("function: linear\n", "base: base.yaml\ndesign: lhs\nsamples: 300\n" + ranges), kOnlyY).at(0);
  EXPECT_EQ(lhs.columns, (std::vector<std::string>{"SRRC", "PRCC"}));
  EXPECT_GT(lhs.index[1][2].estimate, lhs.index[1][1].estimate);
  EXPECT_GT(lhs.index[1][1].estimate, lhs.index[1][0].estimate);
  EXPECT_GT(lhs.index[1][0].estimate, 0.3);
}

TEST_F(ResultsSensitivityTest, RecordedTablesReadBackAndALaterAnalysisReplacesThem) {
  const std::string path =
      run("function: linear\n", "base: base.yaml\ndesign: lhs\nsamples: 40\n" + std::string(kRanges));
  const std::vector<double> outcomes_before = output::Hdf5Reader(path).double_rows("/summary/y", 0, 40);
  std::vector<SensitivityTable> tables = analyse_results(path, kOnlyY);
  record_sensitivity(path, tables, {}, output::file_stamp(path));
  {
    const output::Hdf5Reader f(path);
    EXPECT_EQ(f.strings("/sensitivity/summary/y/factors"), tables[0].factors);
    EXPECT_EQ(f.strings("/sensitivity/summary/y/indices"), (std::vector<std::string>{"SRRC", "PRCC"}));
    EXPECT_EQ(f.dims("/sensitivity/summary/y/estimate"), (std::vector<std::size_t>{2, 3}));
    const std::vector<double> estimate = f.double_rows("/sensitivity/summary/y/estimate", 0, 2);
    const std::vector<double> low = f.double_rows("/sensitivity/summary/y/low", 0, 2);
    for (std::size_t i = 0; i < 2; ++i) {
      for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(estimate[i * 3 + k], tables[0].index[i][k].estimate);
        EXPECT_EQ(low[i * 3 + k], tables[0].index[i][k].low);
      }
    }
    EXPECT_EQ(f.double_rows("/summary/y", 0, 40), outcomes_before);  // the outcomes are not touched
  }
  tables[0].index[0][0].estimate = 42;
  record_sensitivity(path, tables, {}, output::file_stamp(path));
  const output::Hdf5Reader f(path);
  EXPECT_EQ(f.double_rows("/sensitivity/summary/y/estimate", 0, 2).front(), 42);
  EXPECT_EQ(f.children("/sensitivity/summary"), (std::vector<std::string>{"y"}));
  // The updated file still analyses to the same numbers: the analysis reads the outcomes, not earlier analyses.
  EXPECT_EQ(analyse_results(path, kOnlyY).at(0).index[1][2].estimate, tables[0].index[1][2].estimate);
}

TEST_F(ResultsSensitivityTest, MetricsWithoutAValueOrWithoutVarianceAreSaidSo) {
  const std::string path =
      run("function: linear\n", "base: base.yaml\ndesign: lhs\nsamples: 40\n" + std::string(kRanges));
  const std::vector<SensitivityTable> every = analyse_results(path, {});  // every /summary metric, in name order
  ASSERT_EQ(every.size(), 3u);
  EXPECT_EQ(every[0].metric, "summary/flat");
  EXPECT_NE(every[0].skipped.find("the same at every design point"), std::string::npos) << every[0].skipped;
  EXPECT_EQ(every[1].metric, "summary/gap");
  EXPECT_NE(every[1].skipped.find("of 40 design points have no finite value"), std::string::npos) << every[1].skipped;
  EXPECT_TRUE(every[1].index.empty());
  EXPECT_TRUE(every[2].skipped.empty());
  const std::string text = format_sensitivity(every);
  EXPECT_NE(text.find("not analysed: "), std::string::npos) << text;
  EXPECT_NE(text.find("the same at every design point"), std::string::npos) << text;
  SensitivityRequest named;
  named.metrics = {"summary/gap"};
  EXPECT_THROW(analyse_results(path, named), std::invalid_argument);
  record_sensitivity(path, every, {}, output::file_stamp(path));
  const output::Hdf5Reader f(path);
  EXPECT_EQ(f.children("/sensitivity/summary/gap"), (std::vector<std::string>{"points"}));
  EXPECT_EQ(f.children("/sensitivity/summary/flat"), (std::vector<std::string>{"points"}));
  EXPECT_NE(f.string_attribute("/sensitivity/summary/flat", "skipped").value_or("").find("same at every"),
            std::string::npos);
  EXPECT_TRUE(f.exists("/sensitivity/summary/y/estimate"));
}

TEST_F(ResultsSensitivityTest, AnIndexPicksOneValueOfEachRunsArray) {
  const std::string path =
      run("function: linear\n", "base: base.yaml\ndesign: lhs\nsamples: 40\n" + std::string(kRanges));
  const SensitivityTable y = analyse_results(path, kOnlyY).at(0);
  for (const std::string metric : {"years/z[2]", "/years/z[-1]"}) {
    SensitivityRequest r;
    r.metrics = {metric};
    const SensitivityTable z = analyse_results(path, r).at(0);
    EXPECT_EQ(z.units, "yuan");
    // 3 y has the ranks of y: the same rank coefficients.
    for (std::size_t k = 0; k < 3; ++k) EXPECT_DOUBLE_EQ(z.index[1][k].estimate, y.index[1][k].estimate) << metric;
    EXPECT_NE(format_sensitivity({z}).find(" in yuan ("), std::string::npos);
    EXPECT_EQ(z.metric, "years/z[2]");  // one spelling, so a later analysis replaces this one
  }
  for (const std::string bad : {"years/z", "years/z[3]", "years/z[-4]", "years/z[x]", "years/z[1][0]", "summary/y[0]",
                                "years/z[]", "years/z[01]", "years/z[+1]", "years/z[ 1]", "years/z[-0]", "[1]",
                                "years/z[99999999999999999999999]", "years/z]"}) {
    SensitivityRequest r;
    r.metrics = {bad};
    EXPECT_THROW(analyse_results(path, r), std::invalid_argument) << bad;
  }
  DiscoveryRequest d;
  d.where = "years/z[0] > 3";
  EXPECT_NO_THROW(discover_results(path, d));
}

TEST_F(ResultsSensitivityTest, FindingsAreNotWrittenIntoAFileThatReplacedTheOneAnalysed) {
  const std::string experiment = "base: base.yaml\ndesign: lhs\nsamples: 20\n" + std::string(kRanges);
  const std::string path = run("function: linear\n", experiment);
  const output::FileStamp read = output::file_stamp(path);
  const std::vector<SensitivityTable> tables = analyse_results(path, kOnlyY);
  run("function: ishigami\n", experiment);  // another run commits under the same name meanwhile
  EXPECT_THROW(record_sensitivity(path, tables, {}, read), output::OutputError);
  EXPECT_FALSE(output::Hdf5Reader(path).exists("/sensitivity"));
}

TEST_F(ResultsSensitivityTest, RefusesWhatItCannotAnalyse) {
  const std::string path =
      run("function: linear\n", "base: base.yaml\ndesign: lhs\nsamples: 20\n" + std::string(kRanges));
  SensitivityRequest unknown_arm;
  unknown_arm.arm = "nope";
  EXPECT_THROW(analyse_results(path, unknown_arm), std::invalid_argument);
  SensitivityRequest bad_pair;
  bad_pair.paired = "base-other";
  EXPECT_THROW(analyse_results(path, bad_pair), std::invalid_argument);
  SensitivityRequest unknown_metric;
  unknown_metric.metrics = {"summary/nothing"};
  EXPECT_THROW(analyse_results(path, unknown_metric), std::invalid_argument);
  const std::string grid = run("function: linear\n", "base: base.yaml\n");
  EXPECT_THROW(analyse_results(grid, {}), std::invalid_argument);
}

TEST_F(ResultsSensitivityTest, DiscoveryFindsAPlantedBox) {
  const std::string path = run("function: box\n",
                               "base: base.yaml\ndesign: lhs\nsamples: 1500\nranges:\n"
                               "  x1: {min: 0, max: 1}\n  x2: {min: 0, max: 1}\n  x3: {min: 0, max: 1}\n");
  DiscoveryRequest request;
  request.where = "summary/y > 0.5";
  const Discovery d = discover_results(path, request);
  const PrimBox& box = d.result.trajectory[d.result.chosen];
  EXPECT_NEAR(box.limits[0].high, 0.3, 0.03);
  EXPECT_NEAR(box.limits[1].low, 0.6, 0.03);
  EXPECT_FALSE(box.limits[2].restricted);
  EXPECT_GE(box.density, 0.9);
  EXPECT_GE(box.coverage, 0.8);
  const std::string text = format_discovery(d);
  EXPECT_NE(text.find("<= x1 <="), std::string::npos) << text;
  EXPECT_NE(text.find("unrestricted: x3"), std::string::npos) << text;
  EXPECT_NE(text.find("keeps"), std::string::npos) << text;
  EXPECT_NE(text.find("without it"), std::string::npos) << text;
  record_discovery(path, d, request.options, output::file_stamp(path));
  {
    const output::Hdf5Reader f(path);
    EXPECT_EQ(f.strings("/discovery/box/factors"), (std::vector<std::string>{"x1", "x2", "x3"}));
    EXPECT_EQ(f.int64s("/discovery/box/restricted"), (std::vector<std::int64_t>{1, 1, 0}));
    EXPECT_EQ(f.double_rows("/discovery/box/high", 0, 3).at(0), box.limits[0].high);
    EXPECT_EQ(f.double_rows("/discovery/box/low", 0, 3).at(1), box.limits[1].low);
    EXPECT_EQ(f.dims("/discovery/trajectory/coverage"), (std::vector<std::size_t>{d.result.trajectory.size()}));
    EXPECT_EQ(f.int64s("/discovery/chosen"), (std::vector<std::int64_t>{static_cast<std::int64_t>(d.result.chosen)}));
  }
  request.where = "summary/y > 5";
  EXPECT_THROW(discover_results(path, request), std::invalid_argument);  // holds nowhere
}

TEST(ConditionTest, ParsesTheFourComparisonsAndRefusesTheRest) {
  EXPECT_TRUE(parse_condition("summary/m < 6").holds(5.9));
  EXPECT_FALSE(parse_condition("summary/m<6").holds(6));
  EXPECT_TRUE(parse_condition("summary/m <= 6").holds(6));
  EXPECT_TRUE(parse_condition("summary/m > -1e3").holds(0));
  EXPECT_FALSE(parse_condition("summary/m >= 2.5").holds(2.4));
  EXPECT_EQ(parse_condition(" summary/m >= 2.5 ").metric, "summary/m");
  for (const char* bad : {"summary/m", "< 6", "summary/m < six", "summary/m < 6 7", "summary/m < nan", "summary/m <"}) {
    EXPECT_THROW(parse_condition(bad), std::invalid_argument) << bad;
  }
}

}  // namespace
}  // namespace reformsim::analysis
