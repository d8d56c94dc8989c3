#pragma once
// Reads the validated `behaviour:` and `supervision:` sections and checks what one key alone cannot
// (thresholds in order, gaps in order).
#include "agents/scenario/scenario_config.hpp"
#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"

namespace reformsim::agents {

/// Fills s.behaviour and s.supervision from the validated root; cross-field problems go to `errors`.
void read_behaviour_and_supervision(const config::Node& root, ScenarioConfig& s, config::ErrorList& errors);

}  // namespace reformsim::agents
