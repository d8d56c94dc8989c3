// Running experiments end to end: the output file, thread-count determinism, and no file on bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "cli_support.hpp"

namespace reformsim::testing {
namespace {

// A small two-arm experiment over a small city (fast enough for a test).
std::string small_experiment(const Scratch& s, int replicates = 3) {
  s.write("city.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") +
                           "\nhorizon_years: 2\npopulation:\n  insured: 6000\n");
  return s.write(
      "exp.yaml",
      "name: small\nbase: city.yaml\nseed: 11\nreplicates: " + std::to_string(replicates) +
          "\narms:\n  - name: ffs\n  - name: drg\n    set:\n      payment.switches: [{year: 2, method: drg}]\n"
          "vary:\n  fund.resident_premium_yuan: [350, 400]\n");
}

TEST(ExperimentRunTest, TheTableSaysWhereProviderBehaviourIsOff) {
  Scratch s;
  s.write("city.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") +
                           "\nhorizon_years: 2\nwarmup_years: 0\npopulation:\n  insured: 3000\n");
  const std::string exp = s.write("exp.yaml",
                                  "name: notes\nbase: city.yaml\narms:\n  - name: plain\n  - name: gaming\n    set:\n"
                                  "      behaviour.propensity.upcoding_main_diagnosis: 0.1\n");
  const CommandResult r = reformsim("run " + exp + " -o " + s.path("out.h5") + " --quiet", s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");  // --quiet prints no table, so no note
  const CommandResult loud = reformsim("run " + exp + " -o " + s.path("loud.h5"), s);
  ASSERT_EQ(loud.exit_code, 0) << loud.err;
  EXPECT_NE(loud.out.find("note: provider behaviour is off in arm plain:"), std::string::npos) << loud.out;
  EXPECT_EQ(loud.out.find("gaming:"), std::string::npos) << loud.out;
}

TEST(ExperimentRunTest, WritesACompleteFileAndATable) {
  Scratch s;
  const std::string exp = small_experiment(s);
  const CommandResult r = reformsim("run " + exp + " -o " + s.path("out.h5") + " --threads 2", s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(s.path("out.h5")));
  EXPECT_FALSE(std::filesystem::exists(s.path("out.h5.partial")));
  EXPECT_NE(r.out.find("drg − ffs (paired)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("fund.resident_premium_yuan=400"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("runs 12/12 done"), std::string::npos) << r.err;
  if (!have_h5py()) GTEST_SKIP() << "Debian's python3-h5py is not installed";
  const CommandResult check = run_shell(
      "/usr/bin/python3 " + source_path("tests/integration/check_output.py") + " " + s.path("out.h5") + " 12 24", s);
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  if (std::system("/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1") != 0) GTEST_SKIP() << "no python3-pandas";
  // The analysis package's own command prints the same comparison from the file.
  const CommandResult analysis = run_shell(
      "PYTHONPATH=" + source_path("analysis") + " /usr/bin/python3 -m reformsim table " + s.path("out.h5"), s);
  EXPECT_EQ(analysis.exit_code, 0) << analysis.err;
  EXPECT_NE(analysis.out.find("drg − ffs"), std::string::npos) << analysis.out;
  EXPECT_NE(analysis.out.find("fund balance at end (yuan)"), std::string::npos) << analysis.out;
}

TEST(ExperimentRunTest, ASampledDesignStoresNumbersAndItsPoints) {
  Scratch s;
  s.write("city.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") +
                           "\nhorizon_years: 1\npopulation:\n  insured: 3000\n");
  const std::string exp = s.write("exp.yaml", R"(base: city.yaml
design: sobol
samples: 2
ranges:
  fund.wage_growth: {min: 0, max: 0.06}
  fund.resident_premium_yuan: {min: 300, max: 500}
vary:
  payment.method: [ffs, drg]
)");
  const CommandResult v = reformsim("validate " + exp, s);
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_NE(v.out.find("ok (10 runs; sobol design: N = 2 base samples × (D + 2) = 5 → 10 points of 3 factors"),
            std::string::npos)
      << v.out;
  const CommandResult d = reformsim("design " + exp + " -o " + s.path("points.csv"), s);
  ASSERT_EQ(d.exit_code, 0) << d.err;
  std::ifstream in(s.path("points.csv"));
  const std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "fund.wage_growth,fund.resident_premium_yuan,payment.method");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 11);
  EXPECT_NE(d.err.find("10 points of 3 factors"), std::string::npos) << d.err;
  EXPECT_NE(reformsim("design " + exp + " -o " + exp, s).exit_code, 0);
  const CommandResult r = reformsim("run " + exp + " -o " + s.path("out.h5"), s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("sobol design: 10 points pooled"), std::string::npos) << r.out;
  const CommandResult sens =
      reformsim("sensitivity " + s.path("out.h5") + " --metric summary/months_of_reserve_end --resamples 50", s);
  EXPECT_EQ(sens.exit_code, 0) << sens.err;
  EXPECT_NE(sens.out.find("summary/months_of_reserve_end in months (arm base; 10 points × 1 replicate)"),
            std::string::npos)
      << sens.out;
  EXPECT_NE(sens.out.find("fund.resident_premium_yuan"), std::string::npos) << sens.out;
  EXPECT_EQ(reformsim("sensitivity " + s.path("out.h5") + " --paired a-b", s).exit_code, 2);
  EXPECT_EQ(reformsim("sensitivity " + s.path("out.h5") + " --metric monthly/admissions", s).exit_code, 2);
  EXPECT_EQ(reformsim("sensitivity " + exp, s).exit_code, 2);
  const CommandResult everywhere =
      reformsim("discover " + s.path("out.h5") + " --where 'summary/months_of_reserve_end > -1'", s);
  EXPECT_EQ(everywhere.exit_code, 2);
  EXPECT_NE(everywhere.err.find("holds in every run of arm base"), std::string::npos) << everywhere.err;
  EXPECT_EQ(reformsim("discover " + s.path("out.h5") + " --where 'summary/months_of_reserve_end ~ 1'", s).exit_code, 2);
  EXPECT_EQ(reformsim("discover " + s.path("out.h5"), s).exit_code, 2);
  // The written points run again as a design file: the same parameter values, point by point.
  const std::string again = s.write("again.yaml", "base: city.yaml\ndesign: file\ndesign_file: points.csv\n");
  ASSERT_EQ(reformsim("run " + again + " -o " + s.path("again.h5") + " --quiet", s).exit_code, 0);
  s.write("bad_points.csv", "fund.wage_growth\n0.01\n7\n");
  const CommandResult bad =
      reformsim("validate " + s.write("bad.yaml", "base: city.yaml\ndesign: file\ndesign_file: bad_points.csv\n"), s);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad_points.csv:3"), std::string::npos) << bad.err;
  if (!have_h5py()) GTEST_SKIP() << "Debian's python3-h5py is not installed";
  const CommandResult same = run_shell(
      "/usr/bin/python3 -c \"import h5py\n"
      "a = h5py.File('" +
          s.path("out.h5") +
          "')['runs/param']\n"
          "b = h5py.File('" +
          s.path("again.h5") +
          "')['runs/param']\n"
          "for k in a: assert (a[k][:] == b[k][:]).all(), k\n\"",
      s);
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  const CommandResult check = run_shell(
      "/usr/bin/python3 -c \"import h5py, numpy as np\n"
      "f = h5py.File('" +
          s.path("out.h5") +
          "')\n"
          "w = f['runs/param/fund.wage_growth']\n"
          "assert w.dtype == np.float64 and w.shape == (10,), w\n"
          "assert (w[:] >= 0).all() and (w[:] <= 0.06).all()\n"
          "assert f['runs/param/payment.method'].dtype.kind == 'O'\n"
          "assert f['design/values'].shape == (10, 3)\n"
          "assert f['design/unit'].shape == (10, 3)\n"
          "assert list(f['design/categories/payment.method'].asstr()[:]) == ['ffs', 'drg']\n"
          "assert f['meta/design'].asstr()[0] == 'sobol'\n"
          "assert f['meta/design_points'][0] == 10\n"
          "pt = f['runs/point'][:]\n"
          "assert (w[:] == f['design/values'][:, 0][pt]).all()\n\"",
      s);
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

TEST(ExperimentRunTest, ARangeOutsideTheDeclaredBoundsIsRefused) {
  Scratch s;
  s.write("city.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") + "\nhorizon_years: 1\n");
  const std::string exp =
      s.write("exp.yaml",
              "base: city.yaml\ndesign: lhs\nsamples: 4\nranges:\n"
              "  fund.wage_growth: {min: -5, max: 0.1}\n  population.insured: {min: 1000, max: 2000}\n"
              "  payment.method: {min: 0, max: 1}\n");
  const CommandResult v = reformsim("validate " + exp, s);
  EXPECT_NE(v.exit_code, 0);
  EXPECT_NE(v.err.find("exp.yaml:5"), std::string::npos) << v.err;
  EXPECT_NE(v.err.find("ranges.fund.wage_growth.min: must be"), std::string::npos) << v.err;
  EXPECT_NE(v.err.find("ranges.population.insured: 'population.insured' is an integer: add `integer: true`"),
            std::string::npos)
      << v.err;
  EXPECT_NE(v.err.find("not a number: list its values under vary"), std::string::npos) << v.err;
  const CommandResult r = reformsim("run " + exp + " -o " + s.path("out.h5") + " --quiet", s);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(s.path("out.h5")));
}

TEST(ExperimentRunTest, IdenticalResultsForOneAndTwoThreads) {
  if (!have_h5py()) GTEST_SKIP() << "Debian's python3-h5py is not installed";
  Scratch s;
  const std::string exp = small_experiment(s, 2);
  ASSERT_EQ(reformsim("run " + exp + " -o " + s.path("one.h5") + " --threads 1 --quiet", s).exit_code, 0);
  ASSERT_EQ(reformsim("run " + exp + " -o " + s.path("two.h5") + " --threads 2 --quiet", s).exit_code, 0);
  const CommandResult cmp = run_shell("/usr/bin/python3 " + source_path("tests/integration/compare_h5.py") + " " +
                                          s.path("one.h5") + " " + s.path("two.h5"),
                                      s);
  EXPECT_EQ(cmp.exit_code, 0) << cmp.out << cmp.err;
}

TEST(ExperimentRunTest, AScenarioFileRunsAsOneArm) {
  Scratch s;
  const std::string city = s.write("city.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") +
                                                    "\nhorizon_years: 1\npopulation:\n  insured: 3000\n");
  const CommandResult r = reformsim("run " + city + " -o " + s.path("one.h5") + " --replicates 2 --seed 5", s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 arms × 2 replicates"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::exists(s.path("one.h5")));
}

TEST(ExperimentRunTest, CommandLineReplicatesAndSeedOverrideTheExperiment) {
  Scratch s;
  const std::string exp = small_experiment(s, 3);
  const CommandResult r = reformsim("run " + exp + " -o " + s.path("out.h5") + " --replicates 1 --seed 5", s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 arms × 1 replicates"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("runs 4/4 done"), std::string::npos) << r.err;
  if (!have_h5py()) GTEST_SKIP() << "Debian's python3-h5py is not installed";
  const CommandResult seeds = run_shell(
      "/usr/bin/python3 -c 'import h5py,sys; print(sorted(set(h5py.File(sys.argv[1])[\"runs/seed\"][()])))' " +
          s.path("out.h5"),
      s);
  EXPECT_EQ(seeds.out, "[5]\n") << seeds.err;
}

TEST(ExperimentRunTest, CommandLineSamplesResizeASampledDesignOnly) {
  Scratch s;
  s.write("city.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") +
                           "\nhorizon_years: 1\npopulation:\n  insured: 2000\n");
  const std::string ranges = "ranges:\n  fund.wage_growth: {min: 0, max: 0.06}\n";
  const std::string sobol = s.write("sobol.yaml", "base: city.yaml\ndesign: sobol\nsamples: 64\n" + ranges);
  const CommandResult r = reformsim("run " + sobol + " -o " + s.path("small.h5") + " --samples 2 --threads 1", s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("runs 6/6 done"), std::string::npos) << r.err;  // 2 × (1 + 2) points
  const CommandResult d = reformsim("design " + sobol + " --samples 3", s);
  EXPECT_EQ(d.exit_code, 0) << d.err;
  EXPECT_NE(d.err.find("N = 3 base samples"), std::string::npos) << d.err;
  const std::string morris = s.write("morris.yaml", "base: city.yaml\ndesign: morris\ntrajectories: 10\n" + ranges);
  const CommandResult m = reformsim("design " + morris + " --samples 2", s);
  EXPECT_EQ(m.exit_code, 0) << m.err;
  EXPECT_NE(m.err.find("2 trajectories × (D + 1) = 2"), std::string::npos) << m.err;
  for (const auto& [file, says] : std::vector<std::pair<std::string, std::string>>{
           {s.write("grid.yaml", "base: city.yaml\nvary:\n  fund.wage_growth: [0, 0.02]\n"),
            "this experiment's design is grid"},
           {sobol + " --samples 1", "at least 2 base samples"},
           {morris + " --samples 1", "at least 2 trajectories"}}) {
    const std::string file_and_options = file.find(' ') == std::string::npos ? file + " --samples 2" : file;
    const CommandResult bad = reformsim("run " + file_and_options + " -o " + s.path("bad.h5"), s);
    EXPECT_EQ(bad.exit_code, 2) << file_and_options;
    EXPECT_NE(bad.err.find(says), std::string::npos) << bad.err;
    EXPECT_FALSE(std::filesystem::exists(s.path("bad.h5")));
  }
}

TEST(ExperimentRunTest, BadInputCreatesNoFile) {
  Scratch s;
  s.write("city.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") + "\nhorizon_years: 1\n");
  const std::string exp =
      s.write("exp.yaml", "base: city.yaml\narms:\n  - name: a\n    set:\n      payment.drg.base_rate_yuan: -1\n");
  const CommandResult r = reformsim("run " + exp + " -o " + s.path("out.h5"), s);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("exp.yaml:5"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("payment.drg.base_rate_yuan"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(s.path("out.h5")));
  EXPECT_FALSE(std::filesystem::exists(s.path("out.h5.partial")));
}

// Every .yaml file of tests/integration/bad_inputs/ is a case: `reformsim validate FILE` (or the command of its
// "# run:" line, with {file}, {dir} and {source} replaced by the file, its folder and the source tree) must exit
// with 2 (or the code of an "# exit:" line) within a time limit, print every message of its "# expect:" lines and
// none of its "# reject:" lines. A crash, a hang or a silent acceptance fails the case.
TEST(ExperimentRunTest, BadInputCorpus) {
  Scratch s;
  int files = 0;
  const std::string dir = source_path("tests/integration/bad_inputs");
  auto replace_all = [](std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
    return text;
  };
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    const std::string file = entry.path().string();
    const std::string text = slurp(file);
    std::string args = "validate {file}";
    int expected_exit = 2;
    std::vector<std::string> expected, rejected;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
      auto tagged = [&line](const std::string& tag) { return line.rfind(tag, 0) == 0; };
      if (tagged("# expect: ")) expected.push_back(line.substr(10));
      if (tagged("# reject: ")) rejected.push_back(line.substr(10));
      if (tagged("# run: ")) args = line.substr(7);
      if (tagged("# exit: ")) expected_exit = std::stoi(line.substr(8));
    }
    args = replace_all(replace_all(replace_all(args, "{file}", file), "{dir}", dir), "{source}", source_path(""));
    // timeout(1) exits 124 on a hang; a crash shows as a signal (exit code -1 here).
    const CommandResult r = run_shell("timeout 60 " + std::string(REFORMSIM_BINARY) + " " + args, s);
    EXPECT_EQ(r.exit_code, expected_exit) << file << "\n" << r.out << r.err;
    for (const std::string& e : expected)
      EXPECT_NE(r.err.find(e), std::string::npos) << file << " should say: " << e << "\n" << r.err;
    for (const std::string& e : rejected)
      EXPECT_EQ(r.err.find(e), std::string::npos) << file << " should not say: " << e << "\n" << r.err;
  }
  EXPECT_GE(files, 8);
}

}  // namespace
}  // namespace reformsim::testing
