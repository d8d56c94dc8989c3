#include "sim/experiment/progress.hpp"

#include <cstdio>

namespace reformsim::experiment {

Progress::Progress(std::size_t total, bool enabled, std::size_t already_done)
    : total_(total), enabled_(enabled), already_done_(already_done), start_(Clock::now()) {}

void Progress::report(std::size_t done) {
  if (!enabled_) return;
  const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
  if (done != total_ && elapsed - last_print_ < 1.0) return;
  last_print_ = elapsed;
  const std::size_t computed = done > already_done_ ? done - already_done_ : 0;
  const double eta = computed > 0 ? elapsed / static_cast<double>(computed) * static_cast<double>(total_ - done) : 0.0;
  if (already_done_ > 0) {
    std::fprintf(stderr, "runs %zu/%zu done (%zu from the journal), elapsed %.1f s, ETA %.1f s\n", done, total_,
                 already_done_, elapsed, eta);
  } else {
    std::fprintf(stderr, "runs %zu/%zu done, elapsed %.1f s, ETA %.1f s\n", done, total_, elapsed, eta);
  }
}

}  // namespace reformsim::experiment
