#include "sim/experiment/parallel_runner.hpp"

#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <optional>

namespace reformsim::experiment {

namespace {

class Progress {
 public:
  Progress(std::size_t total, bool enabled) : total_(total), enabled_(enabled), start_(Clock::now()) {}
  void report(std::size_t done) {
    if (!enabled_) return;
    const double elapsed = seconds_since(start_);
    // At most a few lines per second, and always the last one.
    if (done != total_ && elapsed - last_print_ < 1.0) return;
    last_print_ = elapsed;
    const double eta = done > 0 ? elapsed / static_cast<double>(done) * static_cast<double>(total_ - done) : 0.0;
    std::fprintf(stderr, "runs %zu/%zu done, elapsed %.1f s, ETA %.1f s\n", done, total_, elapsed, eta);
  }

 private:
  using Clock = std::chrono::steady_clock;
  static double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
  std::size_t total_;
  bool enabled_;
  Clock::time_point start_;
  double last_print_ = -1.0;
};

}  // namespace

void run_all(const std::vector<RunPlan>& plans, const Model& model, const RunnerOptions& options,
             const std::function<void(const RunPlan&, RunValues&&)>& on_complete) {
  const int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  std::vector<std::optional<RunValues>> finished(plans.size());
  std::size_t next_to_hand_over = 0;
  std::mutex mutex;
  Progress progress(plans.size(), options.progress);
  // Workers last touched `finished` under the mutex; taking it once more after the join (also when a run failed and
  // its exception is on its way out) makes their writes visible to ThreadSanitizer, which cannot see the join inside
  // (uninstrumented) oneTBB, before `finished` is destroyed on this thread.
  struct JoinVisible {
    std::mutex& mutex;
    ~JoinVisible() { const std::lock_guard<std::mutex> joined(mutex); }
  };
  const JoinVisible join_visible{mutex};

  // Workers take runs in run order from a shared counter, so finished runs reach the writer nearly in order
  // (little buffering, steady progress) while the arena keeps every worker busy.
  std::atomic<std::size_t> next{0};
  tbb::task_arena arena(threads);
  arena.execute([&] {
    tbb::parallel_for(0, threads, [&](int) {
      const JoinVisible worker_done{mutex};  // everything this worker read of this frame comes before the join
      for (std::size_t i = next.fetch_add(1); i < plans.size(); i = next.fetch_add(1)) {
        RunValues values;
        try {
          values = model.run(plans[i]);
        } catch (const std::exception& e) {
          next.store(plans.size());  // stop handing out runs
          throw RunFailure("run " + std::to_string(plans[i].run_id) + " (arm '" + plans[i].arm + "', replicate " +
                           std::to_string(plans[i].replicate) + ") failed: " + e.what());
        }
        std::lock_guard<std::mutex> lock(mutex);
        finished[i] = std::move(values);
        while (next_to_hand_over < plans.size() && finished[next_to_hand_over]) {
          on_complete(plans[next_to_hand_over], std::move(*finished[next_to_hand_over]));
          finished[next_to_hand_over].reset();
          ++next_to_hand_over;
          progress.report(next_to_hand_over);
        }
      }
    });
  });
}

}  // namespace reformsim::experiment
