// Declarations of supervision: detectors, ward rounds, audits, penalties, doctors' points and hospital sanctions.
#include "agents/supervision/supervision_declarations.hpp"

#include <string>

#include "agents/behaviour/behaviour_declarations.hpp"
#include "agents/scenario/schema_helpers.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;

// Each detector says what it looks for in its own words, so this generic pair is not checked against the struct's
// doc comments (an unnamed binding).
Binding<DetectorConfig> detector_binding(const std::string& what) {
  return Binding<DetectorConfig>("")
      .field("detection_probability", &DetectorConfig::detection_probability,
             probability(0.0, "chance a claim with " + what + " is flagged"))
      .field("false_alarm_rate", &DetectorConfig::false_alarm_rate,
             probability(0.0, "chance a claim without it is flagged"));
}

Binding<HospitalSanctionsConfig> sanctions_binding() {
  return Binding<HospitalSanctionsConfig>("HospitalSanctionsConfig")
      .field("suspension_after_confirmed", &HospitalSanctionsConfig::suspension_after_confirmed,
             Spec::integer()
                 ->range(0, 1000000)
                 ->def(0)
                 ->unit("cases/year")
                 ->doc("confirmed violations in a year that suspend the hospital (0: never)"))
      .field("suspension_months", &HospitalSanctionsConfig::suspension_months,
             Spec::real()->range(1, 120)->def(6.0)->unit("months")->doc(
                 "no fund patients during a suspension (Regulation art. 38: 6–12)"))
      .field("termination_after_suspensions", &HospitalSanctionsConfig::termination_after_suspensions,
             Spec::integer()
                 ->range(1, 100)
                 ->def(2)
                 ->unit("suspensions")
                 ->doc("the agreement is terminated at this suspension"));
}

}  // namespace

Binding<WardRoundConfig> ward_round_binding() {
  return Binding<WardRoundConfig>("WardRoundConfig")
      .field(
          "rounds_per_month", &WardRoundConfig::rounds_per_month,
          Spec::real()->range(0, 31)->def(0.0)->unit("1/month")->doc("unannounced ward rounds per hospital and month"))
      .field("institution_flag_below", &WardRoundConfig::institution_flag_below,
             probability(0.7, "present share below which the hospital is flagged"))
      .field("interview_two_below", &WardRoundConfig::interview_two_below,
             probability(0.6, "present share at two consecutive rounds → interview"))
      .field("interview_one_below", &WardRoundConfig::interview_one_below,
             probability(0.5, "present share at one round → interview"))
      .field("patient_absent_share_above", &WardRoundConfig::patient_absent_share_above,
             probability(0.3, "a patient absent above this share of rounds is flagged"));
}

Binding<DoctorPointsConfig> doctor_points_binding() {
  Binding<DoctorPointsConfig> b("DoctorPointsConfig");
  per_violation_field<int>(
      b, "points", &DoctorPointsConfig::points,
      [](Violation v) {
        const bool heavy = v == Violation::PhantomBeds || v == Violation::SplitAdmission;
        return Spec::integer()
            ->range(0, 12)
            ->def(heavy ? 4 : 2)
            ->unit("points")
            ->doc("points deducted for a confirmed " + std::string(violation_name(v)));
      },
      "deductions per confirmed violation (1, 2, 4, 6 or 12 in Chaoyang)");
  return b
      .field("training_at", &DoctorPointsConfig::training_at,
             Spec::integer()->range(1, 100)->def(8)->unit("points")->doc("mandatory training"))
      .field("suspension_at", &DoctorPointsConfig::suspension_at,
             Spec::integer()->range(1, 100)->def(12)->unit("points")->doc("agreement suspended; points restart"))
      .field("suspension_months", &DoctorPointsConfig::suspension_months,
             Spec::real()->greater_than(0)->max(120)->def(6.0)->unit("months")->doc("first suspension"))
      .field("ban_years", &DoctorPointsConfig::ban_years,
             Spec::real()->greater_than(0)->max(50)->def(2.0)->unit("years")->doc(
                 "second suspension; a third terminates the doctor for the horizon"))
      .field("training_multiplier", &DoctorPointsConfig::training_multiplier,
             Spec::real()->range(0, 1)->def(0.7)->unit("ratio")->doc("propensity multiplier after mandatory training"));
}

Binding<SupervisionConfig> supervision_binding() {
  auto doc = [](const char* text) { return [text](SpecPtr s) { return s->doc(text); }; };
  return Binding<SupervisionConfig>("SupervisionConfig")
      .field("logic_check", &SupervisionConfig::logic_check,
             detector_binding("a coding violation (up/down-coding, QY ambiguity), a low-indication admission or "
                              "pharmacy cost shifting"),
             doc("item–diagnosis logic checks (智能监控)"))
      .field("cost_p95_screened_share", &SupervisionConfig::cost_p95_screened_share,
             probability(0.0, "share of claims checked against the group's 95th percentile"))
      .field("readmission_screened_share", &SupervisionConfig::readmission_screened_share,
             probability(0.0, "share of admissions checked against the last discharge"))
      .field("readmission_window_days", &SupervisionConfig::readmission_window_days,
             Spec::real()->greater_than(0)->max(365)->def(15.0)->unit("days")->doc(
                 "an admission this soon after a discharge of the same person is flagged"))
      .field("outpatient_window", &SupervisionConfig::outpatient_window,
             detector_binding("outpatient costs shifted into the window"),
             doc("outpatient costs within the window around an admission"))
      .field("outpatient_window_days", &SupervisionConfig::outpatient_window_days,
             Spec::real()->greater_than(0)->max(60)->def(7.0)->unit("days")->doc(
                 "half-width of the outpatient window around an admission"))
      .field("face_check_daily_probability", &SupervisionConfig::face_check_daily_probability,
             probability(0.0, "chance a daily face check catches an absent inpatient"))
      .field("refusal_detection_probability", &SupervisionConfig::refusal_detection_probability,
             probability(0.0,
                         "chance a severe patient turned away (patient selection) leaves a record — a complaint, the "
                         "receiving hospital's report — that flags the refusal for audit"))
      .field("cmi_growth_alert", &SupervisionConfig::cmi_growth_alert,
             Spec::real()
                 ->range(0, 10)
                 ->def(0.05)
                 ->unit("fraction/year")
                 ->doc("yearly CMI growth of a hospital above which its claims are riskier"))
      .field("alert_risk_multiplier", &SupervisionConfig::alert_risk_multiplier,
             Spec::real()->range(1, 100)->def(2.0)->unit("ratio")->doc(
                 "risk score multiplier of an alerted hospital's flagged claims"))
      .field("ward_rounds", &SupervisionConfig::ward_rounds, ward_round_binding(),
             doc("phantom-bed ward rounds (Xian'an rule); thresholds 70% > 60% > 50%"))
      .field("audit_cases_per_year", &SupervisionConfig::audit_cases_per_year,
             Spec::real()
                 ->min(0)
                 ->def(0.0)
                 ->unit("cases/year")
                 ->doc("flagged claims reviewed per year, city-wide, highest risk first"))
      .field("audit_cost_per_case_yuan", &SupervisionConfig::audit_cost_per_case_yuan,
             Spec::real()->min(0)->def(600.0)->unit("yuan")->doc("administrative cost of reviewing one claim"))
      .field("ward_round_cost_yuan", &SupervisionConfig::ward_round_cost_yuan,
             Spec::real()->min(0)->def(2000.0)->unit("yuan")->doc("cost of one ward round"))
      .field("clawback", &SupervisionConfig::clawback,
             Spec::boolean()->def(true)->doc("confirmed losses are recovered from the hospital"))
      .field("fine_multiple", &SupervisionConfig::fine_multiple,
             Spec::real()->range(1, 2)->def(1.0)->unit("ratio")->doc(
                 "fine = multiple × confirmed loss (Regulation art. 38: 1–2)"))
      .field("doctor_points", &SupervisionConfig::doctor_points, doctor_points_binding(),
             doc("医保医师记分 (Beijing Chaoyang): 12 points a year"))
      .field("caught_doctor_multiplier", &SupervisionConfig::caught_doctor_multiplier,
             Spec::real()->range(0, 1)->def(0.5)->unit("ratio")->doc(
                 "a doctor caught in a violation multiplies their propensity by this"))
      .field("interview_multiplier", &SupervisionConfig::interview_multiplier,
             Spec::real()->range(0, 1)->def(0.7)->unit("ratio")->doc(
                 "a leaders' interview multiplies the hospital's phantom-bed multiplier by this"))
      .field("hospital_sanctions", &SupervisionConfig::hospital_sanctions, sanctions_binding(),
             doc("suspension and termination of a hospital's agreement with the fund"));
}

void check_supervision(const config::Node& root, const SupervisionConfig& s, config::ErrorList& errors) {
  const WardRoundConfig& w = s.ward_rounds;
  check_order(root, "supervision.ward_rounds.interview_one_below", w.interview_one_below,
              "supervision.ward_rounds.interview_two_below", w.interview_two_below, errors);
  check_order(root, "supervision.ward_rounds.interview_two_below", w.interview_two_below,
              "supervision.ward_rounds.institution_flag_below", w.institution_flag_below, errors);
  const DoctorPointsConfig& d = s.doctor_points;
  check_order(root, "supervision.doctor_points.training_at", d.training_at, "supervision.doctor_points.suspension_at",
              d.suspension_at, errors);
}

}  // namespace reformsim::agents
