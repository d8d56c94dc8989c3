#include "agents/scenario/scenario_loader.hpp"

#include "agents/behaviour/behaviour_declarations.hpp"
#include "agents/primary_care/primary_care_declarations.hpp"
#include "agents/procurement/procurement_declarations.hpp"
#include "agents/scenario/scenario_declarations.hpp"
#include "agents/supervision/supervision_declarations.hpp"
#include "sim/config/key_path.hpp"
#include "sim/config/validate.hpp"
#include "sim/config/yaml_loader.hpp"

namespace reformsim::agents {

namespace {

// The case catalogue named by `catalogue:`, or null with its errors reported (located at the file's lines, each
// saying where the catalogue was named).
std::shared_ptr<const CaseCatalogue> load_catalogue(const config::Node& root, const std::string& path,
                                                    config::ErrorList& errors) {
  config::ErrorList catalogue_errors;
  auto catalogue = std::make_shared<CaseCatalogue>(CaseCatalogue::load(path, catalogue_errors));
  if (catalogue_errors.empty()) return catalogue;
  const config::SourceLocation named_at = config::location_at_path(root, "catalogue");
  for (const config::ConfigError& e : catalogue_errors.errors()) {
    errors.add(e.where, "catalogue", e.message + " (catalogue named at " + named_at.to_string() + ")");
  }
  return nullptr;
}

// The life table named by population.demography.life_table, if any; its errors say where it was named.
void load_life_table(const config::Node& root, ScenarioConfig& s, config::ErrorList& errors) {
  DemographyConfig& d = s.population.demography;
  if (!d.life_table_file) return;
  config::ErrorList table_errors;
  auto table = std::make_shared<LifeTable>(LifeTable::load(*d.life_table_file, table_errors));
  const config::SourceLocation named_at = config::location_at_path(root, "population.demography.life_table");
  for (const config::ConfigError& e : table_errors.errors()) {
    errors.add(e.where, "population.demography.life_table",
               e.message + " (life table named at " + named_at.to_string() + ")");
  }
  if (table_errors.empty()) d.life_table = std::move(table);
}

}  // namespace

ScenarioConfig build_scenario(const config::Node& raw, config::ErrorList& errors, config::Node* validated_out) {
  ScenarioConfig s{};
  const std::size_t errors_before = errors.size();
  const config::Binding<ScenarioConfig> binding = scenario_binding();
  config::Node root = config::validate(raw, *scenario_spec(), errors);
  if (errors.size() > errors_before) return s;
  binding.load(root, s);
  s.source_file = raw.location().file;

  check_behaviour(root, s.behaviour, errors);
  check_supervision(root, s.supervision, errors);
  check_procurement(root, s, errors);
  resolve_primary_care(root, s, errors);
  check_city(root, s, errors);
  check_index_reference(root, s, errors);
  check_payment(root, s, errors);
  s.catalogue = load_catalogue(root, s.catalogue_file, errors);
  load_life_table(root, s, errors);
  if (s.catalogue) {
    resolve_shocks(root, s, errors);
    check_drugs_against_catalogue(root, s, errors);
  }
  resolve_payment_methods(root, s, errors);
  if (validated_out) *validated_out = std::move(root);
  return s;
}

ScenarioConfig load_scenario(const std::string& path) {
  config::ErrorList errors;
  config::Node raw = config::load_yaml_file(path, errors);
  if (!errors.empty()) throw config::ConfigException(errors);
  ScenarioConfig s = build_scenario(raw, errors);
  if (!errors.empty()) throw config::ConfigException(errors);
  return s;
}

}  // namespace reformsim::agents
