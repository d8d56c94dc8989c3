// `reformsim fit FILE`: calibrate scenario keys to target moments (docs/calibration.md: Calibration to targets).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <system_error>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/app/text_output.hpp"
#include "agents/model/reform_model.hpp"
#include "agents/scenario/scenario_declarations.hpp"
#include "sim/fit/fit_output.hpp"
#include "sim/fit/fit_search.hpp"
#include "sim/output/output_error.hpp"

namespace reformsim::app {

namespace {

const char* kFitHelp =
    R"(usage: reformsim fit FILE [-o OUT.h5] [--best BEST.yaml] [--threads N] [--max-trials N] [--markdown]
                     [--quiet]

Calibrates the scenario keys named under FILE's `parameters:` to its `targets:` (docs/calibration.md: Calibration to targets).
Every trial runs every arm of FILE × its replicates with the same seeds (common random numbers); the search is a
Latin hypercube followed by Nelder–Mead simplices from its best points. Without `parameters:` the base scenario is
only evaluated against the targets (an out-of-sample check). Results are identical for any thread count.

  -o, --output OUT.h5   every trial's parameters, outcomes and distance, the best trial and the accepted set
                        (default: results/<name>_fit.h5)
  --best BEST.yaml      the best trial's values as a scenario that extends FILE's base (default:
                        results/<name>_best.yaml)
  --threads N           worker threads (default: all cores)
  --max-trials N        overrides search.max_trials (and caps search.initial_points), e.g. for a quick trial
  --markdown            print the target table as Markdown, with the targets' sources
  --quiet               no progress and no table

Prints the best trial's target table: target | kind | target value | simulated mean (95% CI) | verdict.
)";

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (std::filesystem::equivalent(a, b, ec)) return true;
  // Neither need exist yet: compare where they would be.
  const auto where = [](const std::string& p) {
    std::error_code e;
    return std::filesystem::weakly_canonical(std::filesystem::absolute(p), e);
  };
  return where(a) == where(b);
}

// Every file the fit reads: the files its trees were loaded from (the fit file, the base and its `extends:` chain)
// and every scalar that names an existing file relative to the file that wrote it (catalogues, tables).
void collect_inputs(const config::Node& node, std::set<std::string>& files) {
  namespace fs = std::filesystem;
  const std::string& from = node.location().file;
  if (!from.empty()) files.insert(from);
  if (node.is_scalar() && !node.text().empty() && !from.empty()) {
    std::error_code ec;
    const fs::path named = fs::path(from).parent_path() / node.text();
    if (fs::is_regular_file(named, ec)) files.insert(named.string());
  }
  for (const auto& [key, value] : node.entries()) collect_inputs(value, files);
  for (const config::Node& item : node.items()) collect_inputs(item, files);
}

std::set<std::string> input_files(const fit::FitSpec& spec) {
  std::set<std::string> files{spec.experiment.source_file, spec.experiment.base_file};
  collect_inputs(spec.experiment.base_scenario, files);
  for (const experiment::Arm& arm : spec.experiment.arms)
    for (const auto& [key, value] : arm.overrides) collect_inputs(value, files);
  return files;
}

}  // namespace

int fit_command(const std::vector<std::string>& args, const std::string& command_line) {
  const CliArgs cli(args, {"--output", "--best", "--threads", "--max-trials"}, {"--help", "--quiet", "--markdown"},
                    {{"-o", "--output"}, {"-h", "--help"}, {"-t", "--threads"}});
  if (cli.flag("--help")) {
    std::fputs(kFitHelp, stdout);
    return kExitOk;
  }
  if (cli.positional().size() != 1) throw UsageError("expects exactly one fit file");
  const std::string& file = cli.positional()[0];
  const int threads = static_cast<int>(cli.integer("--threads", 0, 1, 4096));
  const bool quiet = cli.flag("--quiet");

  config::ErrorList errors;
  fit::FitSpec spec = fit::load_fit(file, errors);
  spec.experiment.scenario_defaults = agents::scenario_defaults();
  if (!errors.empty()) throw config::ConfigException(errors);
  if (cli.option("--max-trials")) {
    spec.search.max_trials = static_cast<int>(cli.integer("--max-trials", 1, 1, 1'000'000));
    spec.search.initial_points = std::min(spec.search.initial_points, spec.search.max_trials);
  }
  const std::string stem = "results/" + spec.experiment.name;
  const std::string output = cli.option("--output").value_or(stem + "_fit.h5");
  const std::string best = cli.option("--best").value_or(stem + "_best.yaml");
  const std::set<std::string> inputs = input_files(spec);
  for (const std::string& out : {output, best}) {
    for (const std::string& in : inputs)
      if (same_file(out, in)) throw UsageError("the output '" + out + "' is an input of the fit ('" + in + "')");
  }
  if (same_file(output, best)) throw UsageError("-o and --best name the same file");
  refuse_input_as_output(output);
  refuse_input_as_output(best);
  create_parent_directories(output);
  create_parent_directories(best);

  const fit::ModelFactory factory = [] { return std::make_unique<agents::ReformModel>(); };
  fit::FitOptions options;
  options.threads = threads;
  options.progress = !quiet;
  const auto start = std::chrono::steady_clock::now();
  const fit::FitResult result = fit::run_fit(spec, factory, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // Both files or neither: the best-fit file is written just before the results file is published.
  bool wrote_best = false;
  try {
    fit::write_fit_results(output, spec, result, command_line, [&] {
      write_text_output(best, fit::best_fit_yaml(spec, result, best, command_line));
      wrote_best = true;
    });
  } catch (...) {
    std::error_code ec;
    if (wrote_best && std::filesystem::is_regular_file(best, ec)) std::filesystem::remove(best, ec);
    throw;
  }

  if (!quiet) {
    const fit::Trial& b = result.trials[result.best];
    std::size_t accepted = 0;
    for (const fit::Trial& t : result.trials) accepted += t.within_tolerance ? 1 : 0;
    std::printf(
        "%s: %zu trials (%zu runs, %d replicates × %zu arms each), %zu with every fitted target within "
        "tolerance; best trial %zu, distance %.4g\n",
        spec.experiment.name.c_str(), result.trials.size(), result.runs, spec.experiment.replicates,
        spec.experiment.arms.size(), accepted, result.best, b.distance);
    for (std::size_t k = 0; k < spec.parameters.size(); ++k) {
      std::printf("  %s = %s\n", spec.parameters[k].key_path.c_str(),
                  fit::parameter_text(spec.parameters[k], b.values[k]).c_str());
    }
    const bool markdown = cli.flag("--markdown");
    std::fputs((markdown ? fit::format_target_markdown(spec, b) : fit::format_target_table(spec, b)).c_str(), stdout);
    std::printf("\nwrote %s and %s — %.0f events in %.1f s\n", output.c_str(), best.c_str(), result.events, seconds);
  }
  return kExitOk;
}

}  // namespace reformsim::app
