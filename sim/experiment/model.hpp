#pragma once
// What the experiment machinery asks of a model: prepare (validate every scenario before any run), declare the
// outputs, run one plan. The health-insurance world implements it in agents/model/; the framework knows no domain.
#include <string>
#include <vector>

#include "sim/config/errors.hpp"
#include "sim/experiment/output_layout.hpp"
#include "sim/experiment/projection.hpp"
#include "sim/experiment/run_plan.hpp"
#include "sim/experiment/summary_table.hpp"

namespace reformsim::experiment {

/// A simulation model driven by experiments.
class Model {
 public:
  virtual ~Model() = default;
  /// Validates and builds every distinct scenario; all problems go to `errors` (nothing runs if any).
  virtual void prepare(const ExpandedExperiment& experiment, config::ErrorList& errors) = 0;
  /// The outputs every run writes (valid after prepare).
  virtual const OutputLayout& layout() const = 0;
  /// Runs one plan; must be safe to call from several threads at once and depend only on the plan.
  virtual RunValues run(const RunPlan& plan) const = 0;
  /// The per-run scalar metrics shown in the printed summary table (indices into layout().metrics).
  virtual std::vector<HeadlineMetric> headline_metrics() const = 0;
  /// Caveats a reader of the summary table must see above it (e.g. a mechanism the model has switched off in some
  /// runs); one line each, none by default.
  virtual std::vector<std::string> table_notes(const std::vector<RunPlan>& /*runs*/) const { return {}; }
  /// What to project across replicates (fans of yearly metrics, probabilities of events by year); none by default.
  virtual ProjectionSpec projection() const { return {}; }
  /// The validated scenario (defaults filled) of scenario tree `index`, as YAML, for the output's metadata.
  virtual std::string resolved_scenario(std::size_t index) const = 0;
};

}  // namespace reformsim::experiment
