#pragma once
// The health-insurance reform world as an experiment::Model: validates every scenario of an experiment up front,
// then runs one World per plan.
#include <memory>
#include <vector>

#include "agents/scenario/scenario_config.hpp"
#include "sim/experiment/model.hpp"

namespace reformsim::agents {

/// The reform simulator behind the experiment interface.
class ReformModel final : public experiment::Model {
 public:
  void prepare(const experiment::ExpandedExperiment& experiment, config::ErrorList& errors) override;
  const experiment::OutputLayout& layout() const override { return layout_; }
  experiment::RunValues run(const experiment::RunPlan& plan) const override;
  std::vector<experiment::HeadlineMetric> headline_metrics() const override;
  /// A note naming the arms whose provider behaviour is off.
  std::vector<std::string> table_notes(const std::vector<experiment::RunPlan>& runs) const override;
  /// The fund's fan (balance and months of reserve by year) and P(depleted), P(below 6 months) by year.
  experiment::ProjectionSpec projection() const override;
  std::string resolved_scenario(std::size_t index) const override { return resolved_[index]; }
  /// The validated scenario of tree `index`.
  const ScenarioConfig& scenario(std::size_t index) const { return *scenarios_[index]; }

 private:
  std::vector<std::shared_ptr<const ScenarioConfig>> scenarios_;
  std::vector<std::string> resolved_;
  experiment::OutputLayout layout_;
};

}  // namespace reformsim::agents
