#pragma once
// A fit file: an experiment (base scenario, arms, replicates, seed) plus the scenario keys to fit with their ranges,
// the target moments the outputs must match, and the search settings (docs/calibration.md: Calibration to targets).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/config/errors.hpp"
#include "sim/config/schema.hpp"
#include "sim/experiment/experiment_spec.hpp"

namespace reformsim::fit {

/// How a parameter's range is explored: evenly, or evenly in its logarithm (for rates spanning decades).
enum class Scale { Linear, Log };

/// One scenario key to fit.
struct Parameter {
  std::string key_path;
  double min = 0, max = 1;
  Scale scale = Scale::Linear;
  bool integer = false;
  config::SourceLocation where;  ///< where the parameter was declared
};

/// A target's expected sign, for outcomes the sources give only as a direction.
enum class Direction { None, Increase, Decrease };

/// One target moment: a statistic of the runs' outputs and the value it should have.
struct Target {
  std::string name;
  std::string source;  ///< where the value comes from (free text)
  std::string metric;  ///< output dataset without the leading '/', e.g. "years/cost_per_case_yuan"
  std::string arm;
  std::string against_arm;             ///< when set: the paired difference arm − against_arm, replicate by replicate
  std::optional<int> year;             ///< 1-based reported year, for metrics over years
  std::optional<int> from_year;        ///< when set: the change from this year to `year`
  bool relative = false;               ///< changes and differences as ratios − 1 instead of differences
  std::vector<std::string> hospitals;  ///< subset of the hospital axis (empty: all hospitals)
  std::string weight_by;               ///< metric weighting the hospitals' values (empty: plain mean)
  std::optional<double> value;
  Direction direction = Direction::None;
  double tolerance = 0;
  double weight = 1;  ///< 0: reported only (out of sample)
  config::SourceLocation where;
  std::string key_path;  ///< "targets[i]"
  /// Whether the target enters the distance the search minimises.
  bool fitted() const { return weight > 0; }
};

/// How the search proceeds (docs/calibration.md: Calibration to targets has the algorithm).
struct SearchSettings {
  int initial_points = 20;     ///< Latin hypercube size
  int max_trials = 200;        ///< evaluated parameter points in all, the initial design included
  int refine_starts = 2;       ///< Nelder–Mead simplices started from the best initial points
  double initial_step = 0.15;  ///< simplex edge, as a share of each parameter's (transformed) range
  double min_step = 0.005;     ///< a simplex smaller than this (same units) has converged
  std::uint64_t seed = 1;      ///< of the Latin hypercube
};

/// A parsed, validated fit file.
struct FitSpec {
  experiment::ExperimentSpec experiment;  ///< the arms every trial runs (no `vary`)
  std::vector<Parameter> parameters;
  std::vector<Target> targets;
  SearchSettings search;
};

/// The declarations of the fit format (for validation and `reformsim schema fit`).
config::SpecPtr fit_spec_declaration();

/// True when a loaded YAML tree is a fit file (it has `targets`).
bool is_fit(const config::Node& root);

/// Loads and validates a fit file; errors (file, line, key path) go to `errors`. Checks that need the model's
/// outputs (metric names, years, hospitals) are made later, by resolve_targets().
FitSpec load_fit(const std::string& path, config::ErrorList& errors);

/// A parameter's value at unit coordinate u ∈ [0, 1], rounded to the precision the best-fit file records
/// (6 significant digits; integers for integer parameters), so a trial runs exactly what that file reproduces.
double parameter_value(const Parameter& p, double u);

/// The text a value is recorded with (the inverse of parsing it).
std::string parameter_text(const Parameter& p, double value);

}  // namespace reformsim::fit
