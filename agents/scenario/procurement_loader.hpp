#pragma once
// Reads the validated `drugs:` and `procurement:` sections and checks what one key alone cannot.
#include "agents/scenario/scenario_config.hpp"
#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"

namespace reformsim::agents {

/// Fills s.drugs and s.procurement; names, shares and the start year are checked here.
void read_drugs_and_procurement(const config::Node& root, ScenarioConfig& s, config::ErrorList& errors);

/// Every MDC a drug is used in must exist in the (loaded) case catalogue.
void check_drugs_against_catalogue(const config::Node& root, const ScenarioConfig& s, config::ErrorList& errors);

}  // namespace reformsim::agents
