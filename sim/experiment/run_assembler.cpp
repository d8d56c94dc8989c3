#include "sim/experiment/run_assembler.hpp"

#include "sim/experiment/parallel_runner.hpp"

namespace reformsim::experiment {

namespace {

std::size_t completed_in_journal(const RunJournal& journal, RunSelection selection) {
  std::size_t n = 0;
  for (std::size_t id = selection.first; id < selection.end; ++id) n += journal.status(id) == RunStatus::complete;
  return n;
}

}  // namespace

RunAssembler::RunAssembler(const std::vector<RunPlan>& plans, RunSelection selection, RunJournal& journal,
                           OnError policy, bool progress, Deliver deliver)
    : plans_(plans),
      selection_(selection),
      journal_(journal),
      policy_(policy),
      deliver_(std::move(deliver)),
      next_(selection.first),
      reused_(completed_in_journal(journal, selection)),
      progress_(selection.size(), progress, reused_) {}

std::vector<std::size_t> RunAssembler::runs_to_compute() const {
  std::vector<std::size_t> to_compute;
  for (std::size_t id = selection_.first; id < selection_.end; ++id) {
    // A failure recorded by an earlier attempt is computed again: its cause may have been the machine (memory, a
    // signal), and a deterministic failure simply fails again and is recorded again.
    if (journal_.status(id) != RunStatus::complete) to_compute.push_back(id);
  }
  return to_compute;
}

bool RunAssembler::accept(RunOutcome&& outcome) {
  ++computed_;
  if (outcome.status == RunStatus::failed && policy_ == OnError::stop) {
    // Not journaled: a resume tries it again (the cause may have been the machine, not the run).
    if (!stopped_by_) stopped_by_ = outcome.message;
    progress_.report(reused_ + computed_);
    return false;
  }
  journal_.append(outcome);
  const std::size_t id = outcome.run_id;
  waiting_.emplace(id, std::move(outcome));
  if (!stopped_by_) deliver_ready();
  progress_.report(reused_ + computed_);
  return !stopped_by_;
}

void RunAssembler::deliver_ready() {
  while (next_ < selection_.end) {
    RunOutcome outcome;
    const auto it = waiting_.find(next_);
    if (it != waiting_.end()) {
      outcome = std::move(it->second);
      waiting_.erase(it);
    } else if (journal_.status(next_) == RunStatus::complete) {
      // Held by the journal but not computed here: recorded by an earlier attempt.
      outcome = journal_.read(next_);
    } else {
      return;
    }
    if (outcome.status == RunStatus::failed) {
      ++failed_;
      if (policy_ == OnError::stop) {
        stopped_by_ = outcome.message;
        return;
      }
    }
    deliver_(plans_[next_], outcome);
    ++next_;
  }
}

void RunAssembler::finish() {
  if (!stopped_by_) deliver_ready();
  if (stopped_by_) throw RunFailure(*stopped_by_);
  if (next_ != selection_.end)
    throw RunFailure("run " + std::to_string(next_) + " was never computed (the runs stopped early)");
}

}  // namespace reformsim::experiment
