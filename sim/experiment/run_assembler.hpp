#pragma once
// From runs finishing in any order (threads, MPI ranks, a journal from an earlier attempt) to the results file's
// stream in run order. Every outcome computed here is journaled (synced to disk) the moment it arrives, before it
// waits for its turn, so a crash loses only the runs still computing; runs the journal already held are read back
// from it when their turn comes instead of being computed again.
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/experiment/experiment_identity.hpp"
#include "sim/experiment/progress.hpp"
#include "sim/experiment/run_journal.hpp"
#include "sim/experiment/run_outcome.hpp"
#include "sim/experiment/run_plan.hpp"

namespace reformsim::experiment {

/// What a failed run does to the experiment.
enum class OnError {
  stop,      ///< no further runs start; the experiment fails (finished runs stay in the journal for --resume)
  continue_  ///< the failure is recorded in /runs (status, message) and the other runs go on
};

/// Orders, journals and delivers the runs of one selection.
class RunAssembler {
 public:
  using Deliver = std::function<void(const RunPlan&, const RunOutcome&)>;
  /// `journal` may already hold runs (a resume); `deliver` receives every run of `selection` once, in run order.
  RunAssembler(const std::vector<RunPlan>& plans, RunSelection selection, RunJournal& journal, OnError policy,
               bool progress, Deliver deliver);
  /// Indices into the plans of the runs the journal does not hold yet, in run order.
  std::vector<std::size_t> runs_to_compute() const;
  /// Takes one finished run (callers serialise calls); false when no further run should start.
  bool accept(RunOutcome&& outcome);
  /// Once nothing computes any more: delivers what is left from the journal. Throws RunFailure when a run failed
  /// under OnError::stop, or when a run of the selection never arrived.
  void finish();
  std::size_t failed() const { return failed_; }
  std::size_t computed() const { return computed_; }
  std::size_t reused() const { return reused_; }

 private:
  void deliver_ready();
  const std::vector<RunPlan>& plans_;
  RunSelection selection_;
  RunJournal& journal_;
  OnError policy_;
  Deliver deliver_;
  std::map<std::size_t, RunOutcome> waiting_;  ///< computed, by run id, until their turn
  std::size_t next_ = 0;                       ///< run id delivered next
  std::size_t reused_ = 0;
  std::size_t computed_ = 0;
  std::size_t failed_ = 0;
  std::optional<std::string> stopped_by_;  ///< the failure that stopped the experiment
  Progress progress_;
};

}  // namespace reformsim::experiment
