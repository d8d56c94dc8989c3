#include "sim/mpi/mpi_runs.hpp"

#include <mpi.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>

#include <chrono>
#include <cstdio>
#include <deque>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "sim/config/sha256.hpp"

namespace reformsim::mpi {

namespace {

// Messages between rank 0 and a worker rank.
enum Tag : int {
  kRequest = 1,   // worker → 0: one more run, please (opens a slot)
  kResult = 2,    // worker → 0: an encoded outcome (and, implicitly, a request for the next run)
  kFinished = 3,  // worker → 0: every slot closed, every result sent
  kRun = 4,       // 0 → worker: an unsigned long long index into the plans
  kStop = 5,      // 0 → worker: no more runs (closes a slot)
};

// Rank 0 waits for messages between its own runs: polling with a short sleep keeps its main thread off the CPU its
// computing threads need (a blocking receive in Open MPI spins at 100%).
void idle() { std::this_thread::sleep_for(std::chrono::microseconds(200)); }

void send_run_or_stop(experiment::RunDispenser& dispenser, int to, bool& stopped) {
  const std::optional<std::size_t> next = stopped ? std::nullopt : dispenser.next();
  if (next) {
    const unsigned long long index = *next;
    MPI_Send(&index, 1, MPI_UNSIGNED_LONG_LONG, to, kRun, MPI_COMM_WORLD);
  } else {
    MPI_Send(nullptr, 0, MPI_BYTE, to, kStop, MPI_COMM_WORLD);
  }
}

}  // namespace

bool available() { return true; }

Session::Session() {
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  if (provided < MPI_THREAD_FUNNELED) {
    // Worker threads run beside the thread that calls MPI; an MPI library that cannot allow it is unusable here.
    if (rank_ == 0) std::fprintf(stderr, "reformsim run: this MPI library does not support MPI_THREAD_FUNNELED\n");
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
}

Session::~Session() { MPI_Finalize(); }

bool Session::all(bool ok) const {
  int mine = ok ? 1 : 0;
  int every = 0;
  MPI_Allreduce(&mine, &every, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  return every == 1;
}

bool Session::broadcast(bool value) const {
  int v = value ? 1 : 0;
  MPI_Bcast(&v, 1, MPI_INT, 0, MPI_COMM_WORLD);
  return v == 1;
}

std::vector<int> Session::ranks_differing(const std::string& text) const {
  const std::string digest = config::sha256_hex(text);  // 64 characters on every rank
  std::vector<char> all(rank_ == 0 ? digest.size() * static_cast<std::size_t>(size_) : 0);
  MPI_Gather(digest.data(), static_cast<int>(digest.size()), MPI_CHAR, all.data(), static_cast<int>(digest.size()),
             MPI_CHAR, 0, MPI_COMM_WORLD);
  std::vector<int> differing;
  for (int r = 1; rank_ == 0 && r < size_; ++r) {
    if (std::string(all.data() + digest.size() * static_cast<std::size_t>(r), digest.size()) != digest)
      differing.push_back(r);
  }
  return differing;
}

void coordinate(const Session& session, const std::vector<experiment::RunPlan>& plans,
                experiment::RunDispenser& dispenser, const experiment::Model& model, int threads,
                const std::function<void(experiment::RunOutcome&&)>& on_finished) {
  std::mutex mutex;  // one on_finished at a time, local or remote
  std::exception_ptr failure;
  bool stopped = false;  // under the mutex: after a failure, hand out nothing more
  auto finished = [&](experiment::RunOutcome&& outcome) {
    const std::lock_guard<std::mutex> lock(mutex);
    if (failure) return;  // results after a failure are dropped; the experiment is failing
    try {
      on_finished(std::move(outcome));
    } catch (...) {
      failure = std::current_exception();
      stopped = true;
      dispenser.stop();
    }
  };
  std::exception_ptr local_failure;
  std::thread local([&] {
    try {
      experiment::compute_runs(plans, dispenser, model, threads, finished);
    } catch (...) {
      local_failure = std::current_exception();
    }
  });

  int finished_workers = 0;
  std::string buffer;
  while (finished_workers < session.size() - 1) {
    int waiting = 0;
    MPI_Status status{};
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &waiting, &status);
    if (!waiting) {
      idle();
      continue;
    }
    int bytes = 0;
    MPI_Get_count(&status, MPI_BYTE, &bytes);
    buffer.resize(static_cast<std::size_t>(bytes));
    MPI_Recv(buffer.data(), bytes, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (status.MPI_TAG == kFinished) {
      ++finished_workers;
      continue;
    }
    if (status.MPI_TAG == kResult) {
      std::optional<experiment::RunOutcome> outcome = experiment::decode_outcome(buffer);
      if (!outcome) {
        const std::lock_guard<std::mutex> lock(mutex);
        if (!failure)
          failure = std::make_exception_ptr(
              std::runtime_error("rank " + std::to_string(status.MPI_SOURCE) + " sent a damaged result"));
        stopped = true;
        dispenser.stop();
      } else {
        finished(std::move(*outcome));
      }
    }
    bool stop_now = false;
    {
      const std::lock_guard<std::mutex> lock(mutex);
      stop_now = stopped;
    }
    send_run_or_stop(dispenser, status.MPI_SOURCE, stop_now);
  }
  local.join();
  if (failure) std::rethrow_exception(failure);
  if (local_failure) std::rethrow_exception(local_failure);
}

namespace {
void serve_runs(const std::vector<experiment::RunPlan>& plans, const experiment::Model& model, int threads);
}  // namespace

void serve(const Session& session, const std::vector<experiment::RunPlan>& plans, const experiment::Model& model,
           int threads) {
  (void)session;
  try {
    serve_runs(plans, model, threads);
  } catch (const std::exception& e) {
    // Rank 0 is waiting for this rank's runs and would wait forever: end the whole job.
    std::fprintf(stderr, "reformsim run: a worker rank failed: %s\n", e.what());
    MPI_Abort(MPI_COMM_WORLD, 1);
  } catch (...) {
    std::fprintf(stderr, "reformsim run: a worker rank failed\n");
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
}

namespace {

void serve_runs(const std::vector<experiment::RunPlan>& plans, const experiment::Model& model, int threads) {
  const int slots = threads > 0 ? threads : tbb::info::default_concurrency();
  // No slot is reserved for this thread: it stays in the message loop, so the arena's own worker threads must run
  // every task (with the default one reserved slot, `--threads 1` would never start a run). oneTBB caps its workers
  // at the cores this process may use minus one, and mpirun binds a rank to one core when it starts two or fewer,
  // which would leave no worker at all: the cap is raised to the slots asked for (the message loop mostly sleeps).
  const tbb::global_control workers(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(slots) + 1);
  tbb::task_arena arena(slots, 0);
  tbb::task_group group;
  std::mutex mutex;
  std::deque<experiment::RunOutcome> done;  // computed, not yet sent
  int open_slots = slots;
  int running = 0;
  for (int s = 0; s < slots; ++s) MPI_Send(nullptr, 0, MPI_BYTE, 0, kRequest, MPI_COMM_WORLD);
  while (open_slots > 0 || running > 0) {
    bool busy = false;
    int waiting = 0;
    MPI_Status status{};
    MPI_Iprobe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &waiting, &status);
    if (waiting) {
      busy = true;
      if (status.MPI_TAG == kRun) {
        unsigned long long index = 0;
        MPI_Recv(&index, 1, MPI_UNSIGNED_LONG_LONG, 0, kRun, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (index >= plans.size()) throw std::logic_error("rank 0 handed out a run this rank does not know");
        ++running;
        arena.execute([&, index] {
          group.run([&, index] {
            experiment::RunOutcome outcome = experiment::compute_one(plans[index], model);
            const std::lock_guard<std::mutex> lock(mutex);
            done.push_back(std::move(outcome));
          });
        });
      } else {
        MPI_Recv(nullptr, 0, MPI_BYTE, 0, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        --open_slots;  // kStop
      }
    }
    std::deque<experiment::RunOutcome> to_send;
    {
      const std::lock_guard<std::mutex> lock(mutex);
      to_send.swap(done);
    }
    for (const experiment::RunOutcome& outcome : to_send) {
      busy = true;
      --running;
      const std::string bytes = experiment::encode_outcome(outcome);
      MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, 0, kResult, MPI_COMM_WORLD);
    }
    if (!busy) idle();
  }
  arena.execute([&] { group.wait(); });
  MPI_Send(nullptr, 0, MPI_BYTE, 0, kFinished, MPI_COMM_WORLD);
}

}  // namespace

}  // namespace reformsim::mpi
