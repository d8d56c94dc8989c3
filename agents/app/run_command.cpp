// `reformsim run FILE`: expand, validate everything, run in parallel (threads, and MPI ranks under mpirun), journal
// every finished run, write HDF5, print the summary table.
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "agents/app/cli_args.hpp"
#include "agents/app/commands.hpp"
#include "agents/app/prepared_experiment.hpp"
#include "agents/app/run_selection_option.hpp"
#include "agents/app/text_output.hpp"
#include "sim/experiment/parallel_runner.hpp"
#include "sim/experiment/results_file.hpp"
#include "sim/experiment/run_assembler.hpp"
#include "sim/experiment/run_journal.hpp"
#include "sim/experiment/summary_table.hpp"
#include "sim/mpi/mpi_runs.hpp"
#include "sim/output/hdf5_reader.hpp"
#include "sim/output/output_error.hpp"

namespace reformsim::app {

namespace {

const char* kRunHelp = R"(usage: reformsim run FILE [-o OUT.h5] [--threads N] [--seed S] [--replicates R]
                     [--samples N] [--runs A:B | --shard K/N] [--resume] [--on-error stop|continue] [--quiet]
       mpirun -np K reformsim run FILE ...

Runs FILE — an experiment (a file with `base:`) or a single scenario — and writes every run's outcomes to OUT.h5
(default: results/<name>.h5). The file appears only when every run has finished; a failed or interrupted run
leaves no file under that name. Each run is recorded in OUT.h5.journal, synced to disk, as it finishes: after a
crash or kill, the same command with --resume skips the runs recorded there. Prints the per-arm summary table
(mean ± 95% CI, paired differences) on stdout and progress on stderr.

  -o, --output OUT.h5   output file
  --threads N           worker threads (default: all cores; under mpirun, per rank); results are identical for
                        any N and any number of ranks
  --seed S              master seed (default 1 for a scenario; overrides an experiment's `seed:`)
  --replicates R        replicates per arm and grid point (default 1 for a scenario; overrides an
                        experiment's `replicates:`, e.g. for a quick trial)
  --samples N           size of a sampled design, e.g. for a quick trial: lhs points, sobol base samples (run
                        as N (D + 2) points), morris trajectories; overrides `samples:`/`trajectories:`
  --runs A:B            only run ids A to B-1, into a file of their own (join parts with `reformsim merge`)
  --shard K/N           only the K-th of N equal parts of the runs (K from 1), e.g. one per batch job
  --resume              continue an interrupted run from OUT.h5.journal; refused when the experiment, its
                        scenarios, inputs or the binary differ from the journal's
  --on-error POLICY     stop (default): a failing run stops the experiment (finished runs stay in the journal);
                        continue: the failure is recorded in /runs/status and /runs/message, the rest go on
  --quiet               no progress and no table

exit codes: 0 done; 1 a run failed (or runs failed under --on-error continue); 2 bad input or options;
            3 the output cannot be written
)";

experiment::OnError on_error_policy(const std::optional<std::string>& text) {
  if (!text || *text == "stop") return experiment::OnError::stop;
  if (*text == "continue") return experiment::OnError::continue_;
  throw UsageError("--on-error takes stop or continue, not '" + *text + "'");
}

// A results file already complete for this very experiment (identity equal): nothing to resume.
bool complete_for(const std::string& output, const experiment::ExperimentIdentity& identity) {
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(output, ignored)) return false;
  try {
    const output::Hdf5Reader file(output);
    if (!file.exists("/meta/identity")) return false;
    const auto text = file.strings("/meta/identity");
    const auto recorded = text.size() == 1 ? experiment::ExperimentIdentity::from_text(text[0]) : std::nullopt;
    return recorded && identity.differences_from(*recorded, true).empty();
  } catch (const output::InputFileError&) {
    return false;
  }
}

// The runs already journaled when a run stops early are not lost: how to get them back once the cause is fixed.
std::string kept_for_resume(const experiment::RunJournal& journal) {
  return "\n" + std::to_string(journal.size()) + " finished runs are kept in '" + journal.path() +
         "': fix the cause and run the same command with --resume";
}

// A journal holding no finished run has nothing to resume; left behind, it would only block the next attempt.
[[noreturn]] void throw_without_journal(experiment::RunJournal& journal) {
  journal.remove();
  throw;
}

void print_summary(const PreparedExperiment& p, const experiment::RunSelection& selection,
                   const std::vector<std::vector<double>>& table_values, const experiment::Projection& projection,
                   const experiment::RunAssembler& assembler, const std::string& output, double events,
                   double seconds) {
  const experiment::ExperimentSpec& spec = p.spec;
  const std::vector<experiment::RunPlan> runs(p.expanded.runs.begin() + static_cast<std::ptrdiff_t>(selection.first),
                                              p.expanded.runs.begin() + static_cast<std::ptrdiff_t>(selection.end));
  std::printf("%s: %zu runs (%zu arms × %d replicates", spec.name.c_str(), p.expanded.runs.size(), spec.arms.size(),
              spec.replicates);
  if (!p.expanded.design.factors.empty())
    std::printf(" × %zu %s design points", p.expanded.design.points(), experiment::design_name(spec.design.kind));
  std::printf("), final-year flows; paired differences are by replicate (common random numbers)\n");
  if (selection.size() != p.expanded.runs.size())
    std::printf("this file holds runs %zu to %zu only; `reformsim merge` joins the parts\n", selection.first,
                selection.end - 1);
  if (assembler.reused() > 0)
    std::printf("resumed: %zu runs read back from the journal, %zu computed now\n", assembler.reused(),
                assembler.computed());
  if (assembler.failed() > 0)
    std::printf("FAILED: %zu of %zu runs failed (status and message in /runs; left out of the table below)\n",
                assembler.failed(), selection.size());
  for (const std::string& note : p.model->table_notes(runs)) std::printf("note: %s\n", note.c_str());
  std::fputs(experiment::format_summary_table(spec, runs, p.model->headline_metrics(), table_values).c_str(), stdout);
  std::fputs(projection.format_tables().c_str(), stdout);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("\nwrote %s — %.0f events in %.1f s (%.2f M events/s), peak RSS %.1f MiB\n", output.c_str(), events,
              seconds, seconds > 0 ? events / seconds / 1e6 : 0.0, static_cast<double>(usage.ru_maxrss) / 1024.0);
}

}  // namespace

int run_command(const std::vector<std::string>& args, const std::string& command_line) {
  const CliArgs cli(args,
                    {"--output", "--threads", "--seed", "--replicates", "--samples", "--runs", "--shard", "--on-error"},
                    {"--help", "--quiet", "--resume"}, {{"-o", "--output"}, {"-h", "--help"}, {"-t", "--threads"}});
  if (cli.flag("--help")) {
    std::fputs(kRunHelp, stdout);
    return kExitOk;
  }
  if (cli.positional().size() != 1) throw UsageError("expects exactly one scenario or experiment file");
  const std::string& file = cli.positional()[0];
  const int threads = static_cast<int>(cli.integer("--threads", 0, 1, 4096));
  ExperimentOverrides overrides;
  if (cli.option("--seed"))
    overrides.seed = static_cast<std::uint64_t>(cli.integer("--seed", 1, 0, 9'000'000'000'000'000));
  if (cli.option("--replicates")) overrides.replicates = static_cast<int>(cli.integer("--replicates", 1, 1, 1'000'000));
  if (cli.option("--samples")) overrides.samples = static_cast<std::size_t>(cli.integer("--samples", 1, 1, 1'000'000));
  const bool quiet = cli.flag("--quiet");
  const bool resume = cli.flag("--resume");
  const experiment::OnError policy = on_error_policy(cli.option("--on-error"));

  // Under mpirun every rank runs this command; rank 0 writes, the others compute what it hands out.
  std::optional<mpi::Session> session;
  if (mpi::launched_by_mpirun()) {
    if (!mpi::available())
      throw UsageError(
          "started by mpirun, but this reformsim was built without MPI (install libopenmpi-dev with "
          "scripts/setup and rebuild), so every rank would run the whole experiment");
    session.emplace();
  }
  const bool writer = !session || session->rank() == 0;

  config::ErrorList errors;
  PreparedExperiment p = prepare_experiment(file, overrides, errors);
  if (session) {
    const bool all_ok = session->all(errors.empty());
    const bool writer_ok = session->broadcast(errors.empty());
    if (!all_ok) {
      if (!errors.empty() && (writer || writer_ok)) throw config::ConfigException(errors);
      if (writer) std::fprintf(stderr, "reformsim run: another rank could not load the experiment (see above)\n");
      return kExitBadInput;
    }
  } else if (!errors.empty()) {
    throw config::ConfigException(errors);
  }
  const std::size_t total = p.expanded.runs.size();
  const experiment::RunSelection selection = run_selection(cli.option("--runs"), cli.option("--shard"), total);
  experiment::RunContext context;
  context.command_line = command_line;
  context.resolved_scenarios = p.resolved_scenarios();
  context.identity = experiment::identify(p.spec, p.expanded, context.resolved_scenarios, selection);
  context.headline = p.model->headline_metrics();
  if (session) {
    // A rank on another machine with another binary or other input files would compute other results.
    const std::vector<int> differing = session->ranks_differing(context.identity.to_text());
    if (!session->broadcast(differing.empty())) {
      if (!writer) return kExitBadInput;
      std::string ranks;
      for (int r : differing) ranks += (ranks.empty() ? "" : ", ") + std::to_string(r);
      throw UsageError("rank(s) " + ranks + " loaded a different experiment, inputs or binary than rank 0");
    }
  }

  std::vector<std::size_t> to_compute;
  auto go_or_not = [&](bool go) { return session ? session->broadcast(go) : go; };
  if (!writer) {
    // Rank 0 decided not to run (nothing to resume, or it could not open the output or the journal): it says why,
    // and its exit code is the job's (mpirun reports rank 0's).
    if (!go_or_not(false)) return kExitOk;
    mpi::serve(*session, p.expanded.runs, *p.model, threads);
    return kExitOk;
  }

  // Rank 0 (or the only process) from here on. Anything thrown before the go tells the other ranks to leave.
  struct Release {
    std::function<bool(bool)>& go;
    bool sent = false;
    ~Release() {
      if (!sent) go(false);
    }
  };
  std::function<bool(bool)> go = go_or_not;
  Release release{go};

  const std::string output = cli.option("--output").value_or(default_output_path(p.spec, selection, total));
  refuse_input_as_output(output);
  create_parent_directories(output);
  const std::string journal_path = output + ".journal";
  std::error_code ignored;
  if (resume && !std::filesystem::exists(journal_path, ignored) && complete_for(output, context.identity)) {
    if (!quiet) std::printf("%s is already complete (%zu runs); nothing to resume\n", output.c_str(), selection.size());
    return kExitOk;
  }
  experiment::ResultsFile results(output, p.spec, p.expanded, p.model->layout(), context);  // takes the lock
  if (!resume && std::filesystem::exists(journal_path, ignored))
    throw UsageError("'" + journal_path + "' holds the finished runs of an interrupted run of this output: add " +
                     "--resume to continue it, or delete the journal to start again");
  experiment::RunJournal journal = [&] {
    try {
      return resume ? experiment::RunJournal::resume(journal_path, context.identity)
                    : experiment::RunJournal::create(journal_path, context.identity);
    } catch (const experiment::JournalMismatch& e) {
      throw InputError(std::string(e.what()) +
                       "\n(--resume continues only the experiment the journal was written for)");
    }
  }();
  if (resume && !quiet) {
    std::fprintf(stderr, "resuming from %s: %zu of %zu runs already finished%s\n", journal_path.c_str(), journal.size(),
                 selection.size(), journal.bytes_cut() > 0 ? " (a record torn by the interruption was dropped)" : "");
  }

  const auto headline = p.model->headline_metrics();
  std::vector<std::vector<double>> table_values(selection.size(),
                                                std::vector<double>(p.model->layout().metrics.size(), std::nan("")));
  const std::vector<experiment::RunPlan> selected(
      p.expanded.runs.begin() + static_cast<std::ptrdiff_t>(selection.first),
      p.expanded.runs.begin() + static_cast<std::ptrdiff_t>(selection.end));
  experiment::Projection projection(p.model->projection(), p.model->layout(), selected);
  double events = 0;
  experiment::RunAssembler assembler(p.expanded.runs, selection, journal, policy, !quiet,
                                     [&](const experiment::RunPlan& plan, const experiment::RunOutcome& outcome) {
                                       results.append(plan, outcome);
                                       if (outcome.status != experiment::RunStatus::complete) return;
                                       projection.add(plan, outcome.values);
                                       for (const experiment::HeadlineMetric& h : headline)
                                         table_values[plan.run_id - selection.first][h.metric] =
                                             outcome.values.metrics[h.metric][0];
                                       events += outcome.values.events;
                                     });
  experiment::RunDispenser dispenser(assembler.runs_to_compute());
  const auto start = std::chrono::steady_clock::now();
  auto on_finished = [&](experiment::RunOutcome&& outcome) {
    if (!assembler.accept(std::move(outcome))) dispenser.stop();
  };
  release.sent = true;
  try {
    if (session) {
      go(true);
      mpi::coordinate(*session, p.expanded.runs, dispenser, *p.model, threads, on_finished);
    } else {
      experiment::compute_runs(p.expanded.runs, dispenser, *p.model, threads, on_finished);
    }
    assembler.finish();
    results.write_projection(projection);
    results.commit();
  } catch (const output::OutputError& e) {
    if (journal.size() == 0) throw_without_journal(journal);
    throw output::OutputError(std::string(e.what()) + kept_for_resume(journal));
  } catch (const experiment::RunFailure& e) {
    if (journal.size() == 0) throw_without_journal(journal);
    throw experiment::RunFailure(std::string(e.what()) + kept_for_resume(journal));
  } catch (...) {
    if (journal.size() == 0) throw_without_journal(journal);
    throw;
  }
  journal.remove();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!quiet) print_summary(p, selection, table_values, projection, assembler, output, events, seconds);
  return assembler.failed() > 0 ? kExitFailure : kExitOk;
}

}  // namespace reformsim::app
