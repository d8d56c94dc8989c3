// `reformsim discover RESULTS.h5 --where "METRIC < X"`: under which combinations of the varied parameters a condition
// on an outcome holds (PRIM scenario discovery).
#include <cstdio>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/app/results_input.hpp"
#include "sim/analysis/analysis_record.hpp"
#include "sim/analysis/results_discovery.hpp"
#include "sim/output/file_stamp.hpp"

namespace reformsim::app {

namespace {

const char* kDiscoverHelp = R"(usage: reformsim discover RESULTS.h5 --where "METRIC OP NUMBER" [--arm A] [--threshold D]
                          [--peel-alpha A] [--paste-alpha A] [--min-mass M] [--no-write]

Scenario discovery (docs/experiments.md: Scenario discovery): each run of one arm (default: the reference arm) is a case at its
design point; the runs where the condition holds (OP one of < <= > >=, METRIC a per-run dataset such as
summary/months_of_reserve_end) are explained by a box of parameter values found by PRIM: peeling --peel-alpha
(default 0.05) of the box's runs at a time while the box keeps --min-mass (0.05) of all runs, choosing the box of
highest coverage whose density reaches --threshold (0.8), then pasting it wider while its density does not fall.
Prints the coverage/density trajectory and the chosen box's limits, and writes them into RESULTS.h5 under
/discovery (replacing an earlier discovery; the runs' outcomes are not touched) unless --no-write is given.
Exit codes: 0 ok; 2 bad input (not a results file, no design, a condition that holds in no run or in every run);
3 the results file cannot be updated (it is left as it was).
)";

double option_in(const CliArgs& cli, const std::string& name, double fallback) {
  const std::optional<double> v = cli.positive_real(name);
  return v.value_or(fallback);
}

}  // namespace

int discover_command(const std::vector<std::string>& args) {
  const CliArgs cli(args, {"--where", "--arm", "--threshold", "--peel-alpha", "--paste-alpha", "--min-mass"},
                    {"--help", "--no-write"}, {{"-h", "--help"}});
  if (cli.flag("--help")) {
    std::fputs(kDiscoverHelp, stdout);
    return kExitOk;
  }
  if (cli.positional().size() != 1) throw UsageError("expects exactly one results file");
  if (!cli.option("--where")) throw UsageError("needs --where \"METRIC < NUMBER\"");
  analysis::DiscoveryRequest request;
  request.where = *cli.option("--where");
  request.arm = cli.option("--arm");
  request.options.threshold = option_in(cli, "--threshold", request.options.threshold);
  request.options.peel_alpha = option_in(cli, "--peel-alpha", request.options.peel_alpha);
  request.options.paste_alpha = option_in(cli, "--paste-alpha", request.options.paste_alpha);
  request.options.min_mass = option_in(cli, "--min-mass", request.options.min_mass);
  // Taken before the file is read: the findings are written only into the file they were computed from.
  const output::FileStamp read = results_stamp(cli.positional()[0]);
  const analysis::Discovery found =
      analyse_results_input([&] { return analysis::discover_results(cli.positional()[0], request); });
  std::fputs(analysis::format_discovery(found).c_str(), stdout);
  if (!cli.flag("--no-write")) {
    std::fflush(stdout);
    analysis::record_discovery(cli.positional()[0], found, request.options, read);
    std::printf("written to %s under /discovery\n", cli.positional()[0].c_str());
  }
  return kExitOk;
}

}  // namespace reformsim::app
