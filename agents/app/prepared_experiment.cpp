#include "agents/app/prepared_experiment.hpp"

#include <cctype>

#include "agents/scenario/scenario_declarations.hpp"

namespace reformsim::app {

namespace {

// A file name from an experiment name: letters, digits, '-', '_' and '.' kept, anything else becomes '_'.
std::string file_stem_for(const std::string& name) {
  std::string stem;
  for (unsigned char c : name)
    stem += (std::isalnum(c) || c == '-' || c == '_' || c == '.') ? static_cast<char>(c) : '_';
  return stem.empty() || stem[0] == '.' ? "results" + stem : stem;
}

}  // namespace

std::vector<std::string> PreparedExperiment::resolved_scenarios() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < expanded.scenarios.size(); ++i) out.push_back(model->resolved_scenario(i));
  return out;
}

PreparedExperiment prepare_experiment(const std::string& file, std::optional<std::uint64_t> seed,
                                      std::optional<int> replicates, config::ErrorList& errors) {
  PreparedExperiment p;
  p.spec = experiment::load_experiment(file, errors, replicates.value_or(1), seed.value_or(1));
  p.spec.scenario_defaults = agents::scenario_defaults();
  p.spec.scenario_spec = agents::scenario_spec();
  // Given on the command line, they win over the experiment file's own.
  if (replicates) p.spec.replicates = *replicates;
  if (seed) p.spec.seed = *seed;
  if (errors.empty()) p.expanded = experiment::expand(p.spec, errors);
  if (errors.empty()) p.model->prepare(p.expanded, errors);
  return p;
}

std::string default_output_path(const experiment::ExperimentSpec& spec, experiment::RunSelection selection,
                                std::size_t total_runs) {
  std::string stem = "results/" + file_stem_for(spec.name);
  if (selection.first != 0 || selection.end != total_runs)
    stem += ".runs-" + std::to_string(selection.first) + "-" + std::to_string(selection.end);
  return stem + ".h5";
}

}  // namespace reformsim::app
