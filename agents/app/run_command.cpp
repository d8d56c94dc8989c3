// `reformsim run FILE`: expand, validate everything, run in parallel, write HDF5, print the summary table.
#include <sys/resource.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/app/text_output.hpp"
#include "agents/model/reform_model.hpp"
#include "agents/scenario/scenario_declarations.hpp"
#include "sim/experiment/experiment_spec.hpp"
#include "sim/experiment/parallel_runner.hpp"
#include "sim/experiment/results_file.hpp"
#include "sim/experiment/summary_table.hpp"
#include "sim/output/output_error.hpp"

namespace reformsim::app {

namespace {

const char* kRunHelp = R"(usage: reformsim run FILE [-o OUT.h5] [--threads N] [--seed S] [--replicates R] [--quiet]

Runs FILE — an experiment (a file with `base:`) or a single scenario — and writes every run's outcomes to OUT.h5
(default: results/<name>.h5). The file appears only when every run has finished; a failed or interrupted run
leaves no file under that name. Prints the per-arm summary table (mean ± 95% CI, paired differences) on stdout
and progress on stderr.

  -o, --output OUT.h5   output file
  --threads N           worker threads (default: all cores); results are identical for any N
  --seed S              master seed (default 1 for a scenario; overrides an experiment's `seed:`)
  --replicates R        replicates per arm and grid point (default 1 for a scenario; overrides an
                        experiment's `replicates:`, e.g. for a quick trial)
  --quiet               no progress and no table
)";

// A file name from an experiment name: letters, digits, '-', '_' and '.' kept, anything else becomes '_'.
std::string file_stem_for(const std::string& name) {
  std::string stem;
  for (unsigned char c : name)
    stem += (std::isalnum(c) || c == '-' || c == '_' || c == '.') ? static_cast<char>(c) : '_';
  return stem.empty() || stem[0] == '.' ? "results" + stem : stem;
}

}  // namespace

int run_command(const std::vector<std::string>& args, const std::string& command_line) {
  const CliArgs cli(args, {"--output", "--threads", "--seed", "--replicates"}, {"--help", "--quiet"},
                    {{"-o", "--output"}, {"-h", "--help"}, {"-t", "--threads"}});
  if (cli.flag("--help")) {
    std::fputs(kRunHelp, stdout);
    return kExitOk;
  }
  if (cli.positional().size() != 1) throw UsageError("expects exactly one scenario or experiment file");
  const std::string& file = cli.positional()[0];
  const int threads = static_cast<int>(cli.integer("--threads", 0, 1, 4096));
  const auto seed = static_cast<std::uint64_t>(cli.integer("--seed", 1, 0, 9'000'000'000'000'000));
  const int replicates = static_cast<int>(cli.integer("--replicates", 1, 1, 1'000'000));
  const bool quiet = cli.flag("--quiet");

  config::ErrorList errors;
  experiment::ExperimentSpec spec = experiment::load_experiment(file, errors, replicates, seed);
  spec.scenario_defaults = agents::scenario_defaults();
  // Given on the command line, they win over the experiment file's own.
  if (cli.option("--replicates")) spec.replicates = replicates;
  if (cli.option("--seed")) spec.seed = seed;
  experiment::ExpandedExperiment expanded;
  agents::ReformModel model;
  if (errors.empty()) expanded = experiment::expand(spec, errors);
  if (errors.empty()) model.prepare(expanded, errors);
  if (!errors.empty()) throw config::ConfigException(errors);

  const std::string output = cli.option("--output").value_or("results/" + file_stem_for(spec.name) + ".h5");
  refuse_input_as_output(output);
  create_parent_directories(output);

  experiment::RunContext context;
  context.command_line = command_line;
  for (std::size_t i = 0; i < expanded.scenarios.size(); ++i)
    context.resolved_scenarios.push_back(model.resolved_scenario(i));
  experiment::ResultsFile results(output, spec, expanded, model.layout(), context);

  const auto headline = model.headline_metrics();
  std::vector<std::vector<double>> table_values(expanded.runs.size(),
                                                std::vector<double>(model.layout().metrics.size(), std::nan("")));
  experiment::Projection projection(model.projection(), model.layout(), expanded.runs);
  double events = 0;
  const auto start = std::chrono::steady_clock::now();
  experiment::RunnerOptions options;
  options.threads = threads;
  options.progress = !quiet;
  experiment::run_all(expanded.runs, model, options, [&](const experiment::RunPlan& plan, experiment::RunValues&& v) {
    results.append(plan, v);
    projection.add(plan, v);
    for (const experiment::HeadlineMetric& h : headline) table_values[plan.run_id][h.metric] = v.metrics[h.metric][0];
    events += v.events;
  });
  results.write_projection(projection);
  results.commit();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (!quiet) {
    std::printf("%s: %zu runs (%zu arms × %d replicates", spec.name.c_str(), expanded.runs.size(), spec.arms.size(),
                spec.replicates);
    if (!spec.vary.empty())
      std::printf(" × %zu grid points", expanded.runs.size() / spec.arms.size() / spec.replicates);
    std::printf("), final-year flows; paired differences are by replicate (common random numbers)\n");
    for (const std::string& note : model.table_notes(expanded.runs)) std::printf("note: %s\n", note.c_str());
    std::fputs(experiment::format_summary_table(spec, expanded.runs, headline, table_values).c_str(), stdout);
    std::fputs(projection.format_tables().c_str(), stdout);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("\nwrote %s — %.0f events in %.1f s (%.2f M events/s), peak RSS %.1f MiB\n", output.c_str(), events,
                seconds, seconds > 0 ? events / seconds / 1e6 : 0.0, static_cast<double>(usage.ru_maxrss) / 1024.0);
  }
  return kExitOk;
}

}  // namespace reformsim::app
