// `reformsim schema`: the JSON Schema (or Markdown parameter table) derived from the declarations.
#include <cstdio>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/scenario/scenario_declarations.hpp"
#include "sim/config/json_schema.hpp"
#include "sim/config/markdown.hpp"
#include "sim/experiment/experiment_spec.hpp"
#include "sim/fit/fit_spec.hpp"

namespace reformsim::app {

int schema_command(const std::vector<std::string>& args) {
  const CliArgs cli(args, {}, {"--help", "--markdown"}, {{"-h", "--help"}});
  if (cli.flag("--help")) {
    std::fputs(
        "usage: reformsim schema [scenario|experiment|fit] [--markdown]\n\nPrints the JSON Schema (draft 2020-12)"
        " of the scenario (default), experiment or fit format, or with --markdown the parameter table.\n",
        stdout);
    return kExitOk;
  }
  if (cli.positional().size() > 1) throw UsageError("expects at most one of: scenario, experiment, fit");
  const std::string which = cli.positional().empty() ? "scenario" : cli.positional()[0];
  config::SpecPtr spec;
  if (which == "scenario") {
    spec = agents::scenario_spec();
  } else if (which == "experiment") {
    spec = experiment::experiment_spec_declaration();
  } else if (which == "fit") {
    spec = fit::fit_spec_declaration();
  } else {
    throw UsageError("unknown format '" + which + "' (scenario, experiment or fit)");
  }
  // Experiments and fit files name scenario keys by key path (arms' `set`, `vary`, `parameters`).
  const config::SpecPtr scenario = agents::scenario_spec();
  const config::KeyPathFormat key_paths{"scenario", which == "scenario" ? nullptr : scenario.get()};
  const std::string text = cli.flag("--markdown") ? config::to_markdown_table(*spec)
                                                  : config::to_json_schema(*spec, "reformsim " + which, key_paths);
  std::fputs(text.c_str(), stdout);
  if (!text.empty() && text.back() != '\n') std::fputc('\n', stdout);
  return kExitOk;
}

}  // namespace reformsim::app
