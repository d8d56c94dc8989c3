// `reformsim design EXPERIMENT [-o POINTS.csv]`: the experiment's design points as CSV, one column per varied key
// path, so that the points can be inspected, plotted or handed to another tool.
#include <cstdio>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/app/prepared_experiment.hpp"
#include "agents/app/text_output.hpp"
#include "sim/experiment/design.hpp"

namespace reformsim::app {

namespace {

const char* kDesignHelp = R"(usage: reformsim design EXPERIMENT [-o POINTS.csv] [--samples N]

Expands the experiment's design (grid, lhs, sobol or morris; docs/experiments.md: Research designs) and writes its points as CSV
(-o, default stdout): a header of the varied key paths, then one row per design point in point order, each value as
it is applied to the scenarios. Every scenario is validated first, as `run` would. --samples N resizes a sampled
design as `run --samples N` does.
Prints the design's size on stderr. Exit codes as for `run` (2: bad input).
)";

}  // namespace

int design_command(const std::vector<std::string>& args) {
  const CliArgs cli(args, {"--output", "--samples"}, {"--help"}, {{"-o", "--output"}, {"-h", "--help"}});
  if (cli.flag("--help")) {
    std::fputs(kDesignHelp, stdout);
    return kExitOk;
  }
  if (cli.positional().size() != 1) throw UsageError("expects exactly one experiment file");
  const std::string& file = cli.positional()[0];
  config::ErrorList errors;
  ExperimentOverrides overrides;
  if (cli.option("--samples")) overrides.samples = static_cast<std::size_t>(cli.integer("--samples", 1, 1, 1'000'000));
  const PreparedExperiment p = prepare_experiment(file, overrides, errors);
  if (!errors.empty()) {
    std::fputs(errors.to_string().c_str(), stderr);
    std::fprintf(stderr, "%s: %zu error%s\n", file.c_str(), errors.size(), errors.size() == 1 ? "" : "s");
    return kExitBadInput;
  }
  if (const auto out = cli.option("--output")) {
    refuse_input_as_output(*out);
    create_parent_directories(*out);
  }
  write_text_outputs({{cli.option("--output"), experiment::design_csv(p.expanded.design)}});
  std::fprintf(stderr, "%s: %s\n", file.c_str(), experiment::describe_design(p.spec, p.expanded).c_str());
  return kExitOk;
}

}  // namespace reformsim::app
