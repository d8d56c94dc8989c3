#include "sim/experiment/parallel_runner.hpp"

#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>

#include "sim/experiment/progress.hpp"

namespace reformsim::experiment {

std::optional<std::size_t> RunDispenser::next() {
  const std::size_t i = next_.fetch_add(1);
  if (i >= runs_.size()) return std::nullopt;
  return runs_[i];
}

std::string describe_failure(const RunPlan& plan, const std::string& why) {
  return "run " + std::to_string(plan.run_id) + " (arm '" + plan.arm + "', replicate " +
         std::to_string(plan.replicate) + ") failed: " + why;
}

namespace {

// The run ids REFORMSIM_FAIL_RUNS lists (read once; malformed entries are ignored, as the hook is for tests).
const std::set<std::size_t>& injected_failures() {
  static const std::set<std::size_t> ids = [] {
    std::set<std::size_t> out;
    const char* text = std::getenv("REFORMSIM_FAIL_RUNS");
    std::string item;
    for (const char* c = text ? text : "";; ++c) {
      if (*c == ',' || *c == '\0') {
        if (!item.empty() && item.size() < 19 && item.find_first_not_of("0123456789") == std::string::npos)
          out.insert(std::stoull(item));
        item.clear();
        if (*c == '\0') break;
      } else {
        item += *c;
      }
    }
    return out;
  }();
  return ids;
}

}  // namespace

RunOutcome compute_one(const RunPlan& plan, const Model& model) {
  RunOutcome outcome;
  outcome.run_id = plan.run_id;
  try {
    if (injected_failures().count(plan.run_id) > 0) throw std::runtime_error("failure injected by REFORMSIM_FAIL_RUNS");
    outcome.values = model.run(plan);
  } catch (const std::exception& e) {
    outcome.status = RunStatus::failed;
    outcome.message = describe_failure(plan, e.what());
    outcome.values = {};
  } catch (...) {
    outcome.status = RunStatus::failed;
    outcome.message = describe_failure(plan, "an exception of unknown type");
    outcome.values = {};
  }
  return outcome;
}

void compute_runs(const std::vector<RunPlan>& plans, RunDispenser& dispenser, const Model& model, int threads,
                  const std::function<void(RunOutcome&&)>& on_finished) {
  const int workers = threads > 0 ? threads : tbb::info::default_concurrency();
  std::mutex mutex;
  // Workers last touched this frame under the mutex; taking it once more after the join (also when an exception is
  // on its way out) makes their writes visible to ThreadSanitizer, which cannot see the join inside (uninstrumented)
  // oneTBB, before the frame is destroyed on this thread.
  struct JoinVisible {
    std::mutex& mutex;
    ~JoinVisible() { const std::lock_guard<std::mutex> joined(mutex); }
  };
  const JoinVisible join_visible{mutex};
  tbb::task_arena arena(workers);
  arena.execute([&] {
    tbb::parallel_for(0, workers, [&](int) {
      const JoinVisible worker_done{mutex};  // everything this worker read of this frame comes before the join
      for (std::optional<std::size_t> i = dispenser.next(); i; i = dispenser.next()) {
        RunOutcome outcome = compute_one(plans[*i], model);
        const std::lock_guard<std::mutex> lock(mutex);
        try {
          on_finished(std::move(outcome));
        } catch (...) {
          dispenser.stop();
          throw;
        }
      }
    });
  });
}

void run_all(const std::vector<RunPlan>& plans, const Model& model, const RunnerOptions& options,
             const std::function<void(const RunPlan&, RunValues&&)>& on_complete) {
  std::vector<std::size_t> all(plans.size());
  for (std::size_t i = 0; i < plans.size(); ++i) all[i] = i;
  RunDispenser dispenser(std::move(all));
  std::map<std::size_t, RunValues> finished;  // by index into plans, until their turn comes
  std::size_t next_to_hand_over = 0;
  Progress progress(plans.size(), options.progress);
  std::map<std::size_t, std::size_t> index_of_run;
  for (std::size_t i = 0; i < plans.size(); ++i) index_of_run[plans[i].run_id] = i;
  compute_runs(plans, dispenser, model, options.threads, [&](RunOutcome&& outcome) {
    if (outcome.status == RunStatus::failed) throw RunFailure(outcome.message);
    finished.emplace(index_of_run.at(outcome.run_id), std::move(outcome.values));
    for (auto it = finished.begin(); it != finished.end() && it->first == next_to_hand_over; it = finished.erase(it)) {
      on_complete(plans[next_to_hand_over], std::move(it->second));
      ++next_to_hand_over;
      progress.report(next_to_hand_over);
    }
  });
}

}  // namespace reformsim::experiment
