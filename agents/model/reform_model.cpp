#include "agents/model/reform_model.hpp"

#include <algorithm>
#include <set>

#include "agents/model/reform_outputs.hpp"
#include "agents/scenario/scenario_loader.hpp"
#include "agents/world/world.hpp"

namespace reformsim::agents {

void ReformModel::prepare(const experiment::ExpandedExperiment& experiment, config::ErrorList& errors) {
  // Arms and grid points usually share the base scenario's problems: report each distinct message once.
  std::set<std::string> seen;
  config::ErrorList all;
  for (const config::Node& tree : experiment.scenarios) {
    config::ErrorList local;
    config::Node validated;
    auto scenario = std::make_shared<ScenarioConfig>(build_scenario(tree, local, &validated));
    for (const config::ConfigError& e : local.errors()) {
      if (seen.insert(e.to_string()).second) all.add(e.where, e.key_path, e.message);
    }
    scenarios_.push_back(std::move(scenario));
    resolved_.push_back(local.empty() ? validated.to_yaml() : std::string());
  }
  if (!all.empty()) {
    errors.append(all);
    return;
  }
  // One output layout for all runs: hospitals and groups must be the same axes in every run.
  const ScenarioConfig& first = *scenarios_.front();
  const ScenarioConfig* longest = &first;
  for (std::size_t i = 0; i < scenarios_.size(); ++i) {
    const ScenarioConfig& s = *scenarios_[i];
    if (s.horizon_years > longest->horizon_years) longest = &s;
    bool same_hospitals = s.hospitals.size() == first.hospitals.size();
    for (std::size_t h = 0; same_hospitals && h < s.hospitals.size(); ++h) {
      same_hospitals = s.hospitals[h].name == first.hospitals[h].name;
    }
    bool same_groups = s.catalogue->size() == first.catalogue->size();
    for (std::size_t g = 0; same_groups && g < s.catalogue->size(); ++g) {
      same_groups = s.catalogue->group(g).code == first.catalogue->group(g).code;
    }
    if (s.population.regions != first.population.regions) {
      errors.add(experiment.scenarios[i].location(), "population.regions",
                 "every run of an experiment must have the same number of regions (an output axis)");
    }
    bool same_drugs = s.drugs.size() == first.drugs.size();
    for (std::size_t d = 0; same_drugs && d < s.drugs.size(); ++d) same_drugs = s.drugs[d].name == first.drugs[d].name;
    bool same_alliances = s.alliances.size() == first.alliances.size();
    for (std::size_t a = 0; same_alliances && a < s.alliances.size(); ++a) {
      same_alliances = s.alliances[a].name == first.alliances[a].name;
    }
    if (!same_drugs || !same_alliances) {
      errors.add(experiment.scenarios[i].location(), same_drugs ? "alliances" : "drugs",
                 "every run of an experiment must have the same drugs and alliances (they are output axes); arm/grid "
                 "point " +
                     std::to_string(i) + " differs from the first");
    }
    if (!same_hospitals || !same_groups) {
      errors.add(experiment.scenarios[i].location(), same_hospitals ? "catalogue" : "hospitals",
                 "every run of an experiment must have the same hospitals and catalogue groups (they are output "
                 "axes); arm/grid point " +
                     std::to_string(i) + " differs from the first");
    }
  }
  std::vector<const ScenarioConfig*> all_scenarios;
  for (const auto& s : scenarios_) all_scenarios.push_back(s.get());
  layout_ = reform_output_layout(*longest, first, all_scenarios);
}

experiment::RunValues ReformModel::run(const experiment::RunPlan& plan) const {
  const ScenarioConfig& scenario = *scenarios_[plan.scenario_index];
  World world(scenario, plan.seed, static_cast<std::uint64_t>(plan.replicate));
  const RunMetrics metrics = world.run();
  return reform_output_values(layout_, scenario, metrics);
}

std::vector<std::string> ReformModel::table_notes(const std::vector<experiment::RunPlan>& runs) const {
  // Without provider behaviour care does not respond to the payment rule: say so, or a reader takes "cost per
  // case 0 ± 0" for a finding.
  std::vector<std::string> arms;
  for (const experiment::RunPlan& plan : runs) {
    if (scenarios_[plan.scenario_index]->behaviour.any()) continue;
    if (std::find(arms.begin(), arms.end(), plan.arm) == arms.end()) arms.push_back(plan.arm);
  }
  if (arms.empty()) return {};
  std::string names;
  for (const std::string& a : arms) names += (names.empty() ? "" : ", ") + a;
  return {"provider behaviour is off in " + std::string(arms.size() == 1 ? "arm " : "arms ") + names +
          ": hospitals and doctors do not respond to the payment rule there, so LOS, cost per case and CMI "
          "change only through accounting (set behaviour: — see scenarios/city/gaming_city.yaml)"};
}

experiment::ProjectionSpec ReformModel::projection() const {
  experiment::ProjectionSpec p;
  p.axis = "year";
  p.fans = {layout_.metric_index("years/balance_end_yuan"), layout_.metric_index("years/months_of_reserve_end")};
  p.events = {{"depleted", "P(fund depleted by year): a month-end balance below 0",
               layout_.metric_index("summary/year_of_depletion")},
              {"below_6_months", "P(under 6 months of reserve by year)",
               layout_.metric_index("summary/first_year_below_6_months")}};
  return p;
}

std::vector<experiment::HeadlineMetric> ReformModel::headline_metrics() const {
  return reform_headline_metrics(layout_);
}

}  // namespace reformsim::agents
