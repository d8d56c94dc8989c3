// Provider behaviour and supervision. Every default switches the mechanism off, so a scenario without these
// sections runs exactly as before they existed.
#include "agents/scenario/behaviour_schema.hpp"

#include <functional>
#include <string>

#include "agents/behaviour/violation.hpp"
#include "agents/scenario/schema_helpers.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;

SpecPtr probability(double def, std::string doc) {
  return Spec::real()->range(0, 1)->def(def)->unit("probability")->doc(std::move(doc));
}

SpecPtr per_violation(const std::function<SpecPtr(Violation)>& item) {
  std::vector<Field> fields;
  for (Violation v : all_violations()) fields.push_back({std::string(violation_name(v)), item(v)});
  return Spec::object(std::move(fields));
}

SpecPtr strategy_spec() {
  return Spec::object({
      {"learning_rate", Spec::real()->range(0, 10)->def(0.0)->unit("1/rate")->doc(
                            "yearly change of a hospital's multiplier per unit of net gain rate of the violation")},
      {"margin_target", Spec::real()
                            ->range(-1, 1)
                            ->def(0.0)
                            ->unit("fraction")
                            ->doc("hospitals whose margin is below this push their multipliers up")},
      {"margin_pressure", Spec::real()
                              ->range(0, 100)
                              ->def(0.0)
                              ->unit("1/fraction")
                              ->doc("multiplier change per unit of margin shortfall")},
      {"min_multiplier",
       Spec::real()->range(0, 100)->def(0.0)->unit("ratio")->doc("lower bound of a hospital's propensity multiplier")},
      {"max_multiplier",
       Spec::real()->range(0, 100)->def(3.0)->unit("ratio")->doc("upper bound of a hospital's propensity multiplier")},
      {"cost_control_rate", Spec::real()
                                ->range(0, 1)
                                ->def(0.0)
                                ->unit("fraction/year")
                                ->doc("yearly cut of treatment intensity in groups where settlement < true cost")},
      {"min_intensity", Spec::real()->greater_than(0)->max(1)->def(0.8)->unit("ratio")->doc(
                            "floor of treatment intensity (bill × intensity)")},
      {"los_elasticity",
       Spec::real()->range(0, 5)->def(1.0)->unit("ratio")->doc("LOS scales with intensity to this power")},
      {"performance_pay_sensitivity", Spec::real()->range(0, 100)->def(0.0)->unit("ratio")->doc(
                                          "propensity × (1 + s × performance pay per doctor ÷ reference)")},
      {"performance_pay_reference_yuan", Spec::real()->greater_than(0)->def(10000.0)->unit("yuan")->doc(
                                             "performance pay per doctor that adds s to the multiplier")},
      {"review",
       Spec::enumeration({"yearly", "quarterly"})
           ->def("yearly")
           ->doc("how often hospitals review (quarterly: on year-to-date results, a quarter of each yearly rate)")},
  });
}

SpecPtr detector_spec(double detection, double false_alarm, const std::string& what) {
  return Spec::object({
      {"detection_probability", probability(detection, "chance a claim with " + what + " is flagged")},
      {"false_alarm_rate", probability(false_alarm, "chance a claim without it is flagged")},
  });
}

}  // namespace

config::SpecPtr behaviour_spec() {
  return Spec::object({
      {"propensity", per_violation([](Violation v) {
                       return probability(0.0, "base chance a doctor commits " + std::string(violation_name(v)) +
                                                   " on an eligible case where it pays");
                     })->doc("per violation type (DOMAIN.md §6.3): base probability per eligible case")},
      {"doctor_heterogeneity_cv", Spec::real()->range(0, 5)->def(0.5)->unit("cv")->doc(
                                      "spread of doctors' propensities: lognormal multiplier of mean 1")},
      {"split_first_stay_share", Spec::real()
                                     ->greater_than(0)
                                     ->less_than(1)
                                     ->def(0.5)
                                     ->unit("fraction")
                                     ->doc("share of LOS and bill in the first of two split stays")},
      {"split_gap_min_days", Spec::real()->min(0)->def(1.0)->unit("days")->doc("shortest gap between split stays")},
      {"split_gap_max_days", Spec::real()->min(0)->def(7.0)->unit("days")->doc(
                                 "longest gap between split stays (must not be below the shortest)")},
      {"repeat_gap_beyond_window_days", Spec::real()->greater_than(0)->max(365)->def(3.0)->unit("days")->doc(
                                            "repeat admissions return this long after the readmission window")},
      {"selection_loss_threshold", Spec::real()
                                       ->range(0, 10)
                                       ->def(0.0)
                                       ->unit("fraction")
                                       ->doc("a case is turned away only when its cost exceeds its payment by this")},
      {"idle_occupancy_below", Spec::real()
                                   ->range(0, 1)
                                   ->def(0.85)
                                   ->unit("fraction")
                                   ->doc("low-indication admissions only while bed occupancy is below this")},
      {"low_indication_los_days",
       Spec::real()->greater_than(0)->max(60)->def(3.0)->unit("days")->doc("stay of a low-indication admission")},
      {"cost_shift_share", Spec::real()
                               ->greater_than(0)
                               ->less_than(1)
                               ->def(0.2)
                               ->unit("fraction")
                               ->doc("share of the inpatient bill shifted to outpatient visits or to self-pay")},
      {"max_extra_charge_share", Spec::real()
                                     ->greater_than(0)
                                     ->max(10)
                                     ->def(0.3)
                                     ->unit("fraction")
                                     ->doc("violating charges add at most this share of the bill")},
      {"phantom_bed_days", Spec::real()->greater_than(0)->max(60)->def(3.0)->unit("days")->doc(
                               "days a phantom bed keeps billing after the patient has left")},
      {"strategy", strategy_spec()->doc("each hospital's yearly review of its propensities and intensity")},
      {"low_risk_weight_below", Spec::real()->greater_than(0)->def(0.5)->unit("weight")->doc(
                                    "groups lighter than this count as low-risk for the mortality proxy")},
      {"low_risk_mortality", probability(0.0005, "deaths per low-risk case at full treatment intensity")},
      {"mortality_intensity_elasticity",
       Spec::real()->range(0, 100)->def(2.0)->unit("ratio")->doc("mortality proxy × (1 + e × (1 − intensity))")},
  });
}

config::SpecPtr supervision_spec() {
  return Spec::object({
      {"logic_check", detector_spec(0.0, 0.0, "a coding violation (up/down-coding, QY ambiguity)")
                          ->doc("item–diagnosis logic checks (智能监控)")},
      {"cost_p95_screened_share", probability(0.0, "share of claims checked against the group's 95th percentile")},
      {"readmission_screened_share", probability(0.0, "share of admissions checked against the last discharge")},
      {"readmission_window_days", Spec::real()->greater_than(0)->max(365)->def(15.0)->unit("days")->doc(
                                      "an admission this soon after a discharge of the same person is flagged")},
      {"outpatient_window", detector_spec(0.0, 0.0, "outpatient costs shifted into the window")
                                ->doc("outpatient costs within the window around an admission")},
      {"outpatient_window_days", Spec::real()->greater_than(0)->max(60)->def(7.0)->unit("days")->doc(
                                     "half-width of the outpatient window around an admission")},
      {"face_check_daily_probability", probability(0.0, "chance a daily face check catches an absent inpatient")},
      {"cmi_growth_alert", Spec::real()
                               ->range(0, 10)
                               ->def(0.05)
                               ->unit("fraction/year")
                               ->doc("yearly CMI growth of a hospital above which its claims are riskier")},
      {"alert_risk_multiplier", Spec::real()->range(1, 100)->def(2.0)->unit("ratio")->doc(
                                    "risk score multiplier of an alerted hospital's flagged claims")},
      {"ward_rounds",
       Spec::object(
           {
               {"rounds_per_month", Spec::real()->range(0, 31)->def(0.0)->unit("1/month")->doc(
                                        "unannounced ward rounds per hospital and month")},
               {"institution_flag_below", probability(0.7, "present share below which the hospital is flagged")},
               {"interview_two_below", probability(0.6, "present share at two consecutive rounds → interview")},
               {"interview_one_below", probability(0.5, "present share at one round → interview")},
               {"patient_absent_share_above",
                probability(0.3, "a patient absent above this share of rounds is flagged")},
           })
           ->doc("phantom-bed ward rounds (Xian'an rule); thresholds 70% > 60% > 50%")},
      {"audit_cases_per_year", Spec::real()
                                   ->min(0)
                                   ->def(0.0)
                                   ->unit("cases/year")
                                   ->doc("flagged claims reviewed per year, city-wide, highest risk first")},
      {"audit_cost_per_case_yuan",
       Spec::real()->min(0)->def(600.0)->unit("yuan")->doc("administrative cost of reviewing one claim")},
      {"ward_round_cost_yuan", Spec::real()->min(0)->def(2000.0)->unit("yuan")->doc("cost of one ward round")},
      {"clawback", Spec::boolean()->def(true)->doc("confirmed losses are recovered from the hospital")},
      {"fine_multiple", Spec::real()->range(1, 2)->def(1.0)->unit("ratio")->doc(
                            "fine = multiple × confirmed loss (Regulation art. 38: 1–2)")},
      {"doctor_points",
       Spec::object(
           {
               {"points", per_violation([](Violation v) {
                            const bool heavy = v == Violation::PhantomBeds || v == Violation::SplitAdmission;
                            return Spec::integer()
                                ->range(0, 12)
                                ->def(heavy ? 4 : 2)
                                ->unit("points")
                                ->doc("points deducted for a confirmed " + std::string(violation_name(v)));
                          })->doc("deductions per confirmed violation (1, 2, 4, 6 or 12 in Chaoyang)")},
               {"training_at", Spec::integer()->range(1, 100)->def(8)->unit("points")->doc("mandatory training")},
               {"suspension_at",
                Spec::integer()->range(1, 100)->def(12)->unit("points")->doc("agreement suspended; points restart")},
               {"suspension_months",
                Spec::real()->greater_than(0)->max(120)->def(6.0)->unit("months")->doc("first suspension")},
               {"ban_years", Spec::real()->greater_than(0)->max(50)->def(2.0)->unit("years")->doc(
                                 "second suspension; a third terminates the doctor for the horizon")},
               {"training_multiplier", Spec::real()->range(0, 1)->def(0.7)->unit("ratio")->doc(
                                           "propensity multiplier after mandatory training")},
           })
           ->doc("医保医师记分 (Beijing Chaoyang): 12 points a year")},
      {"caught_doctor_multiplier", Spec::real()->range(0, 1)->def(0.5)->unit("ratio")->doc(
                                       "a doctor caught in a violation multiplies their propensity by this")},
      {"interview_multiplier", Spec::real()->range(0, 1)->def(0.7)->unit("ratio")->doc(
                                   "a leaders' interview multiplies the hospital's phantom-bed multiplier by this")},
      {"hospital_sanctions",
       Spec::object({
                        {"suspension_after_confirmed",
                         Spec::integer()
                             ->range(0, 1000000)
                             ->def(0)
                             ->unit("cases/year")
                             ->doc("confirmed violations in a year that suspend the hospital (0: never)")},
                        {"suspension_months", Spec::real()->range(1, 120)->def(6.0)->unit("months")->doc(
                                                  "no fund patients during a suspension (Regulation art. 38: 6–12)")},
                        {"termination_after_suspensions", Spec::integer()
                                                              ->range(1, 100)
                                                              ->def(2)
                                                              ->unit("suspensions")
                                                              ->doc("the agreement is terminated at this suspension")},
                    })
           ->doc("suspension and termination of a hospital's agreement with the fund")},
  });
}

}  // namespace reformsim::agents
