#pragma once
// An experiment over MPI ranks (Open MPI): rank 0 is the writer and also computes; every other rank asks rank 0 for
// runs, computes them on its own oneTBB arena and sends the outcomes back. Runs are handed out one at a time as ranks
// finish them (dynamic balance), and rank 0 puts them in run order, so the output is the same for any rank count.
// Only rank 0's main thread and each worker's main thread call MPI (MPI_THREAD_FUNNELED). Domain-free.
#include <functional>
#include <string>
#include <vector>

#include "sim/experiment/model.hpp"
#include "sim/experiment/parallel_runner.hpp"
#include "sim/experiment/run_outcome.hpp"

namespace reformsim::mpi {

/// Whether this build can use MPI at all.
bool available();

/// Whether this process was started by mpirun/mpiexec (so MPI must be initialised); false in a plain start, which
/// then never touches MPI.
bool launched_by_mpirun();

/// MPI_Init_thread … MPI_Finalize for the life of the object.
class Session {
 public:
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }
  /// True on every rank only when `ok` is true on every rank.
  bool all(bool ok) const;
  /// Rank 0's `value` on every rank.
  bool broadcast(bool value) const;
  /// On rank 0: the ranks whose `text` differs from rank 0's (every rank must call it).
  std::vector<int> ranks_differing(const std::string& text) const;

 private:
  int rank_ = 0;
  int size_ = 1;
};

/// Rank 0: computes runs from `dispenser` on `threads` local workers while serving the other ranks; each outcome
/// (local or remote) goes to `on_finished`, never concurrently. When it throws, nothing more is handed out, the
/// other ranks are released and the exception is rethrown here.
void coordinate(const Session& session, const std::vector<experiment::RunPlan>& plans,
                experiment::RunDispenser& dispenser, const experiment::Model& model, int threads,
                const std::function<void(experiment::RunOutcome&&)>& on_finished);

/// Any other rank: computes the runs rank 0 hands out on `threads` workers until rank 0 says stop.
void serve(const Session& session, const std::vector<experiment::RunPlan>& plans, const experiment::Model& model,
           int threads);

}  // namespace reformsim::mpi
