#pragma once
// Sensitivity analysis of an experiment's results file (docs/experiments.md: Sensitivity analysis): the outcome of each design
// point is the replicate mean of a per-run metric (in one arm, or of the paired difference between two arms,
// replicate by replicate), and the estimator follows the design: Sobol' indices for a sobol design, Morris's μ*, μ
// and σ for a morris design, rank regression (SRRC, PRCC) for lhs and grid designs. The share of the outcome's
// variance that is replicate noise is stated beside the indices.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sim/analysis/bootstrap.hpp"

namespace reformsim::analysis {

/// What to analyse.
struct SensitivityRequest {
  std::vector<std::string> metrics;   ///< per-run datasets ("summary/months_of_reserve_end"); empty: every /summary one
  std::optional<std::string> arm;     ///< default: the reference arm
  std::optional<std::string> paired;  ///< "A-B": the outcome is arm A − arm B, replicate by replicate
  BootstrapSettings bootstrap;
};

/// The indices of one metric: one row per factor, one column per index.
struct SensitivityTable {
  std::string metric;
  std::string units;
  std::string outcome;  ///< "arm drg" or "drg − ffs (paired)"
  std::string method;   ///< the estimator, with its source
  std::vector<std::string> factors;
  std::vector<std::string> columns;          ///< index names ("S1", "ST"; "mu_star", "mu", "sigma"; "SRRC", "PRCC")
  std::vector<std::vector<Interval>> index;  ///< columns × factors (NaN bounds where no interval is computed)
  double variance = 0;                       ///< of the replicate-mean outcome over the design points
  double noise_share = 0;                    ///< share of `variance` that is replicate noise (NaN with one replicate)
  std::size_t points = 0;
  std::size_t replicates = 0;
  /// Why the metric was not analysed (then no index is computed); empty when it was.
  std::string skipped;
};

/// Analyses `path`; throws std::invalid_argument (or output::InputFileError) naming what is wrong: no design, an
/// unknown arm or metric, a metric with more than one value per run, failed runs.
std::vector<SensitivityTable> analyse_results(const std::string& path, const SensitivityRequest& request);

/// The tables as text for the terminal.
std::string format_sensitivity(const std::vector<SensitivityTable>& tables);

}  // namespace reformsim::analysis
