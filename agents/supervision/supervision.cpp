// Supervision's detectors and audits: every paid claim is screened, flagged claims wait for the month's audits, the
// audit budget goes to the riskiest, and what an audit confirms is penalised.
#include "agents/supervision/supervision.hpp"

#include <algorithm>
#include <cmath>

#include "agents/supervision/ward_round.hpp"
#include "agents/world/random_purposes.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

namespace {

constexpr std::uint64_t kScreeningSubstream = 8;  // + stay kind: the stays of a split are screened separately
constexpr std::uint64_t kRefusalSubstream = 24;
constexpr double kP95NormalQuantile = 1.6448536269514722;

// The 95th percentile of a group's bill at a hospital under the catalogue's cost model: lognormal cost noise
// compounded with the LOS-linked part of the cost.
double bill_p95_yuan(const CaseGroup& g, double cost_index, double technology, double los_linked_share) {
  const double cv2 = (1 + g.cost_cv * g.cost_cv) * (1 + los_linked_share * los_linked_share * g.los_cv * g.los_cv) - 1;
  const double sigma = std::sqrt(std::log1p(cv2));
  return g.mean_cost_yuan * cost_index * technology * std::exp(-0.5 * sigma * sigma + kP95NormalQuantile * sigma);
}

bool is_coding_violation(Violation v) {
  return v == Violation::UpcodingMainDiagnosis || v == Violation::UpcodingSecondaryDiagnosis ||
         v == Violation::DowncodingHighMultiple || v == Violation::DeliberateAmbiguity ||
         v == Violation::LowIndicationAdmission || v == Violation::CostShiftingPharmacy;
}

}  // namespace

Supervision::Supervision(RunContext& run, InpatientCare& inpatient, FundBooks& books, PaymentCycle& payment,
                         const Hooks& hooks)
    : run_(run),
      inpatient_(inpatient),
      books_(books),
      payment_(payment),
      hooks_(hooks),
      key_(run.key(purpose::kSupervision)),
      ward_rounds_scheduled_(run.hospitals(), 0) {
  for (const HospitalConfig& h : run.scenario.hospitals) {
    SupervisedHospital s;
    s.doctors.resize(static_cast<std::size_t>(h.doctors));
    hospitals_.push_back(std::move(s));
  }
}

void Supervision::on_admission(ActiveCase& c, std::uint8_t arrival_kind, double since_discharge_days, double) {
  const SupervisionConfig& s = run_.scenario.supervision;
  if (since_discharge_days <= s.readmission_window_days && s.readmission_screened_share > 0) {
    sim::RandomStream rng(key_, c.entity, 1 + arrival_kind);
    c.readmission_flagged = sim::bernoulli(rng, s.readmission_screened_share);
  }
}

void Supervision::on_claim_paid(sim::Simulation& sim, ClaimOutcome& claim) {
  screen_claim(claim.c, claim.violation, claim.loss_yuan, claim.excess_points, to_yuan(claim.paid.fund_fen),
               claim.submitted, sim.now());
}

void Supervision::screen_claim(const ActiveCase& c, std::optional<Violation> violation, double loss_yuan,
                               double excess_points, double fund_yuan, const CaseFacts& submitted, double now) {
  const SupervisionConfig& s = run_.scenario.supervision;
  SupervisedHospital& sh = hospitals_[c.hospital];
  sim::RandomStream rng(key_, c.entity, kScreeningSubstream + c.stay_kind);
  if (violation == Violation::PhantomBeds) {
    // The patient is not in the bed: a daily face check or a ward round finds it without an audit.
    const double absent_days = std::max(0.0, static_cast<double>(c.los_days) - c.true_los_days);
    const double face = 1.0 - std::pow(1.0 - s.face_check_daily_probability, absent_days);
    if (patient_flagged(c.ward_absences, c.ward_checks, s.ward_rounds) || rng.next_uniform() < face) {
      const double deduction = phantom_bed_deduction_yuan(c.bill_yuan, c.los_days, sh.phantom_flags_this_year++);
      penalise(c.hospital, c.doctor, c.patient_scheme(), c.region, Violation::PhantomBeds, deduction, 0.0,
               run_.month_of(now), now);
      return;
    }
  }
  int fired = 0;
  const bool coding = violation && is_coding_violation(*violation);
  if (rng.next_uniform() < (coding ? s.logic_check.detection_probability : s.logic_check.false_alarm_rate)) ++fired;
  if (s.cost_p95_screened_share > 0 && rng.next_uniform() < s.cost_p95_screened_share) {
    const double technology =
        run_.years[static_cast<std::size_t>(run_.year_at(now))].group_cost_factor[submitted.group];
    const double p95 =
        bill_p95_yuan(run_.scenario.catalogue->group(submitted.group), run_.scenario.hospitals[c.hospital].cost_index,
                      technology, run_.scenario.case_mix.los_linked_cost_share);
    if (submitted.bill_yuan > p95) ++fired;
  }
  if (c.readmission_flagged) ++fired;
  double outpatient_p = s.outpatient_window.false_alarm_rate;
  if (violation == Violation::CostShiftingOutpatient) {
    // The shifted visits fall within a week either side of the stay; the detector sees those inside its window.
    const double offset_days = 7.0 * (2.0 * rng.next_uniform() - 1.0);
    if (std::abs(offset_days) <= s.outpatient_window_days) outpatient_p = s.outpatient_window.detection_probability;
  }
  if (rng.next_uniform() < outpatient_p) ++fired;
  if (fired == 0) return;
  run_.metrics.supervision_at(c.hospital, run_.month_of(now)).flagged += 1;
  FlaggedClaim f;
  f.hospital = c.hospital;
  f.doctor = c.doctor;
  f.scheme = c.scheme;
  f.region = c.region;
  f.violation = violation ? static_cast<std::uint8_t>(*violation) : static_cast<std::uint8_t>(kViolationCount);
  f.loss_yuan = loss_yuan;
  f.excess_points = excess_points;
  f.risk = fund_yuan * fired * (sh.alerted ? s.alert_risk_multiplier : 1.0);
  f.order = flag_order_++;
  audit_pool_.push_back(f);
}

void Supervision::on_refusal(std::size_t hospital, const PendingAdmission& a, double avoided_loss_yuan, double now) {
  sim::RandomStream rng(key_, a.onset, kRefusalSubstream);
  if (!(rng.next_uniform() < run_.scenario.supervision.refusal_detection_probability)) return;
  run_.metrics.supervision_at(hospital, run_.month_of(now)).flagged += 1;
  FlaggedClaim f;
  f.hospital = static_cast<std::uint32_t>(hospital);
  // Selection is the hospital's policy; the doctor on duty answers for it, as for any confirmed violation.
  f.doctor = inpatient_.next_doctor(hospital, now);
  f.scheme = a.scheme;
  f.region = a.region;
  f.violation = static_cast<std::uint8_t>(Violation::PatientSelection);
  f.loss_yuan = avoided_loss_yuan;
  f.refusal = true;
  // Ranked with the claims by what was at stake: the bill the hospital declined.
  f.risk = a.bill_yuan * (hospitals_[hospital].alerted ? run_.scenario.supervision.alert_risk_multiplier : 1.0);
  f.order = flag_order_++;
  audit_pool_.push_back(f);
}

void Supervision::on_month_end(std::size_t month, double now) {
  const SupervisionConfig& s = run_.scenario.supervision;
  audit_budget_carry_ += s.audit_cases_per_year / 12.0;
  const auto budget = static_cast<std::size_t>(std::floor(audit_budget_carry_));
  audit_budget_carry_ -= static_cast<double>(budget);
  for (const std::size_t i : select_for_audit(audit_pool_, budget)) {
    const FlaggedClaim& f = audit_pool_[i];
    SupervisionCell& cell = run_.metrics.supervision_at(f.hospital, month);
    cell.audits += 1;
    cell.audit_cost_yuan += s.audit_cost_per_case_yuan;
    if (f.violation >= kViolationCount) continue;  // a false alarm: the audit finds nothing
    const double loss = std::max(0.0, f.loss_yuan);
    // Under DIP the undue points also leave the year's pool, so they no longer dilute the cleared point value
    // (audits run before December's clearing, in the month the claim was flagged).
    if (f.excess_points > 0) payment_.rule(f.hospital).withdraw_points(f.hospital, f.excess_points);
    // A confirmed refusal has no claim to recover; the fine is on what the hospital avoided by refusing.
    const double recovered = s.clawback && !f.refusal ? loss : 0.0;
    penalise(f.hospital, f.doctor, static_cast<Scheme>(f.scheme), f.region, static_cast<Violation>(f.violation),
             recovered, s.fine_multiple * loss, month, now);
  }
  // Flags not audited this month lapse: the inspectors move on to the next month's data.
  audit_pool_.clear();
}

void Supervision::on_warmup_year_end() {
  for (std::size_t h = 0; h < hospitals_.size(); ++h) {
    SupervisedHospital& sh = hospitals_[h];
    const double cmi = sh.previous_cmi;
    sh = SupervisedHospital{};
    sh.doctors.resize(static_cast<std::size_t>(run_.scenario.hospitals[h].doctors));
    sh.previous_cmi = cmi;  // the growth alert compares year 1 with the warm-up's case mix
    HospitalState& state = inpatient_.hospitals()[h];
    state.contracted_from_days = 0;
    std::fill(state.practising_from_days.begin(), state.practising_from_days.end(), 0.0);
  }
}

void Supervision::on_year_end(int year, double) {
  for (std::size_t h = 0; h < hospitals_.size(); ++h) {
    SupervisedHospital& sh = hospitals_[h];
    sh.phantom_flags_this_year = 0;
    sh.confirmed_this_year = 0;
    // 12 points a year: the points (and the training they led to) start afresh; suspensions count on.
    for (DoctorRecord& d : sh.doctors) {
      d.points = 0;
      d.trained = false;
    }
    // Group-mix trend alert: a hospital whose CMI grew too fast is audited first next year.
    const HospitalYearMetrics& hy = run_.metrics.hospital_years[h][static_cast<std::size_t>(year)];
    const double cmi = hy.cases > 0 ? hy.weight_sum / hy.cases : std::nan("");
    sh.alerted = std::isfinite(sh.previous_cmi) && std::isfinite(cmi) && sh.previous_cmi > 0 &&
                 cmi / sh.previous_cmi - 1.0 > run_.scenario.supervision.cmi_growth_alert;
    sh.previous_cmi = cmi;
  }
}

}  // namespace reformsim::agents
