// Fuzz target: an experiment (or scenario) file through load_experiment, the expansion of arms and grid points and
// the model's preparation of every expanded scenario: the path `reformsim validate` takes.
#include <algorithm>

#include "agents/model/reform_model.hpp"
#include "agents/scenario/scenario_declarations.hpp"
#include "fuzz/targets/fuzz_input.hpp"
#include "sim/experiment/experiment_spec.hpp"
#include "sim/experiment/run_plan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace reformsim;
  const std::string path = fuzz::scratch_file("experiment.yaml", fuzz::as_text(data, size));
  config::ErrorList errors;
  experiment::ExperimentSpec spec = experiment::load_experiment(path, errors);
  spec.scenario_defaults = agents::scenario_defaults();
  // Grids multiply: a small input may ask for millions of runs, which validation then prepares one by one.
  std::size_t runs = spec.arms.size() * static_cast<std::size_t>(std::max(spec.replicates, 1));
  for (const experiment::VaryAxis& axis : spec.vary) runs *= std::max<std::size_t>(axis.values.size(), 1);
  if (errors.empty() && runs <= 64) {
    const experiment::ExpandedExperiment expanded = experiment::expand(spec, errors);
    agents::ReformModel model;
    if (errors.empty()) model.prepare(expanded, errors);
  }
  (void)errors.to_string();
  return 0;
}
