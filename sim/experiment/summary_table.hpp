#pragma once
// The readable end-of-experiment table: per arm the mean and 95% confidence interval of each headline metric,
// and each arm's paired difference against the reference arm (paired by replicate: common random numbers
// make the pairs share their illness and case draws, so the difference has far less noise than either arm).
#include <string>
#include <vector>

#include "sim/experiment/experiment_spec.hpp"
#include "sim/experiment/run_plan.hpp"

namespace reformsim::experiment {

/// Mean and the half-width of its two-sided 95% Student-t confidence interval (NaN half-width for n < 2).
struct MeanInterval {
  double mean = 0;
  double half_width = 0;
  std::size_t n = 0;
};

/// Mean and 95% CI of the finite values in `values`.
MeanInterval mean_interval(const std::vector<double>& values);

/// One labelled headline metric for the table.
struct HeadlineMetric {
  std::string label;   ///< e.g. "fund balance at end (yuan)"
  std::size_t metric;  ///< index into the per-run values
  std::string units;   ///< the metric's units ("fraction" prints in percent)
};

/// The table fits in this many columns: arms that do not fit continue in a further block below.
inline constexpr std::size_t kTableWidth = 100;

/// Formats the table. `values[run][metric]` holds each run's scalar headline values. With one arm there are no
/// paired differences; with one replicate, no intervals.
std::string format_summary_table(const ExperimentSpec& spec, const std::vector<RunPlan>& runs,
                                 const std::vector<HeadlineMetric>& metrics,
                                 const std::vector<std::vector<double>>& values);

}  // namespace reformsim::experiment
