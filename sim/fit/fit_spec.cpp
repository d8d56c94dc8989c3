#include "sim/fit/fit_spec.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "sim/config/read.hpp"
#include "sim/config/validate.hpp"
#include "sim/config/yaml_loader.hpp"

namespace reformsim::fit {

using config::Node;
using config::Spec;

namespace {

config::SpecPtr parameter_declaration() {
  return Spec::object({
      {"min", Spec::real()->doc("lowest value tried")},
      {"max", Spec::real()->doc("highest value tried")},
      {"scale", Spec::enumeration({"linear", "log"})
                    ->def("linear")
                    ->doc("log: explored evenly in the logarithm (a rate spanning decades; min must be above 0)")},
      {"integer", Spec::boolean()->def(false)->doc("values are rounded to integers")},
  });
}

config::SpecPtr target_declaration() {
  return Spec::object({
      {"name", Spec::string()->doc("target name (unique; labels the output)")},
      {"source", Spec::string()->allow_empty()->optional()->doc("where the value comes from (free text)")},
      {"metric", Spec::string()->doc("output dataset, e.g. years/cost_per_case_yuan (see docs/output.md)")},
      {"arm", Spec::string()->optional()->doc("arm the statistic is taken in (default: the first arm)")},
      {"against_arm",
       Spec::string()->optional()->doc("take the paired difference arm − against_arm, replicate by replicate")},
      {"year", Spec::integer()->min(1)->optional()->doc("reported year (1 = start_year), for metrics over years")},
      {"from_year", Spec::integer()->min(1)->optional()->doc("take the change from this year to `year`")},
      {"relative", Spec::boolean()->def(false)->doc(
                       "changes and differences as ratios − 1 (e.g. −0.17 for −17%) instead of differences")},
      {"hospitals", Spec::array(Spec::string())
                        ->min_items(1)
                        ->optional()
                        ->doc("hospitals (by name) the statistic is aggregated over, for metrics over hospitals "
                              "(default: all)")},
      {"weight_by", Spec::string()->optional()->doc(
                        "metric over the same axes weighting the hospitals' values, e.g. hospitals/cases "
                        "(default: plain mean)")},
      {"value", Spec::real()->optional()->doc("the target value of the statistic")},
      {"direction", Spec::enumeration({"increase", "decrease"})
                        ->optional()
                        ->doc("instead of a value: the sign the statistic should have (reported only, weight 0)")},
      {"tolerance", Spec::real()->greater_than(0)->optional()->doc(
                        "the statistic is within target when |simulated − value| ≤ tolerance; it also scales the "
                        "distance (required with value)")},
      {"weight", Spec::real()->range(0, 1e6)->def(1.0)->doc(
                     "weight in the distance; 0 = reported but not fitted (an out-of-sample check)")},
  });
}

config::SpecPtr search_declaration() {
  return Spec::object({
      {"initial_points", Spec::integer()->range(1, 1'000'000)->def(20)->doc("Latin hypercube size")},
      {"max_trials", Spec::integer()
                         ->range(1, 1'000'000)
                         ->def(200)
                         ->doc("parameter points evaluated in all, initial design included")},
      {"refine_starts", Spec::integer()->range(0, 1000)->def(2)->doc(
                            "Nelder–Mead simplices started from the best initial points (0: initial design only)")},
      {"initial_step", Spec::real()->greater_than(0)->max(0.5)->def(0.15)->doc(
                           "initial simplex edge as a share of each parameter's (log-)range")},
      {"min_step", Spec::real()->greater_than(0)->max(0.5)->def(0.005)->doc(
                       "a simplex whose vertices are all within this share of the range of its best has converged")},
      {"seed", Spec::integer()->range(0, 9.0e15)->def(std::int64_t{1})->doc("seed of the Latin hypercube")},
  });
}

// 6 significant digits: what the best-fit file records.
double rounded(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6g", v);
  return std::strtod(buffer, nullptr);
}

// True when one key path is the other or lies inside it ("payment.dip" and "payment.dip.catalogue").
bool overlaps(const std::string& a, const std::string& b) {
  const auto inside = [](const std::string& inner, const std::string& outer) {
    return inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 &&
           (inner[outer.size()] == '.' || inner[outer.size()] == '[');
  };
  return a == b || inside(a, b) || inside(b, a);
}

void check_parameter(const Node& entry, const std::string& key, Parameter& p, const std::vector<experiment::Arm>& arms,
                     config::ErrorList& errors) {
  const std::string path = "parameters." + key;
  for (const experiment::Arm& arm : arms) {
    for (const auto& [set_key, value] : arm.overrides) {
      if (!overlaps(key, set_key)) continue;
      errors.add(entry.location(), path,
                 "arm '" + arm.name + "' also sets '" + set_key +
                     "': a fitted key must not be set by an arm (the arm applies first, so the fit would replace "
                     "the arm's value, and a scenario extending the best-fit file would not)");
    }
  }
  // The best-fit file records 6 significant digits: a bound with more could not be reproduced.
  for (const char* bound : {"min", "max"}) {
    const double v = std::string(bound) == "min" ? p.min : p.max;
    if (rounded(v) != v) {
      errors.add(entry.find(bound)->location(), path + "." + bound, "give at most 6 significant digits");
    }
  }
  if (key.find('[') != std::string::npos) {
    errors.add(entry.location(), path,
               "a fitted key must be a map key path (no list index): the best-fit file overrides by `extends:`, "
               "which replaces lists whole");
  }
  if (!(p.min < p.max)) errors.add(entry.find("max")->location(), path + ".max", "must be above min");
  if (p.scale == Scale::Log && !(p.min > 0)) {
    errors.add(entry.find("min")->location(), path + ".min", "must be above 0 on a log scale");
  }
  if (p.integer && (std::floor(p.min) != p.min || std::floor(p.max) != p.max)) {
    errors.add(entry.location(), path, "min and max of an integer parameter must be integers");
  }
}

Target read_target(const Node& t, std::size_t i, const std::vector<experiment::Arm>& arms, config::ErrorList& errors) {
  Target target;
  target.key_path = "targets[" + std::to_string(i) + "]";
  target.where = t.location();
  target.name = config::get_string(t, "name");
  if (config::has(t, "source")) target.source = config::get_string(t, "source");
  target.metric = config::get_string(t, "metric");
  if (!target.metric.empty() && target.metric.front() == '/') target.metric.erase(0, 1);
  target.arm = config::has(t, "arm") ? config::get_string(t, "arm") : arms.front().name;
  if (config::has(t, "against_arm")) target.against_arm = config::get_string(t, "against_arm");
  if (config::has(t, "year")) target.year = static_cast<int>(config::get_int(t, "year"));
  if (config::has(t, "from_year")) target.from_year = static_cast<int>(config::get_int(t, "from_year"));
  target.relative = config::get_bool(t, "relative");
  if (config::has(t, "hospitals")) {
    for (const Node& h : config::get_child(t, "hospitals").items()) target.hospitals.push_back(h.text());
  }
  if (config::has(t, "weight_by")) target.weight_by = config::get_string(t, "weight_by");
  if (!target.weight_by.empty() && target.weight_by.front() == '/') target.weight_by.erase(0, 1);
  if (config::has(t, "value")) target.value = config::get_real(t, "value");
  if (config::has(t, "direction")) {
    target.direction = config::get_string(t, "direction") == "increase" ? Direction::Increase : Direction::Decrease;
  }
  if (config::has(t, "tolerance")) target.tolerance = config::get_real(t, "tolerance");
  target.weight = config::get_real(t, "weight");

  // A key filled in from its default was written nowhere: point at the target.
  const auto at = [&](const char* key) {
    const Node* n = t.find(key);
    return n && !n->location().file.empty() ? n->location() : t.location();
  };
  const std::string& p = target.key_path;
  const auto arm_exists = [&](const std::string& name) {
    for (const experiment::Arm& a : arms)
      if (a.name == name) return true;
    return false;
  };
  for (const char* key : {"arm", "against_arm"}) {
    const std::string& name = std::string(key) == "arm" ? target.arm : target.against_arm;
    if (!name.empty() && !arm_exists(name)) errors.add(at(key), p + "." + key, "no arm is named '" + name + "'");
  }
  if (!target.against_arm.empty() && target.against_arm == target.arm) {
    errors.add(at("against_arm"), p + ".against_arm", "must differ from the target's arm ('" + target.arm + "')");
  }
  if (target.from_year && !target.year) errors.add(at("from_year"), p + ".from_year", "needs `year` (the end year)");
  if (target.from_year && target.year && *target.from_year == *target.year) {
    errors.add(at("from_year"), p + ".from_year", "must differ from `year`");
  }
  if (target.relative && !target.from_year && target.against_arm.empty()) {
    errors.add(at("relative"), p + ".relative", "a level has nothing to be relative to: give from_year or against_arm");
  }
  if (target.value.has_value() == (target.direction != Direction::None)) {
    errors.add(t.location(), p, "give exactly one of `value` and `direction`");
  }
  if (target.value && !config::has(t, "tolerance")) {
    errors.add(t.location(), p + ".tolerance", "a target value needs a tolerance");
  }
  if (target.direction != Direction::None && target.weight > 0) {
    errors.add(at("weight"), p + ".weight",
               "a direction target is reported, not fitted: set weight: 0 (or give a value and tolerance)");
  }
  return target;
}

}  // namespace

config::SpecPtr fit_spec_declaration() {
  std::vector<config::Field> fields = experiment::experiment_common_fields();
  fields.push_back(
      {"parameters", Spec::map_of(parameter_declaration())
                         ->key_paths(config::KeyPaths::Numbers)
                         ->def_node(Node::map())
                         ->doc("scenario key path → range to fit (none: the targets are only evaluated)")});
  fields.push_back({"targets", Spec::array(target_declaration())->min_items(1)->doc("target moments")});
  fields.push_back({"search", search_declaration()->doc("the search (docs/calibration.md: Calibration to targets)")});
  return Spec::object(std::move(fields));
}

bool is_fit(const Node& root) { return root.is_map() && root.find("targets") != nullptr; }

FitSpec load_fit(const std::string& path, config::ErrorList& errors) {
  FitSpec fit;
  experiment::ExperimentSpec& spec = fit.experiment;
  spec.source_file = path;
  spec.source_text = experiment::read_file_text(path);
  const std::size_t before = errors.size();
  const Node root = config::load_yaml_file(path, errors);
  if (errors.size() > before) return fit;
  const Node checked = config::validate(root, *fit_spec_declaration(), errors);
  if (errors.size() > before) return fit;
  if (!experiment::read_experiment_common(checked, path, spec, errors)) return fit;
  spec.reference_arm = spec.arms.front().name;

  for (const auto& [key, entry] : config::get_child(checked, "parameters").entries()) {
    Parameter p;
    p.key_path = key;
    p.min = config::get_real(entry, "min");
    p.max = config::get_real(entry, "max");
    p.scale = config::get_string(entry, "scale") == "log" ? Scale::Log : Scale::Linear;
    p.integer = config::get_bool(entry, "integer");
    p.where = entry.location();
    check_parameter(entry, key, p, spec.arms, errors);
    fit.parameters.push_back(std::move(p));
  }

  std::set<std::string> names;
  const Node& targets = config::get_child(checked, "targets");
  for (std::size_t i = 0; i < targets.items().size(); ++i) {
    Target t = read_target(targets.items()[i], i, spec.arms, errors);
    if (!names.insert(t.name).second) {
      errors.add(targets.items()[i].find("name")->location(), t.key_path + ".name",
                 "duplicate target name '" + t.name + "'");
    }
    fit.targets.push_back(std::move(t));
  }
  bool any_fitted = false;
  for (const Target& t : fit.targets) any_fitted = any_fitted || t.fitted();
  if (!fit.parameters.empty() && !any_fitted) {
    errors.add(targets.location(), "targets",
               "parameters are given but no target has a weight above 0: nothing to fit");
  }

  const Node& s = config::get_child(checked, "search");
  fit.search.initial_points = static_cast<int>(config::get_int(s, "initial_points"));
  fit.search.max_trials = static_cast<int>(config::get_int(s, "max_trials"));
  fit.search.refine_starts = static_cast<int>(config::get_int(s, "refine_starts"));
  fit.search.initial_step = config::get_real(s, "initial_step");
  fit.search.min_step = config::get_real(s, "min_step");
  fit.search.seed = static_cast<std::uint64_t>(config::get_int(s, "seed"));
  if (fit.search.initial_points > fit.search.max_trials) {
    errors.add(s.find("initial_points")->location(), "search.initial_points",
               "the initial design (" + std::to_string(fit.search.initial_points) + ") exceeds max_trials (" +
                   std::to_string(fit.search.max_trials) + ")");
  }
  return fit;
}

double parameter_value(const Parameter& p, double u) {
  double v = p.scale == Scale::Log ? std::exp(std::log(p.min) + u * (std::log(p.max) - std::log(p.min)))
                                   : p.min + u * (p.max - p.min);
  v = p.integer ? std::round(v) : rounded(v);
  return std::min(p.max, std::max(p.min, v));
}

std::string parameter_text(const Parameter& p, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, p.integer ? "%.0f" : "%.6g", value);
  return buffer;
}

}  // namespace reformsim::fit
