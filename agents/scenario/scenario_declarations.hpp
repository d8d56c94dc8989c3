#pragma once
// The one declaration of every scenario key — type, unit, range, default, one-line description — bound to the
// field of ScenarioConfig it fills. Validation, defaults, `reformsim schema`, docs/parameters.md and the
// loading into the structs all derive from these bindings. Each section's binding lives with its component.
#include "agents/scenario/scenario_config.hpp"
#include "sim/config/binding.hpp"

namespace reformsim::agents {

/// Current scenario format version; files may state it as `schema_version`.
inline constexpr int kScenarioSchemaVersion = 1;

/// The whole scenario file.
config::Binding<ScenarioConfig> scenario_binding();
/// Its declaration tree (scenario_binding().spec()).
config::SpecPtr scenario_spec();
/// Every default of the scenario format as one tree (required keys absent), for `set:` paths into lists.
config::Node scenario_defaults();

/// Sections of the city and the fund (city_declarations.cpp, fund_declarations.cpp).
config::Binding<PopulationConfig> population_binding();
config::Binding<WageConfig> wage_binding();
config::Binding<DemandConfig> demand_binding();
config::Binding<CaseMixConfig> case_mix_binding();
config::Binding<HospitalConfig> hospital_binding();
config::Binding<CapacityConfig> capacity_binding();
config::Binding<ProviderChoiceConfig> provider_choice_binding();
config::Binding<BenefitConfig> benefit_binding();
config::Binding<FundConfig> fund_binding();
config::Binding<Shock> shock_binding();
/// payment: method, switches, each registered method's section and the global budget (payment_declarations.cpp).
config::Binding<PaymentConfig> payment_binding();
/// The global budget alone (for tests and defaults).
config::Binding<GlobalBudgetConfig> global_budget_binding();
/// The declaration of an income-based pot (global budget mode income, DIP pot_rule income).
config::Binding<IncomePotConfig> income_pot_binding();

// Second pass (scenario_checks.cpp, payment_declarations.cpp): rules that involve more than one key, and names
// resolved against the loaded catalogue. Every problem goes to `errors`, located in `root`, the validated tree.
/// Age bands, hospitals' names and regions, the wage-base clamp.
void check_city(const config::Node& root, const ScenarioConfig& scenario, config::ErrorList& errors);
/// The consumption indices' reference year within the horizon.
void check_index_reference(const config::Node& root, const ScenarioConfig& scenario, config::ErrorList& errors);
/// Each shock's own fields, its years within the horizon, its group in the catalogue (resolved to group_id).
void resolve_shocks(const config::Node& root, ScenarioConfig& scenario, config::ErrorList& errors);
/// The global budget's bands and mode, and the switches' years.
void check_payment(const config::Node& root, ScenarioConfig& scenario, config::ErrorList& errors);
/// Each registered method's own checks and resolution (catalogues, groups), once the case catalogue is loaded.
void resolve_payment_methods(const config::Node& root, ScenarioConfig& scenario, config::ErrorList& errors);

}  // namespace reformsim::agents
