#pragma once
// Morris (1991, Technometrics 33, 161–174) elementary effects screening from one-at-a-time trajectories, with the
// mean absolute effect μ* of Campolongo, Cariboni & Saltelli (2007, Environ. Model. Softw. 22, 1509–1518) and a
// percentile bootstrap interval for μ* over trajectories.
#include <cstddef>
#include <vector>

#include "sim/analysis/bootstrap.hpp"

namespace reformsim::analysis {

/// Elementary-effect summaries of each factor, in factor order.
struct MorrisEffects {
  std::vector<Interval> mu_star;  ///< μ*: mean |elementary effect|, the factor's overall importance
  std::vector<double> mu;         ///< μ: mean elementary effect (signed; effects of opposite sign cancel)
  std::vector<double> sigma;      ///< σ: sample standard deviation of the effects (NaN with one trajectory)
  std::size_t trajectories = 0;   ///< number of trajectories r
};

/// Effects from design points `x_unit` (rows, unit-cube coordinates, `factors` = D columns) and their outputs `y`.
/// Trajectories are consecutive blocks of D+1 points, each consecutive pair differing in exactly one factor; the
/// effect of that step is (y_{s+1} - y_s) / (x_{s+1,j} - x_{s,j}). std::invalid_argument when sizes mismatch,
/// the points are not a multiple of D+1, or a step changes zero or several factors (naming trajectory and step).
MorrisEffects morris_effects(const std::vector<std::vector<double>>& x_unit, const std::vector<double>& y,
                             std::size_t factors, const BootstrapSettings& settings);

}  // namespace reformsim::analysis
