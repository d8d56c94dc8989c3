#pragma once
// Reads `network:`, `family_doctors:` and `alliances:`; resolves hospital names, checks the network's
// connectivity, and applies the alliances' specialist outreach to their primary units.
#include "agents/scenario/scenario_config.hpp"
#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"

namespace reformsim::agents {

/// Fills s.network, s.family_doctors and s.alliances (needs s.hospitals and s.population read first).
void read_primary_care(const config::Node& root, ScenarioConfig& s, config::ErrorList& errors);

}  // namespace reformsim::agents
