#pragma once
// Runs an experiment's plans over a oneTBB arena (one run per task, each run single-threaded). compute_runs() hands
// each outcome over as it finishes; run_all() hands values over strictly in run order, so what is built from them
// is identical for any thread count.
#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

#include "sim/experiment/model.hpp"
#include "sim/experiment/run_outcome.hpp"

namespace reformsim::experiment {

/// How to execute an experiment.
struct RunnerOptions {
  int threads = 0;       ///< 0 = all cores
  bool progress = true;  ///< runs done/total, elapsed and ETA on stderr
};

/// Thrown when a run fails; says which run and why.
struct RunFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The runs still to compute, handed out in order to whoever asks first (threads here, ranks under MPI), so
/// finished runs arrive nearly in run order while every worker stays busy. Thread-safe.
class RunDispenser {
 public:
  explicit RunDispenser(std::vector<std::size_t> runs) : runs_(std::move(runs)) {}
  /// The next run's index into the plans, or nullopt when none is left or stop() was called.
  std::optional<std::size_t> next();
  /// Hands out nothing more.
  void stop() { next_.store(runs_.size()); }
  std::size_t size() const { return runs_.size(); }

 private:
  std::vector<std::size_t> runs_;
  std::atomic<std::size_t> next_{0};
};

/// "run 7 (arm 'drg', replicate 2) failed: <why>".
std::string describe_failure(const RunPlan& plan, const std::string& why);

/// Runs `model` on `plan`; a run that throws becomes a failed outcome (its message from describe_failure()).
/// For tests of the error policy, the run ids listed in the environment variable REFORMSIM_FAIL_RUNS (e.g. "3,7")
/// fail with "failure injected by REFORMSIM_FAIL_RUNS": no model run can be made to fail on purpose otherwise.
RunOutcome compute_one(const RunPlan& plan, const Model& model);

/// Runs `model` on `plans[i]` for every i `dispenser` hands out, on `threads` workers (0 = all cores). A run that
/// throws becomes a failed outcome (its message from describe_failure()). `on_finished` receives every outcome as
/// it finishes, never concurrently; when it throws, the dispenser is stopped and the exception rethrown here.
void compute_runs(const std::vector<RunPlan>& plans, RunDispenser& dispenser, const Model& model, int threads,
                  const std::function<void(RunOutcome&&)>& on_finished);

/// Runs every plan; `on_complete` is called once per run, in run_id order, never concurrently.
/// The first failing run stops the experiment and is rethrown as RunFailure.
void run_all(const std::vector<RunPlan>& plans, const Model& model, const RunnerOptions& options,
             const std::function<void(const RunPlan&, RunValues&&)>& on_complete);

}  // namespace reformsim::experiment
