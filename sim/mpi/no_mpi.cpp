// Stand-ins used when the build has no MPI: a plain start never needs MPI, and a start under mpirun is refused by
// the caller (available() is false) before any of the rest is reached.
#include <stdexcept>

#include "sim/mpi/mpi_runs.hpp"

namespace reformsim::mpi {

bool available() { return false; }

Session::Session() { throw std::logic_error("this reformsim was built without MPI"); }
Session::~Session() = default;
bool Session::all(bool ok) const { return ok; }
bool Session::broadcast(bool value) const { return value; }
std::vector<int> Session::ranks_differing(const std::string&) const { return {}; }

void coordinate(const Session&, const std::vector<experiment::RunPlan>&, experiment::RunDispenser&,
                const experiment::Model&, int, const std::function<void(experiment::RunOutcome&&)>&) {
  throw std::logic_error("this reformsim was built without MPI");
}

void serve(const Session&, const std::vector<experiment::RunPlan>&, const experiment::Model&, int) {
  throw std::logic_error("this reformsim was built without MPI");
}

}  // namespace reformsim::mpi
