#include "sim/experiment/experiment_spec.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "sim/config/csv.hpp"
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
  fields.push_back({"design", Spec::enumeration({"grid", "lhs", "sobol", "morris", "file"})
                                  ->def("grid")
                                  ->doc("which points are run: grid (every combination of `vary`), lhs (Latin "
                                        "hypercube), sobol (Saltelli's matrices for Sobol' indices), morris "
                                        "(elementary-effect trajectories), file (the points of design_file)")});
  fields.push_back({"design_file", Spec::path()->optional()->doc(
                                       "design file: CSV with one column per scenario key path and one row per point "
                                       "(e.g. written by `reformsim design` or another tool)")});
  fields.push_back({"samples", Spec::integer()
                                   ->range(1, 1'000'000)
                                   ->optional()
                                   ->doc("lhs: design points; sobol: base samples N, run as N (D + 2) points")});
  fields.push_back(
      {"trajectories",
       Spec::integer()->range(1, 1'000'000)->optional()->doc("morris: trajectories, (D + 1) points each")});
  fields.push_back({"levels", Spec::integer()->range(2, 1000)->def(4)->doc("morris: grid levels (even)")});
  fields.push_back({"maximin_candidates", Spec::integer()->range(1, 10'000)->def(1)->doc(
                                              "lhs: hypercubes drawn; the one whose closest two points are farthest "
                                              "apart is run")});
  fields.push_back({"design_seed", Spec::integer()->range(0, 9.0e15)->optional()->doc(
                                       "seed of the sampled design's points (default: seed)")});
  fields.push_back(
      {"ranges",
       Spec::map_of(
           Spec::object({
               {"min", Spec::real()->doc("lowest value")},
               {"max", Spec::real()->doc("highest value")},
               {"scale",
                Spec::enumeration({"linear", "log"})->def("linear")->doc("log: even in the logarithm (min above 0)")},
               {"integer", Spec::boolean()->def(false)->doc("every integer of [min, max] equally likely")},
           }))
           ->key_paths(config::KeyPaths::AnyNumbers)
           ->def_node(Node::map())
           ->doc("sampled designs: scenario key path → the range its values are drawn from")});
  fields.push_back({"reference_arm", Spec::string()->optional()->doc(
                                         "arm that paired differences are computed against (default: the first arm)")});
  fields.push_back({"vary", Spec::map_of(Spec::array(Spec::any())->min_items(1))
                                ->key_paths()
                                ->def_node(Node::map())
                                ->doc("scenario key path → list of values; a grid runs every combination, a sampled "
                                      "design draws one value of the list per point (a categorical factor)")});
  return Spec::object(std::move(fields));
}

namespace {

// Boost.Random's Sobol' tables (Joe & Kuo) cover 3667 dimensions; Saltelli's design takes two per factor.
constexpr std::size_t kMaxSobolDimensions = 3667;

DesignKind design_kind(const std::string& name) {
  if (name == "lhs") return DesignKind::Lhs;
  if (name == "sobol") return DesignKind::Sobol;
  if (name == "morris") return DesignKind::Morris;
  if (name == "file") return DesignKind::File;
  return DesignKind::Grid;
}

// The points of a design file; every cell must be a value (an empty one would silently keep the base scenario's).
void read_design_file(const std::string& path, DesignFile& file, config::ErrorList& errors) {
  const std::size_t before = errors.size();
  const config::CsvTable table = config::CsvTable::read(path, errors);
  if (errors.size() > before || !table.has_header()) return;
  file.path = path;
  file.columns = table.header();
  for (const std::string& c : file.columns) {  // duplicates are reported by the CSV reader
    if (c.empty()) errors.add({path, 1, 0}, "design_file", "a column has no name (expected a scenario key path)");
  }
  if (table.rows().empty()) errors.add({path, 1, 0}, "design_file", "the file lists no points");
  for (const config::CsvRow& row : table.rows()) {
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
      if (row.cells[k].empty()) {
        errors.add({path, row.line, 0}, "design_file", "column '" + file.columns[k] + "': empty value");
      }
    }
    file.cells.push_back(row.cells);
    file.lines.push_back(row.line);
  }
}

// The design's settings and ranges, with every combination that cannot be run reported at its key.
void read_design(const Node& checked, ExperimentSpec& spec, config::ErrorList& errors) {
  DesignSettings& d = spec.design;
  d.kind = design_kind(config::get_string(checked, "design"));
  d.levels = static_cast<int>(config::get_int(checked, "levels"));
  d.maximin_candidates = static_cast<std::size_t>(config::get_int(checked, "maximin_candidates"));
  d.seed = config::has(checked, "design_seed") ? static_cast<std::uint64_t>(config::get_int(checked, "design_seed"))
                                               : spec.seed;
  const auto at = [&](const char* key) {
    return checked.find(key) ? checked.find(key)->location() : checked.location();
  };
  const bool sampled = d.kind != DesignKind::Grid;
  for (const auto& [key, entry] : config::get_child(checked, "ranges").entries()) {
    RangeFactor r;
    r.key_path = key;
    r.min = config::get_real(entry, "min");
    r.max = config::get_real(entry, "max");
    r.log_scale = config::get_string(entry, "scale") == "log";
    r.integer = config::get_bool(entry, "integer");
    r.where = entry.location();
    const std::string path = "ranges." + key;
    if (!(r.min < r.max)) errors.add(entry.find("max")->location(), path + ".max", "must be above min");
    if (r.log_scale && !(r.min > 0))
      errors.add(entry.find("min")->location(), path + ".min", "must be above 0 on a log scale");
    if (r.integer && (std::floor(r.min) != r.min || std::floor(r.max) != r.max)) {
      errors.add(entry.location(), path, "min and max of an integer range must be integers");
    }
    for (const VaryAxis& v : spec.vary) {
      if (v.key_path == key)
        errors.add(entry.location(), path, "'" + key + "' is also listed under vary: give it one or the other");
    }
    spec.ranges.push_back(std::move(r));
  }
  const std::size_t factors = spec.ranges.size() + spec.vary.size();
  if (!sampled && !spec.ranges.empty()) {
    errors.add(
        at("ranges"), "ranges",
        "a grid runs listed values only: ranges need design lhs, sobol or morris (or list the values under vary)");
  }
  if (sampled && d.kind != DesignKind::File && factors == 0) {
    errors.add(at("design"), "design",
               std::string(design_name(d.kind)) + " design with nothing to vary: give ranges (or vary lists)");
  }
  const bool has_samples = config::has(checked, "samples");
  const bool has_trajectories = config::has(checked, "trajectories");
  if (has_samples) d.samples = static_cast<std::size_t>(config::get_int(checked, "samples"));
  if (has_trajectories) d.trajectories = static_cast<std::size_t>(config::get_int(checked, "trajectories"));
  const std::string dims = std::to_string(factors);
  const bool has_file = config::has(checked, "design_file");
  if (has_file != (d.kind == DesignKind::File)) {
    errors.add(at(has_file ? "design_file" : "design"), has_file ? "design_file" : "design",
               has_file ? "design_file needs design: file" : "design file needs design_file: the CSV of its points");
  }
  switch (d.kind) {
    case DesignKind::File:
      if (has_samples) errors.add(at("samples"), "samples", "a design file lists its points: leave samples out");
      if (has_trajectories) errors.add(at("trajectories"), "trajectories", "trajectories are for design morris");
      if (factors > 0) {
        errors.add(at(spec.ranges.empty() ? "vary" : "ranges"), spec.ranges.empty() ? "vary" : "ranges",
                   "a design file's columns are its factors: leave ranges and vary out");
      }
      if (has_file) read_design_file(config::get_string(checked, "design_file"), spec.design_file, errors);
      break;
    case DesignKind::Grid:
      if (has_samples)
        errors.add(at("samples"), "samples", "samples are for design lhs or sobol; a grid runs every combination");
      if (has_trajectories) errors.add(at("trajectories"), "trajectories", "trajectories are for design morris");
      break;
    case DesignKind::Lhs:
      if (!has_samples) errors.add(at("design"), "samples", "design lhs needs samples: the number of design points");
      if (has_trajectories) errors.add(at("trajectories"), "trajectories", "trajectories are for design morris");
      break;
    case DesignKind::Sobol:
      if (!has_samples) {
        errors.add(at("design"), "samples",
                   "design sobol needs samples: base samples N, run as N × (D + 2) = N × " +
                       std::to_string(factors + 2) + " points for D = " + dims + " factors");
      } else if (d.samples < 2) {
        errors.add(at("samples"), "samples",
                   "Sobol' indices need at least 2 base samples (a variance); 64 or more give useful intervals");
      }
      if (has_trajectories) errors.add(at("trajectories"), "trajectories", "trajectories are for design morris");
      if (2 * factors > kMaxSobolDimensions) {
        errors.add(at("design"), "design",
                   "design sobol takes at most " + std::to_string(kMaxSobolDimensions / 2) + " factors, not " + dims);
      }
      break;
    case DesignKind::Morris:
      for (const VaryAxis& v : spec.vary) {
        // A trajectory visits `levels` values of a factor: more listed values than levels would never all run.
        if (v.values.size() > static_cast<std::size_t>(d.levels)) {
          errors.add(v.values.front().location(), "vary." + v.key_path,
                     "lists " + std::to_string(v.values.size()) + " values but a Morris trajectory visits " +
                         std::to_string(d.levels) + " levels: raise levels or list fewer values");
        }
      }
      if (!has_trajectories) {
        errors.add(at("design"), "trajectories",
                   "design morris needs trajectories: r trajectories run (D + 1) × r = " + std::to_string(factors + 1) +
                       " × r points for D = " + dims + " factors");
      } else if (d.trajectories < 2) {
        errors.add(at("trajectories"), "trajectories",
                   "Morris's σ needs at least 2 trajectories (10 or more are usual)");
      }
      if (d.levels % 2 != 0) {
        errors.add(at("levels"), "levels",
                   "must be even, so that a step of levels / (2 (levels − 1)) keeps the levels "
                   "equally likely");
      }
      if (has_samples) errors.add(at("samples"), "samples", "design morris takes trajectories, not samples");
      break;
  }
  if (d.kind != DesignKind::Lhs && config::get_int(checked, "maximin_candidates") != 1) {
    errors.add(at("maximin_candidates"), "maximin_candidates", "maximin_candidates is for design lhs");
  }
}

}  // namespace

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
  read_design(checked, spec, errors);
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
