#pragma once
// Declared outputs of drugs and volume-based procurement: per drug and cycle, per hospital.
#include <vector>

#include "agents/model/declared_metric.hpp"

namespace reformsim::agents {

/// The drug and cycle axes: the first scenario's drugs (every run has the same), and the calendar years in which
/// any scenario starts a procurement cycle (one "none" label when there are none, so every dataset keeps a shape).
std::vector<experiment::AxisSpec> procurement_axes(const ScenarioConfig& first,
                                                   const std::vector<const ScenarioConfig*>& all);

/// The calendar year in which cycle `c` of `s` starts.
int cycle_start_year(const ScenarioConfig& s, std::size_t c);

/// Appends the procurement/… datasets and the drug-spending indicators.
void add_procurement_metrics(std::vector<outputs::Declared>& d);

}  // namespace reformsim::agents
