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

// --samples resizes a sampled design; the file's own size was validated already, this one is checked the same way.
void apply_samples(const std::string& file, std::size_t samples, experiment::DesignSettings& design,
                   config::ErrorList& errors) {
  using experiment::DesignKind;
  const config::SourceLocation where{file, 0, 0};
  const std::string kind = experiment::design_name(design.kind);
  switch (design.kind) {
    case DesignKind::Grid:
    case DesignKind::File:
      errors.add(where, "--samples",
                 "a design size of " + std::to_string(samples) +
                     " was given (by --samples, or as the size the parts being merged were run with), but only a "
                     "sampled design (lhs, sobol, morris) has a size; this experiment's design is " +
                     kind +
                     (design.kind == DesignKind::Grid ? ", which runs every combination" : ", which lists its points"));
      return;
    case DesignKind::Lhs:
      design.samples = samples;
      return;
    case DesignKind::Sobol:
    case DesignKind::Morris:
      if (samples < 2) {
        errors.add(where, "--samples",
                   design.kind == DesignKind::Sobol ? "Sobol' indices need at least 2 base samples (a variance)"
                                                    : "Morris's σ needs at least 2 trajectories");
        return;
      }
      (design.kind == DesignKind::Sobol ? design.samples : design.trajectories) = samples;
      return;
  }
}

}  // namespace

std::vector<std::string> PreparedExperiment::resolved_scenarios() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < expanded.scenarios.size(); ++i) out.push_back(model->resolved_scenario(i));
  return out;
}

PreparedExperiment prepare_experiment(const std::string& file, const ExperimentOverrides& overrides,
                                      config::ErrorList& errors) {
  PreparedExperiment p;
  p.spec = experiment::load_experiment(file, errors, overrides.replicates.value_or(1), overrides.seed.value_or(1));
  p.spec.scenario_defaults = agents::scenario_defaults();
  p.spec.scenario_spec = agents::scenario_spec();
  if (overrides.replicates) p.spec.replicates = *overrides.replicates;
  if (overrides.seed) p.spec.seed = *overrides.seed;
  if (overrides.samples && errors.empty()) apply_samples(file, *overrides.samples, p.spec.design, errors);
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
