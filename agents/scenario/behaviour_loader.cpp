#include "agents/scenario/behaviour_loader.hpp"

#include <sstream>
#include <string>

#include "sim/config/key_path.hpp"
#include "sim/config/read.hpp"

namespace reformsim::agents {

namespace {

using config::get_bool;
using config::get_child;
using config::get_int;
using config::get_real;
using config::Node;

DetectorConfig read_detector(const Node& n) {
  return {get_real(n, "detection_probability"), get_real(n, "false_alarm_rate")};
}

std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// `lower` must not exceed `upper`; the error is reported at `upper_path`.
void check_order(const Node& root, const std::string& lower_path, double lower, const std::string& upper_path,
                 double upper, config::ErrorList& errors) {
  if (lower <= upper) return;
  const Node* at = config::find_at_path(root, upper_path);
  errors.add(
      at ? at->location() : root.location(), upper_path,
      number(upper) + " is below " + lower_path + " (" + number(lower) + "); the thresholds are in the wrong order");
}

void read_strategy(const Node& n, StrategyConfig& c) {
  c.learning_rate = get_real(n, "learning_rate");
  c.margin_target = get_real(n, "margin_target");
  c.margin_pressure = get_real(n, "margin_pressure");
  c.min_multiplier = get_real(n, "min_multiplier");
  c.max_multiplier = get_real(n, "max_multiplier");
  c.cost_control_rate = get_real(n, "cost_control_rate");
  c.min_intensity = get_real(n, "min_intensity");
  c.los_elasticity = get_real(n, "los_elasticity");
  c.performance_pay_sensitivity = get_real(n, "performance_pay_sensitivity");
  c.performance_pay_reference_yuan = get_real(n, "performance_pay_reference_yuan");
  c.quarterly = config::get_string(n, "review") == "quarterly";
}

void read_behaviour(const Node& n, BehaviourConfig& b) {
  const Node& propensity = get_child(n, "propensity");
  for (Violation v : all_violations()) b.propensity[index_of(v)] = get_real(propensity, violation_name(v));
  b.doctor_heterogeneity_cv = get_real(n, "doctor_heterogeneity_cv");
  b.split_first_stay_share = get_real(n, "split_first_stay_share");
  b.split_gap_min_days = get_real(n, "split_gap_min_days");
  b.split_gap_max_days = get_real(n, "split_gap_max_days");
  b.repeat_gap_beyond_window_days = get_real(n, "repeat_gap_beyond_window_days");
  b.selection_loss_threshold = get_real(n, "selection_loss_threshold");
  b.idle_occupancy_below = get_real(n, "idle_occupancy_below");
  b.low_indication_los_days = get_real(n, "low_indication_los_days");
  b.cost_shift_share = get_real(n, "cost_shift_share");
  b.max_extra_charge_share = get_real(n, "max_extra_charge_share");
  b.phantom_bed_days = get_real(n, "phantom_bed_days");
  read_strategy(get_child(n, "strategy"), b.strategy);
  b.low_risk_weight_below = get_real(n, "low_risk_weight_below");
  b.low_risk_mortality = get_real(n, "low_risk_mortality");
  b.mortality_intensity_elasticity = get_real(n, "mortality_intensity_elasticity");
}

void read_supervision(const Node& n, SupervisionConfig& s) {
  s.logic_check = read_detector(get_child(n, "logic_check"));
  s.cost_p95_screened_share = get_real(n, "cost_p95_screened_share");
  s.readmission_screened_share = get_real(n, "readmission_screened_share");
  s.readmission_window_days = get_real(n, "readmission_window_days");
  s.outpatient_window = read_detector(get_child(n, "outpatient_window"));
  s.outpatient_window_days = get_real(n, "outpatient_window_days");
  s.face_check_daily_probability = get_real(n, "face_check_daily_probability");
  s.cmi_growth_alert = get_real(n, "cmi_growth_alert");
  s.alert_risk_multiplier = get_real(n, "alert_risk_multiplier");
  const Node& w = get_child(n, "ward_rounds");
  s.ward_rounds.rounds_per_month = get_real(w, "rounds_per_month");
  s.ward_rounds.institution_flag_below = get_real(w, "institution_flag_below");
  s.ward_rounds.interview_two_below = get_real(w, "interview_two_below");
  s.ward_rounds.interview_one_below = get_real(w, "interview_one_below");
  s.ward_rounds.patient_absent_share_above = get_real(w, "patient_absent_share_above");
  s.audit_cases_per_year = get_real(n, "audit_cases_per_year");
  s.audit_cost_per_case_yuan = get_real(n, "audit_cost_per_case_yuan");
  s.ward_round_cost_yuan = get_real(n, "ward_round_cost_yuan");
  s.clawback = get_bool(n, "clawback");
  s.fine_multiple = get_real(n, "fine_multiple");
  const Node& p = get_child(n, "doctor_points");
  const Node& points = get_child(p, "points");
  for (Violation v : all_violations()) {
    s.doctor_points.points[index_of(v)] = static_cast<int>(get_int(points, violation_name(v)));
  }
  s.doctor_points.training_at = static_cast<int>(get_int(p, "training_at"));
  s.doctor_points.suspension_at = static_cast<int>(get_int(p, "suspension_at"));
  s.doctor_points.suspension_months = get_real(p, "suspension_months");
  s.doctor_points.ban_years = get_real(p, "ban_years");
  s.doctor_points.training_multiplier = get_real(p, "training_multiplier");
  s.caught_doctor_multiplier = get_real(n, "caught_doctor_multiplier");
  s.interview_multiplier = get_real(n, "interview_multiplier");
  const Node& sanctions = get_child(n, "hospital_sanctions");
  s.suspension_after_confirmed = static_cast<int>(get_int(sanctions, "suspension_after_confirmed"));
  s.hospital_suspension_months = get_real(sanctions, "suspension_months");
  s.termination_after_suspensions = static_cast<int>(get_int(sanctions, "termination_after_suspensions"));
}

}  // namespace

void read_behaviour_and_supervision(const Node& root, ScenarioConfig& s, config::ErrorList& errors) {
  read_behaviour(get_child(root, "behaviour"), s.behaviour);
  read_supervision(get_child(root, "supervision"), s.supervision);
  const BehaviourConfig& b = s.behaviour;
  check_order(root, "behaviour.split_gap_min_days", b.split_gap_min_days, "behaviour.split_gap_max_days",
              b.split_gap_max_days, errors);
  check_order(root, "behaviour.strategy.min_multiplier", b.strategy.min_multiplier, "behaviour.strategy.max_multiplier",
              b.strategy.max_multiplier, errors);
  const WardRoundConfig& w = s.supervision.ward_rounds;
  check_order(root, "supervision.ward_rounds.interview_one_below", w.interview_one_below,
              "supervision.ward_rounds.interview_two_below", w.interview_two_below, errors);
  check_order(root, "supervision.ward_rounds.interview_two_below", w.interview_two_below,
              "supervision.ward_rounds.institution_flag_below", w.institution_flag_below, errors);
  const DoctorPointsConfig& d = s.supervision.doctor_points;
  check_order(root, "supervision.doctor_points.training_at", d.training_at, "supervision.doctor_points.suspension_at",
              d.suspension_at, errors);
}

}  // namespace reformsim::agents
