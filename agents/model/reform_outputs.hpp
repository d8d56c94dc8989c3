#pragma once
// The declared outputs of the reform model and their computation from a run's raw metrics.
#include <string>
#include <vector>

#include "agents/scenario/scenario_config.hpp"
#include "agents/world/run_metrics.hpp"
#include "sim/experiment/output_layout.hpp"
#include "sim/experiment/summary_table.hpp"

namespace reformsim::agents {

/// Axes and metrics for runs of these scenarios (the month axis covers the longest horizon, the cycle axis every
/// scenario's procurement cycles).
experiment::OutputLayout reform_output_layout(const ScenarioConfig& longest, const ScenarioConfig& first,
                                              const std::vector<const ScenarioConfig*>& all);

/// Fills every declared metric of `layout` from one run's raw metrics (NaN-padded to the layout's axes).
experiment::RunValues reform_output_values(const experiment::OutputLayout& layout, const ScenarioConfig& scenario,
                                           const RunMetrics& metrics);

/// The headline metrics of the printed summary table.
std::vector<experiment::HeadlineMetric> reform_headline_metrics(const experiment::OutputLayout& layout);

}  // namespace reformsim::agents
