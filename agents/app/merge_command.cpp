// `reformsim merge OUT.h5 PART...`: joins the results files of an experiment run in slices (--runs/--shard, on any
// machines) into the file a single run of the whole experiment writes.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/app/prepared_experiment.hpp"
#include "agents/app/text_output.hpp"
#include "sim/experiment/projection.hpp"
#include "sim/experiment/results_file.hpp"
#include "sim/experiment/results_part.hpp"
#include "sim/output/hdf5_reader.hpp"

namespace reformsim::app {

namespace {

const char* kMergeHelp = R"(usage: reformsim merge OUT.h5 PART.h5... [--experiment FILE] [--quiet]

Joins results files written with `reformsim run --runs A:B` or `--shard K/N` into OUT.h5, the file one run of the
whole experiment writes (every dataset equal; /meta/results_sha256 equal). The parts must come from the same
experiment, scenarios, inputs and binary (their /meta hashes are compared) and together hold every run exactly
once. The experiment file recorded in the parts is loaded again (its hashes must still match); --experiment names
it when it has moved.

  --experiment FILE   the experiment file, if not at the path the parts recorded
  --quiet             print nothing on success

exit codes: 0 merged; 1 merged, but some runs in the parts had failed (as `run` exits for them); 2 the parts or the
            experiment do not fit together; 3 the output cannot be written
)";

constexpr std::size_t kRunsPerRead = 64;  // a few MB of rows at a time for the default city

std::string range_text(const experiment::RunSelection& s) {
  return std::to_string(s.first) + ":" + std::to_string(s.end);
}

}  // namespace

int merge_command(const std::vector<std::string>& args, const std::string& command_line) {
  const CliArgs cli(args, {"--experiment"}, {"--help", "--quiet"}, {{"-h", "--help"}});
  if (cli.flag("--help")) {
    std::fputs(kMergeHelp, stdout);
    return kExitOk;
  }
  if (cli.positional().size() < 2) throw UsageError("expects the output file and at least one part");
  const std::string output = cli.positional()[0];
  std::vector<experiment::ResultsPart> parts;
  for (std::size_t i = 1; i < cli.positional().size(); ++i) {
    const std::string& path = cli.positional()[i];
    std::error_code same_error;
    if (std::filesystem::exists(output, same_error) && std::filesystem::equivalent(output, path, same_error))
      throw UsageError("the output '" + output + "' is also a part; write the merged file elsewhere");
    try {
      parts.emplace_back(path);
    } catch (const output::InputFileError& e) {
      throw InputError(e.what());
    }
  }
  std::sort(parts.begin(), parts.end(), [](const experiment::ResultsPart& a, const experiment::ResultsPart& b) {
    return a.identity().selection.first < b.identity().selection.first;
  });
  const experiment::ResultsPart& first = parts.front();
  for (const experiment::ResultsPart& part : parts) {
    const std::vector<std::string> d = part.identity().differences_from(first.identity(), false);
    if (d.empty() && part.seed() == first.seed() && part.replicates() == first.replicates()) continue;
    std::string message = "'" + part.path() + "' is not a part of the same experiment as '" + first.path() + "':";
    for (const std::string& x : d) message += "\n  - " + x;
    throw InputError(message);
  }
  // The parts must tile the runs: no gap, no overlap.
  std::size_t covered = 0;
  for (const experiment::ResultsPart& part : parts) {
    const experiment::RunSelection s = part.identity().selection;
    if (s.first < covered)
      throw InputError("'" + part.path() + "' (runs " + range_text(s) +
                       ") overlaps another part, which holds runs up to " + std::to_string(covered));
    if (s.first > covered)
      throw InputError("no part holds runs " + std::to_string(covered) + ":" + std::to_string(s.first));
    covered = s.end;
  }
  if (covered != first.identity().total_runs)
    throw InputError("no part holds runs " + std::to_string(covered) + ":" +
                     std::to_string(first.identity().total_runs));

  const std::string experiment_file = cli.option("--experiment").value_or(first.experiment_file());
  config::ErrorList errors;
  PreparedExperiment p =
      prepare_experiment(experiment_file, {first.seed(), first.replicates(), first.design_samples()}, errors);
  if (!errors.empty()) throw config::ConfigException(errors);
  experiment::RunContext context;
  context.command_line = command_line;
  context.resolved_scenarios = p.resolved_scenarios();
  const experiment::RunSelection all{0, p.expanded.runs.size()};
  context.identity = experiment::identify(p.spec, p.expanded, context.resolved_scenarios, all);
  context.headline = p.model->headline_metrics();
  const std::vector<std::string> d = context.identity.differences_from(first.identity(), false);
  if (!d.empty()) {
    std::string message = "the parts were not run from '" + experiment_file + "' as it is now:";
    for (const std::string& x : d) message += "\n  - " + x;
    throw InputError(message);
  }

  refuse_input_as_output(output);
  create_parent_directories(output);
  experiment::ResultsFile results(output, p.spec, p.expanded, p.model->layout(), context);
  experiment::Projection projection(p.model->projection(), p.model->layout(), p.expanded.runs);
  std::size_t failed = 0;
  for (const experiment::ResultsPart& part : parts) {
    const experiment::RunSelection s = part.identity().selection;
    for (std::size_t at = s.first; at < s.end; at += kRunsPerRead) {
      const std::size_t count = std::min(kRunsPerRead, s.end - at);
      std::vector<experiment::RunOutcome> outcomes;
      try {
        outcomes = part.read(p.model->layout(), at, count);
      } catch (const output::InputFileError& e) {
        throw InputError(e.what());
      }
      for (const experiment::RunOutcome& o : outcomes) {
        results.append(p.expanded.runs[o.run_id], o);
        if (o.status == experiment::RunStatus::complete)
          projection.add(p.expanded.runs[o.run_id], o.values);
        else
          ++failed;
      }
    }
    try {
      part.check_digest();
    } catch (const output::InputFileError& e) {
      throw InputError(e.what());
    }
  }
  results.write_projection(projection);
  results.commit();
  if (!cli.flag("--quiet")) {
    std::printf("merged %zu parts (%zu runs%s) into %s\n", parts.size(), p.expanded.runs.size(),
                failed > 0 ? (", " + std::to_string(failed) + " failed").c_str() : "", output.c_str());
  }
  return failed > 0 ? kExitFailure : kExitOk;  // as `run` does for the same runs
}

}  // namespace reformsim::app
