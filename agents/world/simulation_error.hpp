#pragma once
// A failure inside a run, with where in the simulation it happened: "day 412.3 (2025-02-16), month-end settlement
// of 2025-01: money not conserved: …". The experiment runner adds which run, arm and replicate it was.
#include <stdexcept>
#include <string>

namespace reformsim::agents {

/// Thrown by World::run when anything fails while the run is simulated.
class SimulationError : public std::runtime_error {
 public:
  SimulationError(const std::string& where, const std::string& what) : std::runtime_error(where + ": " + what) {}
};

}  // namespace reformsim::agents
