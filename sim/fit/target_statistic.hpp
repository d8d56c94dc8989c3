#pragma once
// A target's statistic computed from runs' outputs: the metric's value at the target's year (and from_year),
// aggregated over its hospitals, per run; then per replicate the level, the change between the years, or the
// paired difference between two arms (or both: a difference in differences); then the mean over replicates.
#include <cstddef>
#include <limits>
#include <vector>

#include "sim/config/errors.hpp"
#include "sim/experiment/experiment_spec.hpp"
#include "sim/experiment/output_layout.hpp"
#include "sim/experiment/summary_table.hpp"
#include "sim/fit/fit_spec.hpp"

namespace reformsim::fit {

inline constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

/// Where a target's values sit in one run's metric rows.
struct ResolvedTarget {
  std::size_t metric = 0;
  std::size_t weight_metric = kNone;      ///< metric weighting the hospitals, or kNone for a plain mean
  std::vector<std::size_t> at_year;       ///< row offsets aggregated at `year` (one per hospital, or one)
  std::vector<std::size_t> at_from_year;  ///< the same at `from_year` (empty without one)
  std::size_t arm = 0;
  std::size_t against_arm = kNone;
};

/// Resolves every target against the outputs; unknown metrics (with a suggestion), axes a target cannot select,
/// years outside the horizon and unknown hospitals go to `errors` at the target's key.
std::vector<ResolvedTarget> resolve_targets(const std::vector<Target>& targets, const experiment::OutputLayout& layout,
                                            const std::vector<experiment::Arm>& arms, config::ErrorList& errors);

/// What one run contributes to one target: the aggregated metric at `year` and at `from_year` (NaN without).
struct RunPoint {
  double at_year = 0;
  double at_from_year = 0;
};

/// The run's points for every target.
std::vector<RunPoint> run_points(const std::vector<ResolvedTarget>& targets, const experiment::RunValues& values);

/// The statistic of replicate r from its runs in the target's arm (and against-arm): level, change or difference.
double replicate_statistic(const Target& target, const RunPoint& arm, const RunPoint* against);

/// Mean and 95% CI over replicates; `by_arm[a][r]` are the points of arm a's replicate r for this target. NaN when
/// any replicate has no value (e.g. a relative change from a year without cases).
experiment::MeanInterval target_estimate(const Target& target, const ResolvedTarget& resolved,
                                         const std::vector<std::vector<RunPoint>>& by_arm);

}  // namespace reformsim::fit
