// Fuzz target: a scenario file's text through the YAML loader, declaration-driven validation, the cross-field
// checks and the catalogue loading it names (build_scenario). Any input must give a tree or errors, never a crash.
#include "agents/scenario/scenario_loader.hpp"
#include "fuzz/targets/fuzz_input.hpp"
#include "sim/config/yaml_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace reformsim;
  config::ErrorList errors;
  const config::Node tree = config::parse_yaml(fuzz::as_text(data, size), fuzz::virtual_city_file("fuzz.yaml"), errors);
  if (errors.empty()) (void)tree.to_yaml();
  if (tree.is_map()) (void)agents::build_scenario(tree, errors);
  (void)errors.to_string();
  return 0;
}
