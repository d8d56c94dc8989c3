#pragma once
// An experiment loaded, expanded and validated for the health-insurance model: what `run` and `merge` both start
// from, so a merge rebuilds exactly the experiment the parts were run from.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "agents/model/reform_model.hpp"
#include "sim/config/errors.hpp"
#include "sim/experiment/experiment_spec.hpp"
#include "sim/experiment/results_file.hpp"
#include "sim/experiment/run_plan.hpp"

namespace reformsim::app {

/// A loaded experiment and its model, ready to run.
struct PreparedExperiment {
  experiment::ExperimentSpec spec;
  experiment::ExpandedExperiment expanded;
  std::unique_ptr<agents::ReformModel> model = std::make_unique<agents::ReformModel>();
  /// The validated scenarios, for /meta.
  std::vector<std::string> resolved_scenarios() const;
};

/// What the command line may change of an experiment file (each, when given, wins over the file's own).
struct ExperimentOverrides {
  std::optional<std::uint64_t> seed;
  std::optional<int> replicates;
  /// The size of a sampled design: lhs points, sobol base samples, morris trajectories.
  std::optional<std::size_t> samples;
};

/// Loads `file` with `overrides` applied. Problems go to `errors` (then the result is not usable); an override that
/// does not apply to the file (samples for a grid) is one of them.
PreparedExperiment prepare_experiment(const std::string& file, const ExperimentOverrides& overrides,
                                      config::ErrorList& errors);

/// The default output of an experiment (results/<name>.h5), with the selection in the name when it is a slice.
std::string default_output_path(const experiment::ExperimentSpec& spec, experiment::RunSelection selection,
                                std::size_t total_runs);

}  // namespace reformsim::app
