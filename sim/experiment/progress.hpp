#pragma once
// Progress of an experiment on stderr: runs done of the total, elapsed time and the ETA, a few lines a second at
// most and always the last one.
#include <chrono>
#include <cstddef>

namespace reformsim::experiment {

/// Prints "runs D/T done, elapsed E s, ETA X s" lines.
class Progress {
 public:
  /// `already_done` runs count as done from the start (read back from a journal) but not into the rate.
  Progress(std::size_t total, bool enabled, std::size_t already_done = 0);
  /// `done` runs are finished (including those already done).
  void report(std::size_t done);

 private:
  using Clock = std::chrono::steady_clock;
  std::size_t total_;
  bool enabled_;
  std::size_t already_done_;
  Clock::time_point start_;
  double last_print_ = -1.0;
};

}  // namespace reformsim::experiment
