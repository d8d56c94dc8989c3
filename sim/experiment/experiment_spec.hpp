#pragma once
// An experiment file: a base scenario, named arms (overrides by key path), varied parameters and their design
// (grid, Latin hypercube, Sobol', Morris), replicates and a master seed. A plain scenario file runs as a one-arm
// experiment.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"
#include "sim/config/schema.hpp"
#include "sim/experiment/design.hpp"

namespace reformsim::experiment {

/// A named policy variant: key path → value overrides applied to the base scenario.
struct Arm {
  std::string name;
  std::vector<std::pair<std::string, config::Node>> overrides;
};

/// One varied parameter and its listed values (a grid runs every combination; a sampled design treats the list as a
/// categorical factor).
struct VaryAxis {
  std::string key_path;
  std::vector<config::Node> values;
};

/// A parsed, validated experiment description.
struct ExperimentSpec {
  std::string name;
  std::string source_file;  ///< the experiment (or scenario) file
  std::string source_text;  ///< its text, stored in the output's /meta
  std::string base_file;
  config::Node base_scenario;  ///< `extends:` resolved, not yet validated
  /// The scenario format's defaults (filled by whoever knows the format; null if unknown): `set:` paths into a
  /// list the base never wrote index into its default.
  config::Node scenario_defaults;
  /// The scenario format's declarations (null if unknown): ranges are checked against the declared bounds.
  config::SpecPtr scenario_spec;
  std::vector<Arm> arms;
  std::vector<VaryAxis> vary;
  std::vector<RangeFactor> ranges;  ///< sampled designs' numeric factors (before `vary`'s in the design's columns)
  DesignSettings design;
  DesignFile design_file;  ///< design: file
  int replicates = 1;
  std::uint64_t seed = 1;
  std::string reference_arm;  ///< arm that paired differences are taken against
};

/// The declarations of the experiment format (for validation and `reformsim schema`).
config::SpecPtr experiment_spec_declaration();

/// The keys every format built on an experiment shares (name, description, base, seed, replicates, arms).
std::vector<config::Field> experiment_common_fields();

/// Reads those keys of a validated file into `spec` and loads the base scenario (`extends:` resolved); false, with
/// the reason in `errors`, when the base cannot be opened.
bool read_experiment_common(const config::Node& checked, const std::string& path, ExperimentSpec& spec,
                            config::ErrorList& errors);

/// The whole text of a file (empty when it cannot be read), for the output's metadata.
std::string read_file_text(const std::string& path);

/// True when a loaded YAML tree is an experiment (it names a `base` scenario) rather than a scenario.
bool is_experiment(const config::Node& root);

/// Loads an experiment or a scenario file; errors (with file, line and key path) go to `errors`.
/// A scenario file becomes one arm named after the file with `replicates` replicates and `seed`.
ExperimentSpec load_experiment(const std::string& path, config::ErrorList& errors, int scenario_replicates = 1,
                               std::uint64_t scenario_seed = 1);

}  // namespace reformsim::experiment
