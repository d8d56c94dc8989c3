// `reformsim validate FILE...`: full validation (every arm and grid point) without running.
#include <cstdio>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/model/reform_model.hpp"
#include "sim/experiment/experiment_spec.hpp"

namespace reformsim::app {

int validate_command(const std::vector<std::string>& args) {
  const CliArgs cli(args, {}, {"--help"}, {{"-h", "--help"}});
  if (cli.flag("--help") || cli.positional().empty()) {
    std::fputs(
        "usage: reformsim validate FILE...\n\nChecks scenario and experiment files (every key, type and range,"
        " the cross-field rules, the catalogue, every arm and grid point) without running them.\n"
        "Prints 'FILE: ok' or every error as file:line:column: key.path: message. Exit 2 if any file is bad.\n",
        cli.flag("--help") ? stdout : stderr);
    return cli.flag("--help") ? kExitOk : kExitBadInput;
  }
  int status = kExitOk;
  for (const std::string& file : cli.positional()) {
    config::ErrorList errors;
    experiment::ExperimentSpec spec = experiment::load_experiment(file, errors);
    experiment::ExpandedExperiment expanded;
    agents::ReformModel model;
    if (errors.empty()) expanded = experiment::expand(spec, errors);
    if (errors.empty()) model.prepare(expanded, errors);
    if (errors.empty()) {
      std::printf("%s: ok (%zu runs)\n", file.c_str(), expanded.runs.size());
    } else {
      std::fputs(errors.to_string().c_str(), stderr);
      std::fprintf(stderr, "%s: %zu error%s\n", file.c_str(), errors.size(), errors.size() == 1 ? "" : "s");
      status = kExitBadInput;
    }
  }
  return status;
}

}  // namespace reformsim::app
