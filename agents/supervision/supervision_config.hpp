#pragma once
// Supervision of a scenario (the `supervision:` section, supervision_declarations.cpp): the smart-monitoring
// detectors, ward rounds, audits and penalties. Every detector off reproduces the run without supervision exactly.
#include "agents/behaviour/violation.hpp"

namespace reformsim::agents {

/// One smart-monitoring rule: the chance it flags a case that carries what it looks for, and a clean one.
struct DetectorConfig {
  double detection_probability;  ///< chance a claim with what the rule looks for is flagged
  double false_alarm_rate;       ///< chance a claim without it is flagged
};

/// Phantom-bed ward rounds (Xian'an rule).
struct WardRoundConfig {
  double rounds_per_month;            ///< unannounced ward rounds per hospital and month
  double institution_flag_below;      ///< present share below which the hospital is flagged
  double interview_two_below;         ///< present share at two consecutive rounds → interview
  double interview_one_below;         ///< present share at one round → interview
  double patient_absent_share_above;  ///< a patient absent above this share of rounds is flagged
};

/// 医保医师记分 (Beijing Chaoyang): points per confirmed violation, training and suspension.
struct DoctorPointsConfig {
  PerViolation<int> points;    ///< deductions per confirmed violation (1, 2, 4, 6 or 12 in Chaoyang)
  int training_at;             ///< mandatory training
  int suspension_at;           ///< agreement suspended; points restart
  double suspension_months;    ///< first suspension
  double ban_years;            ///< second suspension; a third terminates the doctor for the horizon
  double training_multiplier;  ///< propensity multiplier after mandatory training
};

/// Suspension and termination of a hospital's agreement with the fund.
struct HospitalSanctionsConfig {
  int suspension_after_confirmed;     ///< confirmed violations in a year that suspend the hospital (0: never)
  double suspension_months;           ///< no fund patients during a suspension (Regulation art. 38: 6–12)
  int termination_after_suspensions;  ///< the agreement is terminated at this suspension
};

struct SupervisionConfig {
  DetectorConfig logic_check;           ///< item–diagnosis logic checks (智能监控)
  double cost_p95_screened_share;       ///< share of claims checked against the group's 95th percentile
  double readmission_screened_share;    ///< share of admissions checked against the last discharge
  double readmission_window_days;       ///< an admission this soon after a discharge of the same person is flagged
  DetectorConfig outpatient_window;     ///< outpatient costs within the window around an admission
  double outpatient_window_days;        ///< half-width of the outpatient window around an admission
  double face_check_daily_probability;  ///< chance a daily face check catches an absent inpatient
  /// chance a severe patient turned away (patient selection) leaves a record — a complaint, the receiving
  /// hospital's report — that flags the refusal for audit
  double refusal_detection_probability;
  double cmi_growth_alert;           ///< yearly CMI growth of a hospital above which its claims are riskier
  double alert_risk_multiplier;      ///< risk score multiplier of an alerted hospital's flagged claims
  WardRoundConfig ward_rounds;       ///< phantom-bed ward rounds (Xian'an rule); thresholds 70% > 60% > 50%
  double audit_cases_per_year;       ///< flagged claims reviewed per year, city-wide, highest risk first
  double audit_cost_per_case_yuan;   ///< administrative cost of reviewing one claim
  double ward_round_cost_yuan;       ///< cost of one ward round
  bool clawback;                     ///< confirmed losses are recovered from the hospital
  double fine_multiple;              ///< fine = multiple × confirmed loss (Regulation art. 38: 1–2)
  DoctorPointsConfig doctor_points;  ///< 医保医师记分 (Beijing Chaoyang): 12 points a year
  double caught_doctor_multiplier;   ///< a doctor caught in a violation multiplies their propensity by this
  double interview_multiplier;       ///< a leaders' interview multiplies the hospital's phantom-bed multiplier by this
  HospitalSanctionsConfig hospital_sanctions;  ///< suspension and termination of a hospital's agreement with the fund
  /// True when any detector looks at claims or wards.
  bool any() const {
    return logic_check.detection_probability > 0 || logic_check.false_alarm_rate > 0 || cost_p95_screened_share > 0 ||
           readmission_screened_share > 0 || outpatient_window.detection_probability > 0 ||
           outpatient_window.false_alarm_rate > 0 || face_check_daily_probability > 0 ||
           refusal_detection_probability > 0 || ward_rounds.rounds_per_month > 0;
  }
};

}  // namespace reformsim::agents
