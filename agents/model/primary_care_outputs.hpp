#pragma once
// Declared outputs of family doctors, the referral network and county alliances.
#include <vector>

#include "agents/model/declared_metric.hpp"

namespace reformsim::agents {

/// The alliance axis: the first scenario's alliances ("none" when there are none, so datasets keep a shape).
experiment::AxisSpec alliance_axis(const ScenarioConfig& first);

/// Appends the per-unit, per-alliance and summary outputs.
void add_primary_care_metrics(std::vector<outputs::Declared>& d);

}  // namespace reformsim::agents
