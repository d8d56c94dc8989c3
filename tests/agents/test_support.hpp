#pragma once
// Helpers shared by the agents tests: temporary files and small scenarios.
#include <string>

#include "agents/scenario/scenario_loader.hpp"
#include "tests/support/source_path.hpp"
#include "tests/support/temp_dir.hpp"

namespace reformsim::testing {

/// The shipped catalogue of the default city.
inline std::string city_catalogue() { return source_path("scenarios/data/drg_catalogue.csv"); }

/// A small valid scenario: `insured` people, one region, one hospital per tier; `extra` YAML appended.
inline std::string small_scenario_yaml(int insured = 5000, const std::string& extra = "") {
  return "name: small test city\n"
         "horizon_years: 2\n"
         "catalogue: " +
         city_catalogue() +
         "\n"
         "population:\n  insured: " +
         std::to_string(insured) +
         "\n  regions: 1\n"
         "hospitals:\n"
         "  - {name: Tertiary, tier: 3, beds: 60}\n"
         "  - {name: Secondary, tier: 2, beds: 40}\n"
         "  - {name: Primary, tier: 1, beds: 10}\n" +
         extra;
}

/// Loads a scenario from YAML text via a temporary file.
inline agents::ScenarioConfig scenario_from_yaml(const std::string& yaml) {
  TempDir dir;
  return agents::load_scenario(dir.write("scenario.yaml", yaml));
}

/// Every validation error of a scenario given as YAML text, one per line ("" when it is valid).
inline std::string config_errors_of(const std::string& yaml) {
  try {
    scenario_from_yaml(yaml);
  } catch (const config::ConfigException& e) {
    return e.errors().to_string();
  }
  return "";
}

}  // namespace reformsim::testing
