// `reformsim sensitivity RESULTS.h5`: which varied parameters drive each per-run outcome of an experiment with a
// sampled (or grid) design, with bootstrap confidence intervals and the share of replicate noise.
#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/app/results_input.hpp"
#include "sim/analysis/analysis_record.hpp"
#include "sim/analysis/results_sensitivity.hpp"
#include "sim/output/file_stamp.hpp"

namespace reformsim::app {

namespace {

const char* kSensitivityHelp =
    R"(usage: reformsim sensitivity RESULTS.h5 [--metric PATH[,PATH...]] [--arm A | --paired A-B]
                             [--resamples N] [--seed S] [--no-write]

Sensitivity indices of per-run metrics (default: every /summary metric) over the experiment's design points
(docs/experiments.md: Sensitivity analysis). Each point's outcome is the mean over its replicates, in one arm (--arm, default
the reference arm) or of the paired difference A − B replicate by replicate (--paired). The estimator follows the
design: sobol → first-order and total Sobol' indices; morris → mu*, mu, sigma; lhs and grid → SRRC and PRCC.
Intervals are 95% percentile bootstrap intervals over --resamples resamples (default 1000) of the design's base
samples, trajectories or points, seeded by --seed (default 1). The share of the outcome's variance that replicate
noise alone would give is printed with each table. The tables are also written into RESULTS.h5 under
/sensitivity/<metric> (replacing an earlier analysis of that metric; the runs' outcomes are not touched) unless
--no-write is given.
Exit codes: 0 ok; 2 bad input (not a results file, no design, unknown arm or metric, failed runs); 3 the results
file cannot be updated (it is left as it was).
)";

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    if (part.empty()) throw UsageError("--metric has an empty name");
    out.push_back(part);
  }
  return out;
}

}  // namespace

int sensitivity_command(const std::vector<std::string>& args) {
  const CliArgs cli(args, {"--metric", "--arm", "--paired", "--resamples", "--seed"}, {"--help", "--no-write"},
                    {{"-h", "--help"}});
  if (cli.flag("--help")) {
    std::fputs(kSensitivityHelp, stdout);
    return kExitOk;
  }
  if (cli.positional().size() != 1) throw UsageError("expects exactly one results file");
  if (cli.option("--arm") && cli.option("--paired")) throw UsageError("give --arm or --paired, not both");
  analysis::SensitivityRequest request;
  if (const auto m = cli.option("--metric")) request.metrics = split_commas(*m);
  request.arm = cli.option("--arm");
  request.paired = cli.option("--paired");
  request.bootstrap.resamples = static_cast<std::size_t>(cli.integer("--resamples", 1000, 0, 1'000'000));
  request.bootstrap.seed = static_cast<std::uint64_t>(cli.integer("--seed", 1, 0, 9'000'000'000'000'000));
  // Taken before the file is read: the findings are written only into the file they were computed from.
  const output::FileStamp read = results_stamp(cli.positional()[0]);
  const auto tables = analyse_results_input([&] { return analysis::analyse_results(cli.positional()[0], request); });
  std::fputs(analysis::format_sensitivity(tables).c_str(), stdout);
  if (!cli.flag("--no-write")) {
    std::fflush(stdout);
    analysis::record_sensitivity(cli.positional()[0], tables, request.bootstrap, read);
    std::printf("written to %s under /sensitivity\n", cli.positional()[0].c_str());
  }
  return kExitOk;
}

}  // namespace reformsim::app
