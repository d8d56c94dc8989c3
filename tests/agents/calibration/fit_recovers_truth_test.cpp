// `reformsim fit` on the reform model's own output: targets computed at known behaviour parameters must lead the
// search back to those parameters. A fit that cannot find the truth on the model's own output is broken.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "agents/model/reform_model.hpp"
#include "sim/fit/fit_output.hpp"
#include "sim/fit/fit_search.hpp"
#include "tests/support/source_path.hpp"
#include "tests/support/temp_dir.hpp"

namespace reformsim::testing {
namespace {

const fit::ModelFactory kReform = [] { return std::make_unique<agents::ReformModel>(); };

// The gaming city, small, reviewing quarterly so that care responds within the first year of DRG.
std::string city_yaml() {
  return "extends: " + source_path("scenarios/city/gaming_city.yaml") +
         "\npopulation: {insured: 20000}\nhorizon_years: 2\n"
         "behaviour:\n  strategy: {review: quarterly}\n";
}

// The arms and the two targets: DRG's first-year change in cost per case, and its CMI against FFS.
std::string fit_yaml(const std::string& base, double cost_change, double cmi_difference, const std::string& rest) {
  return "name: truth\nbase: " + base +
         "\nreplicates: 2\nseed: 7\narms:\n  - name: ffs\n  - name: drg\n"
         "    set: {payment.switches: [{year: 2, method: drg}]}\n"
         "targets:\n"
         "  - {name: cost, metric: years/cost_per_case_yuan, arm: drg, year: 2, from_year: 1, relative: true,\n"
         "     value: " +
         std::to_string(cost_change) +
         ", tolerance: 0.004}\n"
         "  - {name: cmi, metric: years/cmi, arm: drg, against_arm: ffs, year: 2, relative: true,\n"
         "     value: " +
         std::to_string(cmi_difference) + ", tolerance: 0.004}\n" + rest;
}

fit::FitSpec load(const std::string& path) {
  config::ErrorList errors;
  fit::FitSpec spec = fit::load_fit(path, errors);
  EXPECT_TRUE(errors.empty()) << errors.to_string();
  return spec;
}

TEST(FitRecoversTruthTest, BehaviourParametersAreRecoveredFromTheModelsOwnTargets) {
  TempDir dir;
  dir.write("city.yaml", city_yaml());
  const double true_cost_control = 0.12, true_upcoding = 0.06;
  dir.write("truth.yaml",
            "extends: city.yaml\nbehaviour:\n  strategy: {cost_control_rate: " + std::to_string(true_cost_control) +
                "}\n  propensity: {upcoding_main_diagnosis: " + std::to_string(true_upcoding) + "}\n");
  // The model's outcomes at the truth (no parameters: the base is evaluated once).
  const fit::FitResult truth =
      fit::run_fit(load(dir.write("evaluate.yaml", fit_yaml("truth.yaml", 0, 0, ""))), kReform, {0, false});
  const double cost = truth.trials[0].outcomes[0].mean, cmi = truth.trials[0].outcomes[1].mean;
  ASSERT_LT(cost, -0.01) << "cost control must show in the first DRG year for the test to identify it";
  ASSERT_GT(cmi, 0.005) << "upcoding must show in the CMI for the test to identify it";

  const fit::FitSpec spec = load(dir.write(
      "fit.yaml", fit_yaml("city.yaml", cost, cmi,
                           "parameters:\n"
                           "  behaviour.strategy.cost_control_rate: {min: 0.01, max: 0.5, scale: log}\n"
                           "  behaviour.propensity.upcoding_main_diagnosis: {min: 0.005, max: 0.3, scale: log}\n"
                           "search: {initial_points: 10, max_trials: 45, refine_starts: 1}\n")));
  const fit::FitResult result = fit::run_fit(spec, kReform, {0, false});
  const fit::Trial& best = result.trials[result.best];
  EXPECT_TRUE(best.within_tolerance);
  // Within 10% of each log-range of the truth (the ranges span 1.7 and 1.8 decades).
  const auto unit = [](double v, double lo, double hi) { return std::log(v / lo) / std::log(hi / lo); };
  EXPECT_NEAR(unit(best.values[0], 0.01, 0.5), unit(true_cost_control, 0.01, 0.5), 0.1) << best.values[0];
  EXPECT_NEAR(unit(best.values[1], 0.005, 0.3), unit(true_upcoding, 0.005, 0.3), 0.1) << best.values[1];
}

// The best-fit file is a scenario that reproduces the best trial exactly: evaluated on its own, it gives the same
// outcomes to the last bit.
TEST(FitRecoversTruthTest, TheBestFitFileReproducesTheBestTrial) {
  TempDir dir;
  dir.write("city.yaml", city_yaml());
  const fit::FitSpec spec =
      load(dir.write("fit.yaml", fit_yaml("city.yaml", -0.03, 0.02,
                                          "parameters:\n"
                                          "  behaviour.strategy.cost_control_rate: {min: 0.01, max: 0.5, scale: log}\n"
                                          "  behaviour.strategy.los_elasticity: {min: 0.2, max: 2}\n"
                                          "search: {initial_points: 3, max_trials: 3}\n")));
  const fit::FitResult result = fit::run_fit(spec, kReform, {0, false});
  const std::string best_path = dir.path("fitted/best.yaml");
  std::filesystem::create_directories(dir.path("fitted"));
  dir.write("fitted/best.yaml", fit::best_fit_yaml(spec, result, best_path, "test"));
  const fit::FitResult again =
      fit::run_fit(load(dir.write("again.yaml", fit_yaml("fitted/best.yaml", -0.03, 0.02, ""))), kReform, {0, false});
  const fit::Trial& best = result.trials[result.best];
  ASSERT_EQ(again.trials.size(), 1u);
  for (std::size_t k = 0; k < best.outcomes.size(); ++k) {
    EXPECT_EQ(again.trials[0].outcomes[k].mean, best.outcomes[k].mean) << k;
  }
  EXPECT_EQ(again.trials[0].distance, best.distance);
}

}  // namespace
}  // namespace reformsim::testing
