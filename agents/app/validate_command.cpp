// `reformsim validate FILE...`: full validation (every arm and grid point) without running.
#include <algorithm>
#include <cstdio>
#include <memory>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/model/reform_model.hpp"
#include "agents/scenario/scenario_declarations.hpp"
#include "sim/config/yaml_loader.hpp"
#include "sim/experiment/experiment_spec.hpp"
#include "sim/fit/fit_search.hpp"

namespace reformsim::app {

namespace {

bool is_fit_file(const std::string& file, config::ErrorList& errors) {
  return fit::is_fit(config::load_yaml_file(file, errors));
}

int validate_fit(const std::string& file) {
  config::ErrorList errors;
  fit::FitSpec spec = fit::load_fit(file, errors);
  spec.experiment.scenario_defaults = agents::scenario_defaults();
  if (errors.empty()) {
    fit::check_fit(
        spec, [] { return std::make_unique<agents::ReformModel>(); }, errors);
  }
  if (!errors.empty()) {
    std::fputs(errors.to_string().c_str(), stderr);
    std::fprintf(stderr, "%s: %zu error%s\n", file.c_str(), errors.size(), errors.size() == 1 ? "" : "s");
    return kExitBadInput;
  }
  const std::size_t runs = spec.experiment.arms.size() * static_cast<std::size_t>(spec.experiment.replicates);
  std::printf("%s: ok (fit: %zu parameters, %zu targets; up to %d trials × %zu runs)\n", file.c_str(),
              spec.parameters.size(), spec.targets.size(), spec.parameters.empty() ? 1 : spec.search.max_trials, runs);
  return kExitOk;
}

}  // namespace

int validate_command(const std::vector<std::string>& args) {
  const CliArgs cli(args, {}, {"--help"}, {{"-h", "--help"}});
  if (cli.flag("--help") || cli.positional().empty()) {
    std::fputs(
        "usage: reformsim validate FILE...\n\nChecks scenario, experiment and fit files (every key, type and range,"
        " the cross-field rules, the catalogue, every arm and grid point) without running them.\n"
        "Prints 'FILE: ok' or every error as file:line:column: key.path: message. Exit 2 if any file is bad.\n",
        cli.flag("--help") ? stdout : stderr);
    return cli.flag("--help") ? kExitOk : kExitBadInput;
  }
  int status = kExitOk;
  for (const std::string& file : cli.positional()) {
    config::ErrorList errors;
    if (is_fit_file(file, errors)) {
      status = std::max(status, validate_fit(file));
      continue;
    }
    errors = {};
    experiment::ExperimentSpec spec = experiment::load_experiment(file, errors);
    spec.scenario_defaults = agents::scenario_defaults();
    spec.scenario_spec = agents::scenario_spec();
    experiment::ExpandedExperiment expanded;
    agents::ReformModel model;
    if (errors.empty()) expanded = experiment::expand(spec, errors);
    if (errors.empty()) model.prepare(expanded, errors);
    if (errors.empty()) {
      std::printf("%s: ok (%zu runs; %s)\n", file.c_str(), expanded.runs.size(),
                  experiment::describe_design(spec, expanded).c_str());
    } else {
      std::fputs(errors.to_string().c_str(), stderr);
      std::fprintf(stderr, "%s: %zu error%s\n", file.c_str(), errors.size(), errors.size() == 1 ? "" : "s");
      status = kExitBadInput;
    }
  }
  return status;
}

}  // namespace reformsim::app
