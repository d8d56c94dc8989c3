#pragma once
// A finished results file read back as run outcomes — one part of an experiment run with `--runs`/`--shard`, for
// `reformsim merge`. Checked as it is read: the file must be committed (it has /meta/results_sha256), hold
// consecutive run ids, and the outcomes read must hash to the digest it recorded.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/config/sha256.hpp"
#include "sim/experiment/experiment_identity.hpp"
#include "sim/experiment/output_layout.hpp"
#include "sim/experiment/run_outcome.hpp"

namespace reformsim::output {
class Hdf5Reader;
}

namespace reformsim::experiment {

/// One results file of a sliced experiment.
class ResultsPart {
 public:
  /// Opens `path` and reads its identity and run table; output::InputFileError when it is not a finished results
  /// file of reformsim.
  explicit ResultsPart(const std::string& path);
  ~ResultsPart();
  ResultsPart(ResultsPart&&) noexcept;
  ResultsPart& operator=(ResultsPart&&) noexcept;
  const std::string& path() const { return path_; }
  const ExperimentIdentity& identity() const { return identity_; }
  /// The experiment file, seed, replicates and sampled design's size it was run with (to rebuild the experiment).
  const std::string& experiment_file() const { return experiment_file_; }
  std::uint64_t seed() const { return seed_; }
  int replicates() const { return replicates_; }
  /// lhs points, sobol base samples or morris trajectories; nothing for a grid or a design file.
  std::optional<std::size_t> design_samples() const { return design_samples_; }
  /// The outcomes of its runs `first` .. `first + count - 1` (run ids), each metric as `layout` declares it.
  std::vector<RunOutcome> read(const OutputLayout& layout, std::size_t first, std::size_t count) const;
  /// Throws output::InputFileError unless every outcome read so far, in order, hashes to the recorded digest
  /// (call after reading all its runs in order).
  void check_digest() const;

 private:
  std::string path_;
  std::unique_ptr<output::Hdf5Reader> file_;
  ExperimentIdentity identity_;
  std::string experiment_file_;
  std::uint64_t seed_ = 0;
  int replicates_ = 1;
  std::optional<std::size_t> design_samples_;
  std::vector<std::string> status_;
  std::vector<std::string> message_;
  std::vector<double> events_;
  std::string recorded_digest_;
  mutable config::Sha256 digest_;  ///< of the outcomes read so far
};

}  // namespace reformsim::experiment
