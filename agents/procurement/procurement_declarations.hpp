#pragma once
// Declarations of the `drugs:` table and the `procurement:` section, bound to DrugConfig and ProcurementConfig.
// With no drugs (the default) or `procurement.start_year: 0` nothing changes.
#include "agents/scenario/scenario_config.hpp"
#include "sim/config/binding.hpp"
#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"

namespace reformsim::agents {

/// One molecule of `drugs:`.
config::Binding<DrugConfig> drug_binding();
/// The `procurement:` section.
config::Binding<ProcurementConfig> procurement_binding();
/// Cross-field rules: unique names and firms, shares summing to 1, a cycle that can start within the horizon.
void check_procurement(const config::Node& root, const ScenarioConfig& scenario, config::ErrorList& errors);
/// Every MDC a drug is used in must have a group in the case catalogue (after the catalogue is loaded).
void check_drugs_against_catalogue(const config::Node& root, const ScenarioConfig& scenario, config::ErrorList& errors);

}  // namespace reformsim::agents
