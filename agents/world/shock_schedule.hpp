#pragma once
// The year-by-year levels that growth and stress-test shocks imply: admission-rate multiplier,
// contribution scales and group cost factors for each simulated year. Computed once per scenario.
#include <vector>

#include "agents/scenario/scenario_config.hpp"

namespace reformsim::agents {

/// Levels of one simulated year, relative to the scenario's first-year parameters.
struct YearLevels {
  double admission_multiplier = 1;         ///< epidemic surges × ageing drift
  double wage_level = 1;                   ///< compounded wage growth
  double employee_contribution_scale = 1;  ///< wage level × (employer + individual rate) ÷ the first year's rates
  double resident_contribution_scale = 1;  ///< compounded premium growth
  std::vector<double> group_cost_factor;   ///< per case group: new-technology cost multipliers
};

/// Levels for every year of the horizon.
std::vector<YearLevels> shock_schedule(const ScenarioConfig& scenario);

}  // namespace reformsim::agents
