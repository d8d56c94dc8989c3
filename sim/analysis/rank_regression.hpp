#pragma once
// Rank-based sensitivity measures for arbitrary designs (Latin hypercube, grid, random): standardised rank
// regression coefficients (SRRC; Saltelli & Marivoet 1990, Reliab. Eng. Syst. Saf. 28, 229–253) and partial rank
// correlation coefficients (PRCC; Marino et al. 2008, J. Theor. Biol. 254, 178–196), with percentile bootstrap
// intervals over cases. Ranks capture monotone, not only linear, dependence.
#include <cstddef>
#include <vector>

#include "sim/analysis/bootstrap.hpp"

namespace reformsim::analysis {

/// Rank-regression measures of each factor, in factor order.
struct RankRegression {
  std::vector<Interval> srrc;  ///< coefficient of the factor's standardised rank in the regression of rank(y)
  std::vector<Interval> prcc;  ///< rank correlation of factor and y once the other factors' ranks are removed
  double r_squared = 0;        ///< R² of the rank regression: near 1 when y is close to monotone in the factors
};

/// Measures from cases `x` (rows = cases, columns = factors) and outputs `y`, one per case. Ties get average ranks;
/// intervals re-rank each resample of the cases. A constant factor gets NaN measures and is left out of the
/// regression for the others; all measures are NaN when y is constant or the factors' ranks are collinear.
/// std::invalid_argument when sizes mismatch, a value is not finite, there are no factors, or cases ≤ factors + 1.
RankRegression rank_regression(const std::vector<std::vector<double>>& x, const std::vector<double>& y,
                               const BootstrapSettings& settings);

}  // namespace reformsim::analysis
