#pragma once
// The experiment's HDF5 file: /meta, /axes, /runs, and one dataset per declared metric, rows
// appended as runs finish. Written under a temporary name and renamed only by commit().
#include <memory>
#include <string>
#include <vector>

#include "sim/config/sha256.hpp"
#include "sim/experiment/experiment_identity.hpp"
#include "sim/experiment/experiment_spec.hpp"
#include "sim/experiment/output_layout.hpp"
#include "sim/experiment/projection.hpp"
#include "sim/experiment/run_outcome.hpp"
#include "sim/experiment/run_plan.hpp"
#include "sim/experiment/summary_table.hpp"

namespace reformsim::output {
class Hdf5Writer;
}

namespace reformsim::experiment {

/// Facts about the invocation stored in /meta.
struct RunContext {
  std::string command_line;
  std::vector<std::string> resolved_scenarios;  ///< validated scenario YAML per scenario tree
  ExperimentIdentity identity;                  ///< content hashes and the runs this file covers
  std::vector<HeadlineMetric> headline;         ///< the printed table's rows, recorded for the analysis tools
};

/// Tool version and git revision compiled into the binary.
std::string tool_version();
std::string git_revision();

/// Writer of one experiment's results.
class ResultsFile {
 public:
  /// Creates the temporary file and every dataset; throws output::OutputError when it cannot.
  ResultsFile(const std::string& path, const ExperimentSpec& spec, const ExpandedExperiment& experiment,
              const OutputLayout& layout, const RunContext& context);
  ~ResultsFile();
  ResultsFile(const ResultsFile&) = delete;
  ResultsFile& operator=(const ResultsFile&) = delete;
  /// Appends one finished run (runs must arrive in run_id order); a failed run's metric rows are NaN.
  void append(const RunPlan& plan, const RunOutcome& outcome);
  /// Writes the cross-run projection (/projection/*) once every run has been appended.
  void write_projection(const Projection& projection);
  /// Writes /meta/results_sha256 (the digest of every run's outcome in run order: equal for equal results, however
  /// they were computed, sliced or merged), flushes, closes and renames the file to its final name. Without it the
  /// file is deleted.
  void commit();

 private:
  std::unique_ptr<output::Hdf5Writer> writer_;
  const ExperimentSpec& spec_;
  const OutputLayout& layout_;
  const DesignTable& design_;
  std::vector<bool> is_count_;  // per layout metric: stored as whole numbers
  config::Sha256 results_digest_;
  std::size_t failed_ = 0;
};

}  // namespace reformsim::experiment
