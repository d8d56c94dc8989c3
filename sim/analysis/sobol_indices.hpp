#pragma once
// Variance-based (Sobol') sensitivity indices from a Saltelli design: first-order indices by the estimator of
// Saltelli et al. (2010, Comput. Phys. Commun. 181, 259–270, table 2 (b)) and total indices by Jansen's (1999)
// estimator, with percentile bootstrap intervals over the base sample's rows.
#include <cstddef>
#include <vector>

#include "sim/analysis/bootstrap.hpp"

namespace reformsim::analysis {

/// Sobol' indices of each factor, in factor order.
struct SobolIndices {
  std::vector<Interval> first_order;  ///< S_j: the share of output variance due to factor j alone
  std::vector<Interval> total;        ///< ST_j: the share due to factor j including all its interactions
  double variance = 0;                ///< the output variance V, pooled over the f(A_i) and f(B_i)
  std::size_t base_samples = 0;       ///< N, the number of rows of the base matrices A and B
};

/// Indices from outputs `y` laid out in Saltelli order for `factors` = D factors: for base row i,
/// y[i*(D+2)] = f(A_i), y[i*(D+2)+1+j] = f(AB_i^(j)) (A_i with column j from B_i) and y[i*(D+2)+D+1] = f(B_i).
/// Outputs are centred on their pooled mean first (same expectation, far less noise when the mean is large).
/// Intervals resample the N rows. Indices are NaN when the output variance is zero. std::invalid_argument when
/// y.size() is not a multiple of D+2, N < 2, D == 0 or an output is not finite.
SobolIndices sobol_indices(const std::vector<double>& y, std::size_t factors, const BootstrapSettings& settings);

}  // namespace reformsim::analysis
