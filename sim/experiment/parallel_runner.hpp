#pragma once
// Runs an experiment's plans over a oneTBB arena (one run per task, each run single-threaded) and hands the
// results over strictly in run order, so the output is identical for any thread count.
#include <functional>

#include "sim/experiment/model.hpp"

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

/// Runs every plan; `on_complete` is called once per run, in run_id order, never concurrently.
/// The first failing run stops the experiment and is rethrown as RunFailure.
void run_all(const std::vector<RunPlan>& plans, const Model& model, const RunnerOptions& options,
             const std::function<void(const RunPlan&, RunValues&&)>& on_complete);

}  // namespace reformsim::experiment
