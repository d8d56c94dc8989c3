#pragma once
// Declarations of the `network:`, `family_doctors:` and `alliances:` sections, bound to their configs. Every default
// leaves primary care off, so a scenario without these sections runs as before they existed.
#include "agents/scenario/scenario_config.hpp"
#include "sim/config/binding.hpp"
#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"

namespace reformsim::agents {

/// The `network:` section.
config::Binding<NetworkConfig> network_binding();
/// The `family_doctors:` section.
config::Binding<FamilyDoctorConfig> family_doctor_binding();
/// One alliance of `alliances:`.
config::Binding<AllianceConfig> alliance_binding();
/// Cross-field rules and name resolution: hospitals named by the network and the alliances exist (and are of the
/// right tier), regions exist, every primary unit reaches a higher tier, each region has a unit for its teams;
/// alliances' specialist outreach adds quality and beds to their members' primary units.
void resolve_primary_care(const config::Node& root, ScenarioConfig& scenario, config::ErrorList& errors);

}  // namespace reformsim::agents
