#pragma once
// Turns a scenario YAML tree into a checked ScenarioConfig: declaration-driven validation, then the cross-field
// rules (second pass), then the catalogue. Every problem is collected with file, line and key path.
#include <string>

#include "agents/scenario/scenario_config.hpp"
#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"

namespace reformsim::agents {

/// Validates `raw` (a scenario tree, `extends:` already resolved) and builds the config; errors go to `errors`
/// and the returned config is then incomplete. `validated` receives the tree with defaults filled in.
ScenarioConfig build_scenario(const config::Node& raw, config::ErrorList& errors, config::Node* validated = nullptr);

/// Loads, validates and builds a scenario file; throws config::ConfigException with all errors.
ScenarioConfig load_scenario(const std::string& path);

}  // namespace reformsim::agents
