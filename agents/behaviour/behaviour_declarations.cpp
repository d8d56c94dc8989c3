// Declarations of provider behaviour: propensities, the mechanisms' parameters and the hospitals' strategy review.
#include "agents/behaviour/behaviour_declarations.hpp"

#include <sstream>

#include "agents/scenario/schema_helpers.hpp"
#include "sim/config/key_path.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;

const config::Choices<ReviewFrequency>& review_frequencies() {
  static const config::Choices<ReviewFrequency> c{{"yearly", ReviewFrequency::Yearly},
                                                  {"quarterly", ReviewFrequency::Quarterly}};
  return c;
}

std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

}  // namespace

Binding<StrategyConfig> strategy_binding() {
  return Binding<StrategyConfig>("StrategyConfig")
      .field("learning_rate", &StrategyConfig::learning_rate,
             Spec::real()->range(0, 10)->def(0.0)->unit("1/rate")->doc(
                 "yearly change of a hospital's multiplier per unit of net gain rate of the violation"))
      .field("margin_target", &StrategyConfig::margin_target,
             Spec::real()
                 ->range(-1, 1)
                 ->def(0.0)
                 ->unit("fraction")
                 ->doc("hospitals whose margin is below this push their multipliers up"))
      .field("margin_pressure", &StrategyConfig::margin_pressure,
             Spec::real()
                 ->range(0, 100)
                 ->def(0.0)
                 ->unit("1/fraction")
                 ->doc("multiplier change per unit of margin shortfall"))
      .field("min_multiplier", &StrategyConfig::min_multiplier,
             Spec::real()->range(0, 100)->def(0.0)->unit("ratio")->doc(
                 "lower bound of a hospital's propensity multiplier"))
      .field("max_multiplier", &StrategyConfig::max_multiplier,
             Spec::real()->range(0, 100)->def(3.0)->unit("ratio")->doc(
                 "upper bound of a hospital's propensity multiplier"))
      .field("cost_control_rate", &StrategyConfig::cost_control_rate,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.0)
                 ->unit("fraction/year")
                 ->doc("yearly cut of treatment intensity in groups where settlement < true cost"))
      .field("min_intensity", &StrategyConfig::min_intensity,
             Spec::real()->greater_than(0)->max(1)->def(0.8)->unit("ratio")->doc(
                 "floor of treatment intensity (bill × intensity)"))
      .field("los_elasticity", &StrategyConfig::los_elasticity,
             Spec::real()->range(0, 5)->def(1.0)->unit("ratio")->doc("LOS scales with intensity to this power"))
      .field("performance_pay_sensitivity", &StrategyConfig::performance_pay_sensitivity,
             Spec::real()->range(0, 100)->def(0.0)->unit("ratio")->doc(
                 "propensity × (1 + s × performance pay per doctor ÷ reference)"))
      .field("performance_pay_reference_yuan", &StrategyConfig::performance_pay_reference_yuan,
             Spec::real()->greater_than(0)->def(10000.0)->unit("yuan")->doc(
                 "performance pay per doctor that adds s to the multiplier"))
      .field("review", &StrategyConfig::review,
             review_frequencies().spec()->def("yearly")->doc(
                 "how often hospitals review (quarterly: on year-to-date results, a quarter of each yearly rate)"),
             review_frequencies());
}

Binding<BehaviourConfig> behaviour_binding() {
  Binding<BehaviourConfig> b("BehaviourConfig");
  per_violation_field<double>(
      b, "propensity", &BehaviourConfig::propensity,
      [](Violation v) {
        return probability(0.0, "base chance a doctor commits " + std::string(violation_name(v)) +
                                    " on an eligible case where it pays");
      },
      "per violation type: base probability per eligible case");
  return b
      .field("doctor_heterogeneity_cv", &BehaviourConfig::doctor_heterogeneity_cv,
             Spec::real()->range(0, 5)->def(0.5)->unit("cv")->doc(
                 "spread of doctors' propensities: lognormal multiplier of mean 1"))
      .field("split_first_stay_share", &BehaviourConfig::split_first_stay_share,
             Spec::real()
                 ->greater_than(0)
                 ->less_than(1)
                 ->def(0.5)
                 ->unit("fraction")
                 ->doc("share of LOS and bill in the first of two split stays"))
      .field("split_gap_min_days", &BehaviourConfig::split_gap_min_days,
             Spec::real()->min(0)->def(1.0)->unit("days")->doc("shortest gap between split stays"))
      .field("split_gap_max_days", &BehaviourConfig::split_gap_max_days,
             Spec::real()->min(0)->def(7.0)->unit("days")->doc(
                 "longest gap between split stays (must not be below the shortest)"))
      .field("repeat_gap_beyond_window_days", &BehaviourConfig::repeat_gap_beyond_window_days,
             Spec::real()->greater_than(0)->max(365)->def(3.0)->unit("days")->doc(
                 "repeat admissions return this long after the readmission window"))
      .field("selection_loss_threshold", &BehaviourConfig::selection_loss_threshold,
             Spec::real()
                 ->range(0, 10)
                 ->def(0.0)
                 ->unit("fraction")
                 ->doc("a case is turned away only when its cost exceeds its payment by this"))
      .field("idle_occupancy_below", &BehaviourConfig::idle_occupancy_below,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.85)
                 ->unit("fraction")
                 ->doc("low-indication admissions only while bed occupancy is below this"))
      .field("low_indication_los_days", &BehaviourConfig::low_indication_los_days,
             Spec::real()->greater_than(0)->max(60)->def(3.0)->unit("days")->doc("stay of a low-indication admission"))
      .field("cost_shift_share", &BehaviourConfig::cost_shift_share,
             Spec::real()
                 ->greater_than(0)
                 ->less_than(1)
                 ->def(0.2)
                 ->unit("fraction")
                 ->doc("share of the inpatient bill shifted to outpatient visits or to self-pay"))
      .field("max_extra_charge_share", &BehaviourConfig::max_extra_charge_share,
             Spec::real()
                 ->greater_than(0)
                 ->max(10)
                 ->def(0.3)
                 ->unit("fraction")
                 ->doc("violating charges add at most this share of the bill"))
      .field("phantom_bed_days", &BehaviourConfig::phantom_bed_days,
             Spec::real()->greater_than(0)->max(60)->def(3.0)->unit("days")->doc(
                 "days a phantom bed keeps billing after the patient has left"))
      .field("strategy", &BehaviourConfig::strategy, strategy_binding(),
             [](SpecPtr s) { return s->doc("each hospital's yearly review of its propensities and intensity"); })
      .field("low_risk_weight_below", &BehaviourConfig::low_risk_weight_below,
             Spec::real()->greater_than(0)->def(0.5)->unit("weight")->doc(
                 "groups lighter than this count as low-risk for the mortality proxy"))
      .field("low_risk_mortality", &BehaviourConfig::low_risk_mortality,
             probability(0.0005, "deaths per low-risk case at full treatment intensity"))
      .field("mortality_intensity_elasticity", &BehaviourConfig::mortality_intensity_elasticity,
             Spec::real()->range(0, 100)->def(2.0)->unit("ratio")->doc("mortality proxy × (1 + e × (1 − intensity))"));
}

void check_order(const config::Node& root, const std::string& lower_path, double lower, const std::string& upper_path,
                 double upper, config::ErrorList& errors) {
  if (lower <= upper) return;
  config::report_at(errors, root, std::vector<std::string>{upper_path, lower_path},
                    upper_path + " (" + number(upper) + ") is below " + lower_path + " (" + number(lower) +
                        "); the thresholds are in the wrong order");
}

void check_behaviour(const config::Node& root, const BehaviourConfig& b, config::ErrorList& errors) {
  check_order(root, "behaviour.split_gap_min_days", b.split_gap_min_days, "behaviour.split_gap_max_days",
              b.split_gap_max_days, errors);
  check_order(root, "behaviour.strategy.min_multiplier", b.strategy.min_multiplier, "behaviour.strategy.max_multiplier",
              b.strategy.max_multiplier, errors);
}

}  // namespace reformsim::agents
