#pragma once
// A Latin hypercube in the unit cube: each of the n points falls in a different one of n equal strata of every
// coordinate, at a uniform position within it (McKay, Beckman & Conover 1979).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace reformsim::experiment {

/// n points of dimension d (d may be 0: n empty points); the same seed gives the same design.
std::vector<std::vector<double>> latin_hypercube(std::size_t n, std::size_t d, std::uint64_t seed);

}  // namespace reformsim::experiment
