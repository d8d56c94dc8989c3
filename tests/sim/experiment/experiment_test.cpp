// Experiment expansion order, override application, and the summary statistics of the printed table.
#include <gtest/gtest.h>

#include <unistd.h>
#include <functional>
#include <sstream>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "sim/config/key_path.hpp"
#include "sim/experiment/experiment_spec.hpp"
#include "sim/experiment/run_plan.hpp"
#include "sim/experiment/summary_table.hpp"

namespace reformsim::experiment {
namespace {

class ExperimentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("reformsim_exp_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "base.yaml") << "a: 1\nb: {c: 2}\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& text) {
    std::ofstream(dir_ / "exp.yaml") << text;
    return (dir_ / "exp.yaml").string();
  }
  std::filesystem::path dir_;
};

TEST_F(ExperimentTest, ExpandsGridThenArmThenReplicate) {
  config::ErrorList errors;
  const ExperimentSpec spec = load_experiment(
      write("base: base.yaml\nseed: 9\nreplicates: 2\narms:\n  - name: x\n  - name: y\n    set: {b.c: 5}\n"
            "vary:\n  a: [10, 20, 30]\n"),
      errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  const ExpandedExperiment e = expand(spec, errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  ASSERT_EQ(e.runs.size(), 12u);
  ASSERT_EQ(e.scenarios.size(), 6u);
  EXPECT_EQ(e.runs[0].arm, "x");
  EXPECT_EQ(e.runs[1].replicate, 1);
  EXPECT_EQ(e.runs[2].arm, "y");
  EXPECT_EQ(e.runs[4].point, 1u);
  EXPECT_EQ(e.runs[4].varied_values[0], "20");
  EXPECT_EQ(e.runs[11].run_id, 11u);
  for (const RunPlan& r : e.runs) EXPECT_EQ(r.seed, 9u);
  const config::Node& y30 = e.scenarios[e.runs[11].scenario_index];
  EXPECT_EQ(config::find_at_path(y30, "a")->text(), "30");
  EXPECT_EQ(config::find_at_path(y30, "b.c")->text(), "5");
  EXPECT_EQ(config::find_at_path(e.scenarios[0], "b.c")->text(), "2");
  EXPECT_EQ(spec.reference_arm, "x");
}

TEST_F(ExperimentTest, BadOverridePathIsReportedAtItsLine) {
  config::ErrorList errors;
  const ExperimentSpec spec =
      load_experiment(write("base: base.yaml\narms:\n  - name: x\n    set: {a.deeper: 5}\n"), errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  expand(spec, errors);
  EXPECT_NE(errors.to_string().find("exp.yaml:4"), std::string::npos) << errors.to_string();
}

TEST_F(ExperimentTest, AScenarioFileIsAOneArmExperiment) {
  config::ErrorList errors;
  const ExperimentSpec spec = load_experiment((dir_ / "base.yaml").string(), errors, 3, 77);
  ASSERT_TRUE(errors.empty());
  EXPECT_EQ(spec.arms.size(), 1u);
  EXPECT_EQ(spec.replicates, 3);
  EXPECT_EQ(spec.seed, 77u);
}

TEST(SummaryStatisticsTest, MeanAndStudentTInterval) {
  const MeanInterval m = mean_interval({1, 2, 3, 4, 5});
  EXPECT_DOUBLE_EQ(m.mean, 3.0);
  // sd = sqrt(2.5); t(0.975, 4) = 2.776445105
  EXPECT_NEAR(m.half_width, 2.776445105 * std::sqrt(2.5) / std::sqrt(5.0), 1e-6);
  EXPECT_EQ(m.n, 5u);
  const MeanInterval one = mean_interval({7, NAN});
  EXPECT_DOUBLE_EQ(one.mean, 7);
  EXPECT_TRUE(std::isnan(one.half_width));
  EXPECT_EQ(mean_interval({}).n, 0u);
}

// One run per arm and replicate of `spec`, each with the single metric value(arm, replicate).
std::vector<RunPlan> arm_runs(const ExperimentSpec& spec, std::vector<std::vector<double>>& values,
                              const std::function<double(std::size_t, int)>& value) {
  std::vector<RunPlan> runs;
  for (std::size_t a = 0; a < spec.arms.size(); ++a) {
    for (int r = 0; r < spec.replicates; ++r) {
      RunPlan p;
      p.run_id = runs.size();
      p.arm_index = a;
      p.arm = spec.arms[a].name;
      p.replicate = r;
      runs.push_back(p);
      values.push_back({value(a, r)});
    }
  }
  return runs;
}

TEST(SummaryTableTest, PairsByReplicate) {
  ExperimentSpec spec;
  spec.arms = {{"base", {}}, {"reform", {}}};
  spec.reference_arm = "base";
  spec.replicates = 3;
  std::vector<std::vector<double>> values;
  const double base[3] = {10, 20, 30};
  const std::vector<RunPlan> runs =
      arm_runs(spec, values, [&](std::size_t a, int r) { return base[r] + (a == 1 ? 1.0 : 0.0); });
  const std::string table = format_summary_table(spec, runs, {{"metric", 0}}, values);
  EXPECT_NE(table.find("reform − base (paired)"), std::string::npos) << table;
  // Every pair differs by exactly 1: the paired difference has no spread.
  EXPECT_NE(table.find("+1 ± 0"), std::string::npos) << table;
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

TEST(SummaryTableTest, ManyArmsWrapIntoBlocksOfAtMostOneHundredColumns) {
  ExperimentSpec spec;
  for (int a = 0; a < 6; ++a) spec.arms.push_back({"a_rather_long_arm_name_" + std::to_string(a), {}});
  spec.reference_arm = spec.arms[0].name;
  spec.replicates = 3;
  std::vector<std::vector<double>> values;
  const std::vector<RunPlan> runs = arm_runs(spec, values, [](std::size_t a, int r) { return a + r / 10.0; });
  const std::string table = format_summary_table(spec, runs, {{"a metric", 0, "yuan"}}, values);
  std::istringstream lines(table);
  std::size_t blocks = 0;
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(code_points(line), kTableWidth) << line;
    blocks += line.rfind("metric (", 0) == 0;
  }
  EXPECT_GT(blocks, 1u) << table;
  for (int a = 1; a < 6; ++a) {
    EXPECT_NE(table.find("a_rather_long_arm_name_" + std::to_string(a) + " − a_rather_long_arm_name_0 (paired)"),
              std::string::npos)
        << table;
  }
}

TEST(SummaryTableTest, OneArmHasNoPairedColumnAndOneReplicateNoInterval) {
  ExperimentSpec spec;
  spec.arms = {{"only", {}}};
  spec.reference_arm = "only";
  spec.replicates = 1;
  std::vector<std::vector<double>> values;
  const std::vector<RunPlan> runs = arm_runs(spec, values, [](std::size_t a, int r) { return a + r / 10.0; });
  const std::string table = format_summary_table(spec, runs, {{"share", 0, "fraction"}}, values);
  EXPECT_EQ(table.find("paired"), std::string::npos) << table;
  EXPECT_EQ(table.find("±"), std::string::npos) << table;
  EXPECT_NE(table.find("metric (one run per arm)"), std::string::npos) << table;
  EXPECT_NE(table.find("0%"), std::string::npos) << table;
}

}  // namespace
}  // namespace reformsim::experiment
