#pragma once
// Expansion of an experiment into runs, in a deterministic order: design point (outer), arm, replicate (inner).
// Every run of one replicate uses the same random numbers, whatever its point and arm (common random numbers).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"
#include "sim/experiment/experiment_spec.hpp"

namespace reformsim::experiment {

/// Most runs one experiment may expand to (points × arms × replicates): ten times the largest experiments run.
inline constexpr std::size_t kMaxRuns = 1'000'000;

/// One run: a scenario tree (base + arm overrides + grid values) with its seed and replicate.
struct RunPlan {
  std::size_t run_id = 0;
  std::size_t point = 0;  ///< design point index
  std::size_t arm_index = 0;
  std::string arm;
  int replicate = 0;
  std::uint64_t seed = 0;
  std::vector<std::string> varied_values;  ///< text of each vary axis's value at this point
  std::size_t scenario_index = 0;          ///< index of this run's scenario tree (shared by replicates)
};

/// The runs of an experiment and the distinct scenario trees they use (one per grid point and arm).
struct ExpandedExperiment {
  std::vector<RunPlan> runs;
  std::vector<config::Node> scenarios;  ///< not yet validated
  DesignTable design;                   ///< the points' parameter values
};

/// The points of the experiment's design (nothing, with the reason in `errors`, when more than kMaxRuns runs).
DesignTable design_table(const ExperimentSpec& spec, config::ErrorList& errors);

/// "sobol design: N = 64 base samples × (D + 2) = 7 → 448 points of 5 factors × 1 arm × 1 replicate".
std::string describe_design(const ExperimentSpec& spec, const ExpandedExperiment& expanded);

/// Design points the experiment asks for, or nullopt when the count exceeds `limit`.
std::optional<std::size_t> design_point_count(const ExperimentSpec& spec, std::size_t limit);

/// Expands the experiment; override paths that cannot be applied, and grids of more than kMaxRuns runs, are
/// reported in `errors`.
ExpandedExperiment expand(const ExperimentSpec& spec, config::ErrorList& errors);

}  // namespace reformsim::experiment
