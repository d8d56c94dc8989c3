#include "sim/experiment/run_plan.hpp"

#include <algorithm>

#include "sim/config/key_path.hpp"

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

}  // namespace

ExpandedExperiment expand(const ExperimentSpec& spec, config::ErrorList& errors) {
  // Grids multiply: a few short axes can ask for more runs than any machine finishes (and 64 axes of two values wrap
  // a 64-bit count to zero), so the count is checked before anything is expanded.
  std::size_t points = 1;
  const std::size_t per_point = spec.arms.size() * static_cast<std::size_t>(std::max(spec.replicates, 1));
  for (const VaryAxis& axis : spec.vary) {
    if (axis.values.empty()) continue;  // reported by validation
    if (points > kMaxRuns / axis.values.size() ||
        points * axis.values.size() > kMaxRuns / std::max<std::size_t>(per_point, 1)) {
      errors.add(axis.values.front().location(), "vary",
                 "the grid asks for more than " + std::to_string(kMaxRuns) +
                     " runs (points × arms × replicates); split the experiment or vary fewer values");
      return {};
    }
    points *= axis.values.size();
  }
  ExpandedExperiment out;
  std::vector<RunPlan>& plans = out.runs;
  plans.reserve(points * spec.arms.size() * static_cast<std::size_t>(spec.replicates));
  const std::size_t errors_before = errors.size();
  for (std::size_t point = 0; point < points; ++point) {
    // Mixed-radix digits of `point`, the last axis varying fastest.
    std::vector<std::size_t> choice(spec.vary.size());
    std::size_t rest = point;
    for (std::size_t k = spec.vary.size(); k-- > 0;) {
      choice[k] = rest % spec.vary[k].values.size();
      rest /= spec.vary[k].values.size();
    }
    for (std::size_t a = 0; a < spec.arms.size(); ++a) {
      const Arm& arm = spec.arms[a];
      config::Node scenario = spec.base_scenario;
      for (const auto& [key, value] : arm.overrides)
        apply(scenario, key, value, spec.scenario_defaults, errors, "arms." + arm.name + ".set");
      std::vector<std::string> varied;
      for (std::size_t k = 0; k < spec.vary.size(); ++k) {
        const config::Node& value = spec.vary[k].values[choice[k]];
        apply(scenario, spec.vary[k].key_path, value, spec.scenario_defaults, errors, "vary." + spec.vary[k].key_path);
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
