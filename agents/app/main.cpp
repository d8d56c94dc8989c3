// reformsim: agent-based, discrete-event simulator of health-insurance payment reform.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/payment/payment_registry.hpp"
#include "sim/config/errors.hpp"
#include "sim/experiment/results_file.hpp"
#include "sim/output/output_error.hpp"

namespace {

const char* kUsage = R"(usage: reformsim COMMAND [ARGS]

Simulates health-insurance payment reform (payment methods, global budgets, provider behaviour, supervision,
procurement, primary care) in a synthetic city and writes the outcomes to HDF5.

commands:
  run FILE [-o OUT.h5] [--threads N]   run a scenario or an experiment (see `reformsim run --help`; also under
                                       mpirun, in slices with --runs/--shard, and --resume after a crash)
  merge OUT.h5 PART.h5...              join the slices of an experiment into one results file
  validate FILE...                     check scenario/experiment files without running them
  design EXPERIMENT [-o POINTS.csv]    write the experiment's design points (one column per varied key path)
  sensitivity RESULTS.h5 [--metric M] [--arm A | --paired A-B]
                                       which varied parameters drive each outcome (Sobol', Morris, PRCC)
  discover RESULTS.h5 --where "METRIC < X"
                                       the parameter ranges where a condition on an outcome holds (PRIM)
  schema [scenario|experiment|fit] [--markdown]
                                       print the JSON Schema (or the parameter table) of the file formats
  settle SCENARIO --cases IN.csv [-o OUT.csv]
                                       settle given inpatient cases under a scenario's payment rules
  audit SCENARIO --claims IN.csv [-o OUT.csv]
                                       fund loss of submitted claims against their corrections
  calibrate SCENARIO [-o CATALOGUE.csv] [--dip-out DIP.csv]
                                       derive DRG weights, DIP scores, base rate and point value from a
                                       simulated fee-for-service base period
  fit FILE [-o OUT.h5] [--best BEST.yaml]
                                       calibrate scenario keys to target moments (see reformsim fit --help)
  report RESULTS.h5 [-o REPORT.html]   write a self-contained HTML report with plots of a results file

options: --help (also after a command), --version
exit codes: 0 ok; 1 a run failed (the message says which run, when and during what: a bug to report);
            2 bad input (a scenario, experiment, data file or the command line; every problem is listed);
            3 an output could not be written (disk, permissions, path, standard output); no file under the output
              name is left behind
)";

std::string usage() {
  std::string methods;
  for (const std::string& name : reformsim::agents::payment_method_names())
    methods += (methods.empty() ? "" : ", ") + name;
  return kUsage + std::string("\npayment methods: ") + methods + " (see reformsim settle --help)\n";
}

int dispatch(const std::vector<std::string>& args, const std::string& command_line) {
  using namespace reformsim::app;
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(usage().c_str(), args.empty() ? stderr : stdout);
    return args.empty() ? kExitBadInput : kExitOk;
  }
  if (args[0] == "--version") {
    std::printf("reformsim %s (%s)\n", reformsim::experiment::tool_version().c_str(),
                reformsim::experiment::git_revision().c_str());
    return kExitOk;
  }
  const std::string command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (command == "run") return run_command(rest, command_line);
    if (command == "merge") return merge_command(rest, command_line);
    if (command == "validate") return validate_command(rest);
    if (command == "design") return design_command(rest);
    if (command == "sensitivity") return sensitivity_command(rest);
    if (command == "discover") return discover_command(rest);
    if (command == "schema") return schema_command(rest);
    if (command == "settle") return settle_command(rest);
    if (command == "calibrate") return calibrate_command(rest);
    if (command == "audit") return audit_command(rest);
    if (command == "fit") return fit_command(rest, command_line);
    if (command == "report") return report_command(rest);
    std::fprintf(stderr, "reformsim: unknown command '%s'\n\n%s", command.c_str(), usage().c_str());
    return kExitBadInput;
  } catch (const UsageError& e) {
    std::fprintf(stderr, "reformsim %s: %s (see reformsim %s --help)\n", command.c_str(), e.what(), command.c_str());
    return kExitBadInput;
  } catch (const reformsim::config::ConfigException& e) {
    std::fprintf(stderr, "%s", e.errors().to_string().c_str());
    return kExitBadInput;
  } catch (const reformsim::output::OutputError& e) {
    std::fprintf(stderr, "reformsim %s: cannot write the output: %s\n", command.c_str(), e.what());
    return kExitOutputFailure;
  } catch (const InputError& e) {
    std::fprintf(stderr, "reformsim %s: %s\n", command.c_str(), e.what());
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "reformsim %s: error: %s\n", command.c_str(), e.what());
    return kExitFailure;
  }
}

// The standard output is buffered: a write that failed (e.g. redirected to a full disk) shows only when it is
// flushed. A command that succeeded but whose output was lost must not exit 0.
int with_output_flushed(int code, const std::string& command) {
  const bool flushed = std::fflush(stdout) == 0;
  const int error = errno;
  if (flushed && !std::ferror(stdout)) return code;
  std::fprintf(stderr, "reformsim%s%s: cannot write the standard output: %s\n", command.empty() ? "" : " ",
               command.c_str(), flushed ? "a write failed" : std::strerror(error));
  return code == reformsim::app::kExitOk ? reformsim::app::kExitOutputFailure : code;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line.append(i ? " " : "").append(argv[i]);
  const int code = dispatch(args, command_line);
  return with_output_flushed(code, args.empty() ? "" : args[0]);
}
