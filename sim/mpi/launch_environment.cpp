// Read in every build, with or without MPI: a binary without MPI started by mpirun must notice and refuse, or every
// rank would run the whole experiment into the same file.
#include <cstdlib>

#include "sim/mpi/mpi_runs.hpp"

namespace reformsim::mpi {

bool launched_by_mpirun() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMIX_RANK") != nullptr ||
         std::getenv("PMI_RANK") != nullptr;
}

}  // namespace reformsim::mpi
