#pragma once
// The durable record of finished runs, `OUT.h5.journal`, kept beside the HDF5 file being written. HDF5 is not
// crash-safe (a file killed mid-write can be unreadable), so the journal is what survives: a header naming the
// experiment (its ExperimentIdentity), then one record per finished run in the order runs finish, each
// checksummed and synced to disk before the run counts as done. A record torn by a crash fails its checksum and is
// ignored; `--resume` re-reads the journal, skips the runs it holds and rebuilds the HDF5 file from it.
//
// Layout (little-endian): "RSJRNL01", u64 header size, header (ExperimentIdentity::to_text()), 64-hex SHA-256 of
// the header; then records: u32 0x314e5552 ("RUN1"), u64 payload size, payload (encode_outcome()), 64-hex SHA-256
// of the payload.
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>

#include "sim/experiment/experiment_identity.hpp"
#include "sim/experiment/run_outcome.hpp"

namespace reformsim::experiment {

/// Thrown when a journal cannot be resumed (another experiment, unreadable header); the message says why.
struct JournalMismatch : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// An open run journal.
class RunJournal {
 public:
  /// Starts a new journal at `path` (replacing any old one) for `identity`; throws output::OutputError.
  static RunJournal create(const std::string& path, const ExperimentIdentity& identity);
  /// Opens the journal at `path` to continue it: throws JournalMismatch when it was written for another identity
  /// (every difference named) and output::OutputError when it cannot be read; a torn tail is cut off. A journal that
  /// does not exist yet is created (nothing to skip).
  static RunJournal resume(const std::string& path, const ExperimentIdentity& identity);
  RunJournal(RunJournal&& other) noexcept;
  RunJournal& operator=(RunJournal&& other) noexcept;
  RunJournal(const RunJournal&) = delete;
  RunJournal& operator=(const RunJournal&) = delete;
  ~RunJournal();

  /// Appends one finished run and syncs it to disk; a later record of the same run replaces an earlier one.
  void append(const RunOutcome& outcome);
  /// The status recorded for `run_id`, if any.
  std::optional<RunStatus> status(std::size_t run_id) const;
  /// The outcome recorded for `run_id` (read back from the file); throws output::OutputError if it cannot be read.
  RunOutcome read(std::size_t run_id) const;
  /// Number of runs recorded.
  std::size_t size() const { return index_.size(); }
  /// Records found intact when the journal was resumed, and bytes cut off its end (a record torn by a crash).
  std::size_t records_resumed() const { return records_resumed_; }
  std::size_t bytes_cut() const { return bytes_cut_; }
  /// Closes and deletes the file (after the results it holds have been published elsewhere).
  void remove();
  const std::string& path() const { return path_; }

 private:
  struct Entry {
    std::size_t offset = 0;  ///< of the payload
    std::size_t size = 0;
    RunStatus status = RunStatus::complete;
  };
  RunJournal(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::string path_;
  int fd_ = -1;
  std::size_t end_ = 0;  ///< where the next record goes
  std::unordered_map<std::size_t, Entry> index_;
  std::size_t records_resumed_ = 0;
  std::size_t bytes_cut_ = 0;
};

}  // namespace reformsim::experiment
