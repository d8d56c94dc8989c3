#pragma once
// Declared outputs of drugs and volume-based procurement (DOMAIN.md §5): per drug and cycle, per hospital.
#include <vector>

#include "agents/model/declared_metric.hpp"

namespace reformsim::agents {

/// The drug and cycle axes: the first scenario's drugs, the cycles of its procurement over the longest horizon
/// (one "none" label when there are none, so every dataset keeps a shape).
std::vector<experiment::AxisSpec> procurement_axes(const ScenarioConfig& longest, const ScenarioConfig& first);

/// Appends the procurement/… datasets and the drug-spending indicators.
void add_procurement_metrics(std::vector<outputs::Declared>& d);

}  // namespace reformsim::agents
