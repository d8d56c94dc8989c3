#pragma once
// Provider behaviour of a scenario (the `behaviour:` section, behaviour_declarations.cpp): doctors' propensities to
// each violation, the mechanisms' parameters and each hospital's strategy review. All propensities zero and no cost
// control reproduce the run without behaviour exactly.
#include <cstdint>

#include "agents/behaviour/violation.hpp"

namespace reformsim::agents {

/// How often hospitals review their strategy.
enum class ReviewFrequency : std::uint8_t { Yearly, Quarterly };

/// The yearly strategy review of each hospital (agents/behaviour/hospital_strategy.hpp has the rule).
struct StrategyConfig {
  double learning_rate;      ///< yearly change of a hospital's multiplier per unit of net gain rate of the violation
  double margin_target;      ///< hospitals whose margin is below this push their multipliers up
  double margin_pressure;    ///< multiplier change per unit of margin shortfall
  double min_multiplier;     ///< lower bound of a hospital's propensity multiplier
  double max_multiplier;     ///< upper bound of a hospital's propensity multiplier
  double cost_control_rate;  ///< yearly cut of treatment intensity in groups where settlement < true cost
  double min_intensity;      ///< floor of treatment intensity (bill × intensity)
  double los_elasticity;     ///< LOS scales with intensity to this power
  double performance_pay_sensitivity;     ///< propensity × (1 + s × performance pay per doctor ÷ reference)
  double performance_pay_reference_yuan;  ///< performance pay per doctor that adds s to the multiplier
  /// how often hospitals review (quarterly: on year-to-date results, a quarter of each yearly rate)
  ReviewFrequency review;
};

struct BehaviourConfig {
  PerViolation<double> propensity;        ///< per violation type: base probability per eligible case
  double doctor_heterogeneity_cv;         ///< spread of doctors' propensities: lognormal multiplier of mean 1
  double split_first_stay_share;          ///< share of LOS and bill in the first of two split stays
  double split_gap_min_days;              ///< shortest gap between split stays
  double split_gap_max_days;              ///< longest gap between split stays (must not be below the shortest)
  double repeat_gap_beyond_window_days;   ///< repeat admissions return this long after the readmission window
  double selection_loss_threshold;        ///< a case is turned away only when its cost exceeds its payment by this
  double idle_occupancy_below;            ///< low-indication admissions only while bed occupancy is below this
  double low_indication_los_days;         ///< stay of a low-indication admission
  double cost_shift_share;                ///< share of the inpatient bill shifted to outpatient visits or to self-pay
  double max_extra_charge_share;          ///< violating charges add at most this share of the bill
  double phantom_bed_days;                ///< days a phantom bed keeps billing after the patient has left
  StrategyConfig strategy;                ///< each hospital's yearly review of its propensities and intensity
  double low_risk_weight_below;           ///< groups lighter than this count as low-risk for the mortality proxy
  double low_risk_mortality;              ///< deaths per low-risk case at full treatment intensity
  double mortality_intensity_elasticity;  ///< mortality proxy × (1 + e × (1 − intensity))
  /// True when some mechanism can act: a propensity above zero, or cost control.
  bool any() const {
    for (double p : propensity)
      if (p > 0) return true;
    return strategy.cost_control_rate > 0;
  }
};

}  // namespace reformsim::agents
