#pragma once
// The experiment's HDF5 file: /meta, /axes, /runs, and one dataset per declared metric, rows
// appended as runs finish. Written under a temporary name and renamed only by commit().
#include <memory>
#include <string>
#include <vector>

#include "sim/experiment/experiment_spec.hpp"
#include "sim/experiment/output_layout.hpp"
#include "sim/experiment/projection.hpp"
#include "sim/experiment/run_plan.hpp"

namespace reformsim::output {
class Hdf5Writer;
}

namespace reformsim::experiment {

/// Facts about the invocation stored in /meta.
struct RunContext {
  std::string command_line;
  std::vector<std::string> resolved_scenarios;  ///< validated scenario YAML per scenario tree
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
  /// Appends one finished run (runs must arrive in run_id order).
  void append(const RunPlan& plan, const RunValues& values);
  /// Writes the cross-run projection (/projection/*) once every run has been appended.
  void write_projection(const Projection& projection);
  /// Flushes, closes and renames the file to its final name. Without it the file is deleted.
  void commit();

 private:
  std::unique_ptr<output::Hdf5Writer> writer_;
  const ExperimentSpec& spec_;
  const OutputLayout& layout_;
};

}  // namespace reformsim::experiment
