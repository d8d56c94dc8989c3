#pragma once
// What makes two invocations the same experiment: content hashes of the experiment and its expansion into runs, of
// the validated scenarios, of every input file read, and the binary's identity, plus which runs this invocation
// covers. Recorded in /meta and in the run journal; a resume or merge refuses anything that differs.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sim/config/input_file.hpp"
#include "sim/experiment/experiment_spec.hpp"
#include "sim/experiment/run_plan.hpp"

namespace reformsim::experiment {

/// A half-open range [first, end) of run ids: the runs one invocation computes (all of them by default).
struct RunSelection {
  std::size_t first = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - first; }
  bool operator==(const RunSelection&) const = default;
};

/// The identity of an experiment as one invocation ran it.
struct ExperimentIdentity {
  std::string experiment_sha256;  ///< experiment file text and its expansion (seeds, arms, points, replicates)
  std::string scenarios_sha256;   ///< every validated scenario, defaults filled
  std::vector<config::InputRecord> inputs;
  std::string tool_version;
  std::string git_revision;
  std::string binary_id;  ///< the executable's GNU build ID, or the SHA-256 of its file
  std::size_t total_runs = 0;
  RunSelection selection;

  /// A line-per-fact text form (the journal's header); from_text() reads it back.
  std::string to_text() const;
  static std::optional<ExperimentIdentity> from_text(const std::string& text);
  /// How `recorded` differs from this one, one sentence each ("the scenarios differ", "input 'x.csv' has changed");
  /// the selection is compared only when `compare_selection`.
  std::vector<std::string> differences_from(const ExperimentIdentity& recorded, bool compare_selection) const;
};

/// The identity of `experiment` with these validated scenarios, inputs read so far and this binary.
ExperimentIdentity identify(const ExperimentSpec& spec, const ExpandedExperiment& experiment,
                            const std::vector<std::string>& resolved_scenarios, RunSelection selection);

/// The running executable's identity (its GNU build ID note, else the SHA-256 of /proc/self/exe).
std::string binary_identity();

}  // namespace reformsim::experiment
