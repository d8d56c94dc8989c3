#pragma once
// Points in the unit cube for the sampled experiment designs (docs/experiments.md: Research designs): Latin hypercubes improved
// by the maximin criterion, Sobol' sequences arranged as Saltelli's A, AB and B matrices, and Morris trajectories.
// Every design is a function of its sizes and seed alone, so the same experiment expands to the same runs anywhere.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace reformsim::experiment {

/// Rows are design points, columns factors, every coordinate in [0, 1].
using UnitPoints = std::vector<std::vector<double>>;

/// The best of `candidates` seeded Latin hypercubes by the maximin criterion (largest smallest distance between
/// two points; Johnson, Moore & Ylvisaker 1990); one candidate is the plain hypercube.
UnitPoints maximin_latin_hypercube(std::size_t n, std::size_t d, std::size_t candidates, std::uint64_t seed);

/// The first `n` points of the 2d-dimensional Sobol' sequence (Joe & Kuo direction numbers, as Boost.Random ships
/// them) with a seeded random digital shift (Owen 2003: it keeps the sequence's balance and removes the all-zero
/// point), laid out as Saltelli (2010) prescribes: for each row i, A_i, then AB_i^(j) for j = 1..d (A_i with
/// column j taken from B_i), then B_i, where A and B are the sequence's first and last d coordinates. n(d + 2)
/// points.
UnitPoints saltelli_points(std::size_t n, std::size_t d, std::uint64_t seed);

/// `trajectories` Morris (1991) trajectories of d + 1 points each on a grid of `levels` levels (even, ≥ 2): a base
/// point drawn uniformly from the grid, then each factor in a random order moved by Δ = levels / (2 (levels − 1)),
/// up where that stays in [0, 1], down otherwise. Consecutive points of a trajectory differ in one factor.
UnitPoints morris_trajectories(std::size_t trajectories, std::size_t d, int levels, std::uint64_t seed);

}  // namespace reformsim::experiment
