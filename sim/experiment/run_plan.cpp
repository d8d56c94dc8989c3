#include "sim/experiment/run_plan.hpp"

#include <algorithm>
#include <cmath>

#include "sim/config/key_path.hpp"
#include "sim/config/scalar_text.hpp"
#include "sim/experiment/design_sampling.hpp"

namespace reformsim::experiment {

namespace {

void apply(config::Node& scenario, const std::string& key_path, const config::Node& value, const config::Node& defaults,
           config::ErrorList& errors, const std::string& origin) {
  try {
    config::set_at_path(scenario, key_path, value, defaults.is_null() ? nullptr : &defaults);
  } catch (const config::PathError& e) {
    errors.add(value.location(), origin, e.what());
  }
}

std::size_t factor_count(const ExperimentSpec& spec) { return spec.ranges.size() + spec.vary.size(); }

// A range's value at unit coordinate u: even in the value (or its logarithm); integers each equally likely.
double range_value(const RangeFactor& r, double u) {
  if (r.integer) {
    if (r.log_scale) {
      // Integer k owns [k − ½, k + ½] of the logarithmic axis (min ≥ 1 on a log scale, so min − ½ > 0).
      const double v = std::exp(std::log(r.min - 0.5) + u * (std::log(r.max + 0.5) - std::log(r.min - 0.5)));
      return std::clamp(std::round(v), r.min, r.max);
    }
    return std::min(r.max, r.min + std::floor(u * (r.max - r.min + 1)));
  }
  const double v =
      r.log_scale ? std::exp(std::log(r.min) + u * (std::log(r.max) - std::log(r.min))) : r.min + u * (r.max - r.min);
  return std::clamp(v, r.min, r.max);
}

UnitPoints unit_points(const ExperimentSpec& spec, std::size_t points) {
  const DesignSettings& d = spec.design;
  const std::size_t dims = factor_count(spec);
  switch (d.kind) {
    case DesignKind::Lhs:
      return maximin_latin_hypercube(points, dims, d.maximin_candidates, d.seed);
    case DesignKind::Sobol:
      return saltelli_points(d.samples, dims, d.seed);
    case DesignKind::Morris:
      return morris_trajectories(d.trajectories, dims, d.levels, d.seed);
    case DesignKind::File:
    case DesignKind::Grid:
      break;
  }
  return {};
}

DesignFactor listed_factor(const VaryAxis& axis) {
  DesignFactor f;
  f.key_path = axis.key_path;
  for (const config::Node& v : axis.values) {
    f.categories.push_back(v.is_scalar() ? v.text() : v.to_yaml());
    f.numeric = f.numeric && v.is_scalar() && !v.quoted() && config::parse_real(v.text()).has_value();
  }
  return f;
}

// A design file's points: a column whose every cell is a number is numeric, any other categorical (its values in
// first-seen order). Each value is located at its row, so a scenario that rejects it points into the file.
DesignTable file_table(const DesignFile& file) {
  DesignTable table;
  for (std::size_t k = 0; k < file.columns.size(); ++k) {
    DesignFactor f;
    f.key_path = file.columns[k];
    for (const auto& row : file.cells) f.numeric = f.numeric && config::parse_real(row[k]).has_value();
    if (!f.numeric) {
      for (const auto& row : file.cells) {
        if (std::find(f.categories.begin(), f.categories.end(), row[k]) == f.categories.end())
          f.categories.push_back(row[k]);
      }
    }
    table.factors.push_back(std::move(f));
  }
  for (std::size_t p = 0; p < file.cells.size(); ++p) {
    std::vector<double> values;
    std::vector<config::Node> nodes;
    for (std::size_t k = 0; k < file.columns.size(); ++k) {
      const std::string& cell = file.cells[p][k];
      const DesignFactor& f = table.factors[k];
      values.push_back(f.numeric ? *config::parse_real(cell)
                                 : static_cast<double>(std::find(f.categories.begin(), f.categories.end(), cell) -
                                                       f.categories.begin()));
      nodes.push_back(config::Node::scalar(cell, {file.path, file.lines[p], 0}));
    }
    table.value.push_back(std::move(values));
    table.nodes.push_back(std::move(nodes));
  }
  return table;
}

}  // namespace

std::optional<std::size_t> design_point_count(const ExperimentSpec& spec, std::size_t limit) {
  const std::size_t dims = factor_count(spec);
  const DesignSettings& d = spec.design;
  const auto times = [limit](std::size_t a, std::size_t b) -> std::optional<std::size_t> {
    if (b != 0 && a > limit / b) return std::nullopt;
    return a * b;
  };
  switch (d.kind) {
    case DesignKind::Lhs:
      return d.samples <= limit ? std::optional(d.samples) : std::nullopt;
    case DesignKind::Sobol:
      return times(d.samples, dims + 2);
    case DesignKind::Morris:
      return times(d.trajectories, dims + 1);
    case DesignKind::File: {
      const std::size_t rows = spec.design_file.cells.size();
      return rows <= limit ? std::optional(rows) : std::nullopt;
    }
    case DesignKind::Grid:
      break;
  }
  std::optional<std::size_t> points = 1;
  for (const VaryAxis& axis : spec.vary) {
    if (axis.values.empty()) continue;  // reported by validation
    points = times(*points, axis.values.size());
    if (!points) return std::nullopt;
  }
  return points;
}

namespace {

// A range must lie inside what the scenario format accepts: otherwise only the points that happen to fall outside
// would fail, and which ones depends on the seed.
void check_declared(const RangeFactor& r, const config::Spec& scenario, config::ErrorList& errors) {
  const std::string path = "ranges." + r.key_path;
  const config::Spec* declared = config::declaration_at_path(scenario, r.key_path);
  if (!declared) return;  // an undeclared key is reported when the scenarios are validated
  if (declared->type() != config::ValueType::Integer && declared->type() != config::ValueType::Real) {
    errors.add(
        r.where, path,
        "'" + r.key_path + "' is " + declared->type_name() + ", not a number: list its values under vary instead");
    return;
  }
  if (declared->type() == config::ValueType::Integer && !r.integer) {
    errors.add(r.where, path, "'" + r.key_path + "' is an integer: add `integer: true`");
  }
  const auto bound_text = [](double v) { return config::format_number(v); };
  if (const auto lo = declared->lower()) {
    const bool below = declared->lower_exclusive() ? r.min <= *lo : r.min < *lo;
    if (below) {
      errors.add(r.where, path + ".min",
                 "must be " + std::string(declared->lower_exclusive() ? "above " : "at least ") + bound_text(*lo) +
                     ", the lowest value '" + r.key_path + "' accepts");
    }
  }
  if (const auto hi = declared->upper()) {
    const bool above = declared->upper_exclusive() ? r.max >= *hi : r.max > *hi;
    if (above) {
      errors.add(r.where, path + ".max",
                 "must be " + std::string(declared->upper_exclusive() ? "below " : "at most ") + bound_text(*hi) +
                     ", the highest value '" + r.key_path + "' accepts");
    }
  }
}

}  // namespace

std::string describe_design(const ExperimentSpec& spec, const ExpandedExperiment& expanded) {
  const DesignSettings& d = spec.design;
  const std::size_t dims = expanded.design.factors.size();
  std::string text = std::string(design_name(d.kind)) + " design: ";
  switch (d.kind) {
    case DesignKind::Sobol:
      text += "N = " + std::to_string(d.samples) + " base samples × (D + 2) = " + std::to_string(dims + 2) + " → ";
      break;
    case DesignKind::Morris:
      text += std::to_string(d.trajectories) + " trajectories × (D + 1) = " + std::to_string(dims + 1) + " → ";
      break;
    case DesignKind::File:
      text += spec.design_file.path + " → ";
      break;
    case DesignKind::Lhs:
    case DesignKind::Grid:
      break;
  }
  const auto plural = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  return text + plural(expanded.design.points(), "point", "points") + " of " + plural(dims, "factor", "factors") +
         " × " + plural(spec.arms.size(), "arm", "arms") + " × " +
         plural(static_cast<std::size_t>(spec.replicates), "replicate", "replicates");
}

DesignTable design_table(const ExperimentSpec& spec, config::ErrorList& errors) {
  if (spec.scenario_spec) {
    const std::size_t before = errors.size();
    for (const RangeFactor& r : spec.ranges) check_declared(r, *spec.scenario_spec, errors);
    if (errors.size() > before) return {};
  }
  // Grids multiply: a few short axes can ask for more runs than any machine finishes (and 64 axes of two values wrap
  // a 64-bit count to zero), so the count is checked before anything is expanded.
  const std::size_t per_point = std::max<std::size_t>(spec.arms.size() * std::max<std::size_t>(spec.replicates, 1), 1);
  const std::optional<std::size_t> count = design_point_count(spec, kMaxRuns / per_point);
  if (!count) {
    const config::SourceLocation where =
        !spec.vary.empty() && !spec.vary.front().values.empty()
            ? spec.vary.front().values.front().location()
            : (!spec.ranges.empty() ? spec.ranges.front().where : config::SourceLocation{});
    errors.add(where, spec.design.kind == DesignKind::Grid ? "vary" : "design",
               std::string("the ") + design_name(spec.design.kind) + " design asks for more than " +
                   std::to_string(kMaxRuns) + " runs (points × arms × replicates); split the experiment or " +
                   (spec.design.kind == DesignKind::Grid ? "vary fewer values" : "take fewer samples"));
    return {};
  }
  const std::size_t points = *count;
  if (spec.design.kind == DesignKind::File) return file_table(spec.design_file);
  DesignTable table;
  for (const RangeFactor& r : spec.ranges) table.factors.push_back({r.key_path, true, {}});
  for (const VaryAxis& axis : spec.vary) table.factors.push_back(listed_factor(axis));
  table.unit = unit_points(spec, points);
  table.value.reserve(points);
  table.nodes.reserve(points);
  const std::size_t ranges = spec.ranges.size();
  for (std::size_t p = 0; p < points; ++p) {
    std::vector<double> values;
    std::vector<config::Node> nodes;
    if (spec.design.kind == DesignKind::Grid) {
      // Mixed-radix digits of the point, the last axis varying fastest.
      std::vector<std::size_t> choice(spec.vary.size());
      std::size_t rest = p;
      for (std::size_t k = spec.vary.size(); k-- > 0;) {
        choice[k] = rest % spec.vary[k].values.size();
        rest /= spec.vary[k].values.size();
      }
      for (std::size_t k = 0; k < spec.vary.size(); ++k) {
        const DesignFactor& f = table.factors[k];
        values.push_back(f.numeric ? *config::parse_real(f.categories[choice[k]]) : static_cast<double>(choice[k]));
        nodes.push_back(spec.vary[k].values[choice[k]]);
      }
    } else {
      const std::vector<double>& u = table.unit[p];
      const bool morris = spec.design.kind == DesignKind::Morris;
      const double top_level = spec.design.levels - 1;
      for (std::size_t k = 0; k < ranges; ++k) {
        const RangeFactor& r = spec.ranges[k];
        // A Morris coordinate is a level m / (levels − 1): mapped by its level, so that rounding cannot move it to
        // the neighbouring value and an integer factor's levels are spread evenly from min to max.
        const double level = morris ? std::round(u[k] * top_level) : 0;
        const double v = morris && r.integer ? r.min + std::round(level / top_level * (r.max - r.min))
                                             : range_value(r, morris ? level / top_level : u[k]);
        values.push_back(v);
        nodes.push_back(config::Node::scalar(design_value_text(v), r.where));
      }
      for (std::size_t k = 0; k < spec.vary.size(); ++k) {
        const std::vector<config::Node>& listed = spec.vary[k].values;
        const double n = static_cast<double>(listed.size());
        const std::size_t i =
            morris ? static_cast<std::size_t>(std::round(std::round(u[ranges + k] * top_level) / top_level * (n - 1)))
                   : std::min(static_cast<std::size_t>(u[ranges + k] * n), listed.size() - 1);
        const DesignFactor& f = table.factors[ranges + k];
        values.push_back(f.numeric ? *config::parse_real(f.categories[i]) : static_cast<double>(i));
        nodes.push_back(listed[i]);
      }
    }
    table.value.push_back(std::move(values));
    table.nodes.push_back(std::move(nodes));
  }
  return table;
}

ExpandedExperiment expand(const ExperimentSpec& spec, config::ErrorList& errors) {
  const std::size_t errors_before = errors.size();
  ExpandedExperiment out;
  out.design = design_table(spec, errors);
  if (errors.size() > errors_before) return {};
  const DesignTable& design = out.design;
  std::vector<RunPlan>& plans = out.runs;
  plans.reserve(design.points() * spec.arms.size() * static_cast<std::size_t>(spec.replicates));
  for (std::size_t point = 0; point < design.points(); ++point) {
    for (std::size_t a = 0; a < spec.arms.size(); ++a) {
      const Arm& arm = spec.arms[a];
      config::Node scenario = spec.base_scenario;
      for (const auto& [key, value] : arm.overrides)
        apply(scenario, key, value, spec.scenario_defaults, errors, "arms." + arm.name + ".set");
      std::vector<std::string> varied;
      for (std::size_t k = 0; k < design.factors.size(); ++k) {
        const config::Node& value = design.nodes[point][k];
        const std::string origin = (k < spec.ranges.size() ? "ranges." : "vary.") + design.factors[k].key_path;
        apply(scenario, design.factors[k].key_path, value, spec.scenario_defaults, errors, origin);
        varied.push_back(value.is_scalar() ? value.text() : value.to_yaml());
      }
      // A broken override breaks every run the same way: report it once.
      if (errors.size() > errors_before) return {};
      out.scenarios.push_back(std::move(scenario));
      for (int r = 0; r < spec.replicates; ++r) {
        RunPlan plan;
        plan.run_id = plans.size();
        plan.point = point;
        plan.arm_index = a;
        plan.arm = arm.name;
        plan.replicate = r;
        plan.seed = spec.seed;
        plan.varied_values = varied;
        plan.scenario_index = out.scenarios.size() - 1;
        plans.push_back(std::move(plan));
      }
    }
  }
  return out;
}

}  // namespace reformsim::experiment
