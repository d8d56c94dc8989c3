#pragma once
// Provider behaviour (DOMAIN.md §6) and supervision (§7) of a scenario: plain structs filled from the
// `behaviour:` and `supervision:` declarations (behaviour_schema.cpp). All propensities zero and every detector
// off reproduce the run without behaviour exactly.
#include "agents/behaviour/violation.hpp"

namespace reformsim::agents {

/// The yearly strategy review of each hospital (agents/behaviour/hospital_strategy.hpp has the rule).
struct StrategyConfig {
  double learning_rate = 0;    ///< multiplier change per unit of net gain rate of a violation type
  double margin_target = 0;    ///< hospitals below this margin push harder
  double margin_pressure = 0;  ///< multiplier change per unit of margin shortfall
  double min_multiplier = 0;   ///< bounds of the hospital's propensity multiplier
  double max_multiplier = 1;
  double cost_control_rate = 0;            ///< yearly cut of treatment intensity in loss-making groups
  double min_intensity = 1;                ///< floor of treatment intensity
  double los_elasticity = 1;               ///< LOS scales with intensity^elasticity
  double performance_pay_sensitivity = 0;  ///< propensity × (1 + s × pay per doctor ÷ reference)
  double performance_pay_reference_yuan = 1;
  bool quarterly = false;  ///< review every quarter instead of every year
};

struct BehaviourConfig {
  PerViolation<double> propensity{};    ///< base probability per eligible case that a doctor commits it
  double doctor_heterogeneity_cv = 0;   ///< per-doctor multiplier: lognormal, mean 1
  double split_first_stay_share = 0.5;  ///< share of LOS and bill in the first of the split stays
  double split_gap_min_days = 1, split_gap_max_days = 7;
  double repeat_gap_beyond_window_days = 3;  ///< repeat admissions return this long after the readmission window
  double selection_loss_threshold = 0;       ///< turn away when true cost exceeds the payment by this fraction
  double idle_occupancy_below = 0.85;        ///< low-indication admissions only when occupancy is below this
  double low_indication_los_days = 3;
  double cost_shift_share = 0.2;        ///< share of the bill shifted (outpatient or self-pay)
  double max_extra_charge_share = 0.3;  ///< violating charges add at most this share of the bill
  double phantom_bed_days = 3;          ///< extra days billed with the patient absent
  StrategyConfig strategy;
  double low_risk_weight_below = 0.5;         ///< groups lighter than this are "low-risk" for the mortality proxy
  double low_risk_mortality = 0.0005;         ///< deaths per low-risk case at full intensity
  double mortality_intensity_elasticity = 2;  ///< mortality × (1 + e × (1 − intensity))
  bool any() const {
    for (double p : propensity)
      if (p > 0) return true;
    return strategy.cost_control_rate > 0;
  }
};

/// One smart-monitoring rule: the chance it flags a case that carries what it looks for, and a clean one.
struct DetectorConfig {
  double detection_probability = 0;
  double false_alarm_rate = 0;
};

/// Phantom-bed ward rounds (Xian'an rule).
struct WardRoundConfig {
  double rounds_per_month = 0;              ///< unannounced checks per hospital and month
  double institution_flag_below = 0.7;      ///< present share below which the hospital is flagged
  double interview_two_below = 0.6;         ///< … at two consecutive checks → leaders interviewed
  double interview_one_below = 0.5;         ///< … at one check → leaders interviewed
  double patient_absent_share_above = 0.3;  ///< a patient absent more than this share of checks is flagged
};

/// 医保医师记分 (Beijing Chaoyang): points per confirmed violation, training and suspension.
struct DoctorPointsConfig {
  PerViolation<int> points{};
  int training_at = 8;
  int suspension_at = 12;
  double suspension_months = 6;
  double ban_years = 2;
  double training_multiplier = 0.7;  ///< propensity after mandatory training
};

struct SupervisionConfig {
  DetectorConfig logic_check;             ///< item–diagnosis logic: coding violations
  double cost_p95_screened_share = 0;     ///< share of claims checked against the group's 95th percentile
  double readmission_screened_share = 0;  ///< share of admissions checked against the previous discharge
  double readmission_window_days = 15;
  DetectorConfig outpatient_window;  ///< outpatient costs within ±outpatient_window_days of an admission
  double outpatient_window_days = 7;
  double face_check_daily_probability = 0;  ///< chance a daily face check catches an absent (phantom) patient
  double cmi_growth_alert = 0.05;           ///< a hospital's yearly CMI growth above this raises its audit risk
  double alert_risk_multiplier = 2;
  WardRoundConfig ward_rounds;
  double audit_cases_per_year = 0;  ///< flagged cases reviewed per year (city-wide), highest risk first
  double audit_cost_per_case_yuan = 600;
  double ward_round_cost_yuan = 2000;
  bool clawback = true;
  double fine_multiple = 1;  ///< fine = multiple × loss (Regulation art. 38: 1–2)
  DoctorPointsConfig doctor_points;
  double caught_doctor_multiplier = 0.5;  ///< a caught doctor's propensity is multiplied by this
  double interview_multiplier = 0.7;      ///< a leaders' interview multiplies the hospital's phantom-bed multiplier
  int suspension_after_confirmed = 0;     ///< confirmed violations in a year that suspend a hospital (0: never)
  double hospital_suspension_months = 6;  ///< Regulation art. 38: 6–12
  int termination_after_suspensions = 2;  ///< the agreement ends at this suspension
  /// True when any detector looks at claims or wards.
  bool any() const {
    return logic_check.detection_probability > 0 || logic_check.false_alarm_rate > 0 || cost_p95_screened_share > 0 ||
           readmission_screened_share > 0 || outpatient_window.detection_probability > 0 ||
           outpatient_window.false_alarm_rate > 0 || face_check_daily_probability > 0 ||
           ward_rounds.rounds_per_month > 0;
  }
};

}  // namespace reformsim::agents
