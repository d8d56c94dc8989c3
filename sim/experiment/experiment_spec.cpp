#include "sim/experiment/experiment_spec.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "sim/config/input_file.hpp"
#include "sim/config/read.hpp"
#include "sim/config/validate.hpp"
#include "sim/config/yaml_loader.hpp"

namespace reformsim::experiment {

using config::Node;
using config::Spec;

std::vector<config::Field> experiment_common_fields() {
  return {
      {"name", Spec::string()->optional()->doc("experiment name (default: the file name)")},
      {"description", Spec::string()->allow_empty()->optional()->doc("free text for reports")},
      {"base", Spec::path()->doc("the base scenario file (relative to this file)")},
      {"seed", Spec::integer()
                   ->range(0, 9.0e15)
                   ->def(std::int64_t{1})
                   ->doc("master seed; runs differ only by replicate, so arms share random numbers")},
      {"replicates", Spec::integer()->range(1, 1'000'000)->def(1)->doc("replicates per arm and grid point")},
      {"arms", Spec::array(Spec::object({
                               {"name", Spec::string()->doc("arm name (unique)")},
                               {"description", Spec::string()->allow_empty()->optional()->doc("free text")},
                               {"set", Spec::map_of(Spec::any())
                                           ->key_paths()
                                           ->def_node(Node::map())
                                           ->doc("scenario key path → value overrides, e.g. payment.method: drg")},
                           }))
                   ->min_items(1)
                   ->optional()
                   ->doc("policy arms compared (default: one arm, the base scenario)")},
  };
}

config::SpecPtr experiment_spec_declaration() {
  std::vector<config::Field> fields = experiment_common_fields();
  fields.push_back({"design", Spec::enumeration({"grid"})->def("grid")->doc(
                                  "how `vary` values are combined (grid: every combination)")});
  fields.push_back({"reference_arm", Spec::string()->optional()->doc(
                                         "arm that paired differences are computed against (default: the first arm)")});
  fields.push_back({"vary", Spec::map_of(Spec::array(Spec::any())->min_items(1))
                                ->key_paths()
                                ->def_node(Node::map())
                                ->doc("scenario key path → list of values; every combination is run")});
  return Spec::object(std::move(fields));
}

bool is_experiment(const Node& root) { return root.is_map() && root.find("base") != nullptr; }

// The experiment file as written, for /meta; a file that cannot be read is reported by the loader instead.
std::string read_file_text(const std::string& path) {
  std::string problem;
  return config::read_input_file(path, config::kMaxYamlFileBytes, problem).value_or("");
}

bool read_experiment_common(const Node& checked, const std::string& path, ExperimentSpec& spec,
                            config::ErrorList& errors) {
  spec.name =
      config::has(checked, "name") ? config::get_string(checked, "name") : std::filesystem::path(path).stem().string();
  spec.base_file = config::get_string(checked, "base");
  spec.seed = static_cast<std::uint64_t>(config::get_int(checked, "seed"));
  spec.replicates = static_cast<int>(config::get_int(checked, "replicates"));
  const std::size_t before = errors.size();
  spec.base_scenario = config::load_yaml_file(spec.base_file, errors, checked.find("base")->location(), "base");
  if (errors.size() > before) return false;

  if (config::has(checked, "arms")) {
    std::set<std::string> names;
    const Node& arms = config::get_child(checked, "arms");
    for (std::size_t i = 0; i < arms.items().size(); ++i) {
      const Node& a = arms.items()[i];
      Arm arm;
      arm.name = config::get_string(a, "name");
      if (!names.insert(arm.name).second) {
        errors.add(a.location(), "arms[" + std::to_string(i) + "].name", "duplicate arm name '" + arm.name + "'");
      }
      for (const auto& [key, value] : config::get_child(a, "set").entries()) arm.overrides.emplace_back(key, value);
      spec.arms.push_back(std::move(arm));
    }
  } else {
    spec.arms.push_back({"base", {}});
  }
  return true;
}

ExperimentSpec load_experiment(const std::string& path, config::ErrorList& errors, int scenario_replicates,
                               std::uint64_t scenario_seed) {
  ExperimentSpec spec;
  spec.source_file = path;
  spec.source_text = read_file_text(path);
  const std::size_t before = errors.size();
  Node root = config::load_yaml_file(path, errors);
  if (errors.size() > before) return spec;

  if (!is_experiment(root)) {
    spec.name = std::filesystem::path(path).stem().string();
    spec.base_file = path;
    spec.base_scenario = std::move(root);
    spec.arms.push_back({spec.name, {}});
    spec.replicates = scenario_replicates;
    spec.seed = scenario_seed;
    spec.reference_arm = spec.name;
    return spec;
  }

  Node checked = config::validate(root, *experiment_spec_declaration(), errors);
  if (errors.size() > before) return spec;
  if (!read_experiment_common(checked, path, spec, errors)) return spec;
  for (const auto& [key, values] : config::get_child(checked, "vary").entries()) {
    spec.vary.push_back({key, values.items()});
  }
  spec.reference_arm =
      config::has(checked, "reference_arm") ? config::get_string(checked, "reference_arm") : spec.arms.front().name;
  bool found = false;
  for (const Arm& a : spec.arms) found = found || a.name == spec.reference_arm;
  if (!found) {
    const Node* n = checked.find("reference_arm");
    errors.add(n ? n->location() : checked.location(), "reference_arm", "no arm is named '" + spec.reference_arm + "'");
  }
  return spec;
}

}  // namespace reformsim::experiment
