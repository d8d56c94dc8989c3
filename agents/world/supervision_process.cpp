// Supervision (DOMAIN.md §7): the detectors run on every paid claim, ward rounds and face checks look for phantom
// beds, the month's audit budget goes to the riskiest flagged claims, and confirmed violations are penalised —
// claw-back, fine, the doctor's points — with the money flowing back from the hospital to the fund.
#include <algorithm>
#include <cmath>
#include <limits>

#include "agents/supervision/ward_round.hpp"
#include "agents/world/event_kinds.hpp"
#include "agents/world/world.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

namespace {

constexpr std::uint64_t kScreeningSubstream = 8;  // + stay kind: the stays of a split are screened separately
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

void World::screen_claim(const ActiveCase& c, std::optional<Violation> violation, double loss_yuan,
                         double excess_points, double fund_yuan, const CaseFacts& submitted, double now) {
  const SupervisionConfig& s = scenario_.supervision;
  HospitalBehaviour& hb = behaviour_[c.hospital];
  sim::RandomStream rng(supervision_key_, c.entity, kScreeningSubstream + c.stay_kind);
  if (violation == Violation::PhantomBeds) {
    // The patient is not in the bed: a daily face check or a ward round finds it without an audit.
    const double absent_days = std::max(0.0, static_cast<double>(c.los_days) - c.true_los_days);
    const double face = 1.0 - std::pow(1.0 - s.face_check_daily_probability, absent_days);
    if (patient_flagged(c.ward_absences, c.ward_checks, s.ward_rounds) || rng.next_uniform() < face) {
      const double deduction = phantom_bed_deduction_yuan(c.bill_yuan, c.los_days, hb.phantom_flags_this_year++);
      penalise(c.hospital, c.doctor, c.person, Violation::PhantomBeds, deduction, 0.0, month_of(now), now);
      return;
    }
  }
  int fired = 0;
  const bool coding = violation && is_coding_violation(*violation);
  if (rng.next_uniform() < (coding ? s.logic_check.detection_probability : s.logic_check.false_alarm_rate)) ++fired;
  if (s.cost_p95_screened_share > 0 && rng.next_uniform() < s.cost_p95_screened_share) {
    const double technology = years_[static_cast<std::size_t>(year_at(now))].group_cost_factor[submitted.group];
    const double p95 =
        bill_p95_yuan(scenario_.catalogue->group(submitted.group), scenario_.hospitals[c.hospital].cost_index,
                      technology, scenario_.case_mix.los_linked_cost_share);
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
  metrics_.supervision_at(c.hospital, month_of(now)).flagged += 1;
  FlaggedClaim f;
  f.hospital = c.hospital;
  f.doctor = c.doctor;
  f.person = c.person;
  f.violation = violation ? static_cast<std::uint8_t>(*violation) : static_cast<std::uint8_t>(kViolationCount);
  f.loss_yuan = loss_yuan;
  f.excess_points = excess_points;
  f.risk = fund_yuan * fired * (hb.alerted ? s.alert_risk_multiplier : 1.0);
  f.order = flag_order_++;
  audit_pool_.push_back(f);
}

void World::run_audits(std::size_t month, double now) {
  const SupervisionConfig& s = scenario_.supervision;
  audit_budget_carry_ += s.audit_cases_per_year / 12.0;
  const auto budget = static_cast<std::size_t>(std::floor(audit_budget_carry_));
  audit_budget_carry_ -= static_cast<double>(budget);
  for (const std::size_t i : select_for_audit(audit_pool_, budget)) {
    const FlaggedClaim& f = audit_pool_[i];
    SupervisionCell& cell = metrics_.supervision_at(f.hospital, month);
    cell.audits += 1;
    cell.audit_cost_yuan += s.audit_cost_per_case_yuan;
    if (f.violation >= kViolationCount) continue;  // a false alarm: the audit finds nothing
    const double loss = std::max(0.0, f.loss_yuan);
    // Under DIP the undue points also leave the year's pool, so they no longer dilute the cleared point value
    // (audits run before December's clearing, in the month the claim was flagged).
    if (f.excess_points > 0) dip_points_[f.hospital] -= f.excess_points;
    penalise(f.hospital, f.doctor, f.person, static_cast<Violation>(f.violation), s.clawback ? loss : 0.0,
             s.fine_multiple * loss, month, now);
  }
  // Flags not audited this month lapse: the inspectors move on to the next month's data.
  audit_pool_.clear();
}

void World::penalise(std::size_t hospital, std::uint32_t doctor, std::uint32_t person, Violation v,
                     double recovered_yuan, double fine_yuan, std::size_t month, double now) {
  const SupervisionConfig& s = scenario_.supervision;
  SupervisionCell& cell = metrics_.supervision_at(hospital, month);
  const std::int64_t recovered_fen = to_fen(recovered_yuan), fine_fen = to_fen(fine_yuan);
  cell.detected[index_of(v)] += 1;
  cell.recovered_yuan[index_of(v)] += to_yuan(recovered_fen);
  cell.fines_yuan[index_of(v)] += to_yuan(fine_fen);
  const std::int64_t total_fen = recovered_fen + fine_fen;
  if (total_fen > 0) {
    // Deducted from the hospital's next monthly reimbursement, back to the scheme and region that paid the claim.
    ledger_.claim(hospital, -total_fen);
    schemes_.claim(static_cast<std::size_t>(population_.scheme(person)), hospital, -total_fen, true);
    regions_.claim(static_cast<std::size_t>(population_.region(person)), hospital, -total_fen, true);
    hospital_revenue_fen_[hospital] -= total_fen;
    HospitalYearMetrics& hy = metrics_.hospital_years[hospital][month / 12];
    hy.revenue_yuan -= to_yuan(total_fen);
    hy.clawed_back_yuan += to_yuan(recovered_fen);
  }
  HospitalBehaviour& hb = behaviour_[hospital];
  hb.year[index_of(v)].penalties_yuan += to_yuan(total_fen);
  hb.confirmed_this_year += 1;
  if (s.hospital_sanctions.suspension_after_confirmed > 0 &&
      hb.confirmed_this_year >= s.hospital_sanctions.suspension_after_confirmed && hb.contracted(now)) {
    hb.confirmed_this_year = 0;
    hb.suspensions += 1;
    hb.suspended_until_days = hb.suspensions >= s.hospital_sanctions.termination_after_suspensions
                                  ? std::numeric_limits<double>::infinity()
                                  : now + s.hospital_sanctions.suspension_months * 365.0 / 12.0;
    cell.hospital_suspensions += 1;
  }
  DoctorState& d = hb.doctors[doctor];
  d.multiplier *= s.caught_doctor_multiplier;
  switch (deduct_points(d.record, s.doctor_points.points[index_of(v)], now, s.doctor_points)) {
    case PointsOutcome::Training:
      d.multiplier *= s.doctor_points.training_multiplier;
      break;
    case PointsOutcome::Suspension:
    case PointsOutcome::Ban:
    case PointsOutcome::Termination:
      cell.doctors_suspended += 1;
      break;
    case PointsOutcome::None:
      break;
  }
}

void World::schedule_ward_round(sim::Simulation& sim, std::size_t hospital, double after) {
  const double per_day = scenario_.supervision.ward_rounds.rounds_per_month * 12.0 / 365.0;
  if (per_day <= 0) return;
  const std::uint64_t round = ward_rounds_scheduled_[hospital]++;
  sim::RandomStream rng(supervision_key_,
                        (std::uint64_t{1} << 41) | (static_cast<std::uint64_t>(hospital) << 24) | round);
  const double t = after + sim::exponential(rng, per_day);
  if (t < horizon_days_) {
    sim.schedule(
        sim::make_event(t, event_kind::kWardRound, static_cast<std::uint32_t>(hospital), 0, event_priority::kOnset));
  }
}

void World::on_ward_round(const sim::Event& e, sim::Simulation& sim) {
  const std::size_t hospital = e.target;
  schedule_ward_round(sim, hospital, e.time_days);
  int registered = 0, present = 0;
  for (ActiveCase& c : active_) {
    if (c.hospital != hospital) continue;
    ++registered;
    const bool absent = c.stay_kind == stay_kind::kPhantom && e.time_days >= c.phantom_from_days;
    if (!absent) ++present;
    if (c.ward_checks < 255) c.ward_checks += 1;
    if (absent && c.ward_absences < 255) c.ward_absences += 1;
  }
  HospitalBehaviour& hb = behaviour_[hospital];
  const WardRoundVerdict v =
      judge_ward_round(present, registered, hb.last_round_share, scenario_.supervision.ward_rounds);
  hb.last_round_share = v.present_share;
  SupervisionCell& cell = metrics_.supervision_at(hospital, month_of(e.time_days));
  cell.ward_rounds += 1;
  cell.audit_cost_yuan += scenario_.supervision.ward_round_cost_yuan;
  if (v.institution_flagged) cell.institution_flags += 1;
  if (v.leaders_interviewed) {
    cell.interviews += 1;
    hb.multiplier[index_of(Violation::PhantomBeds)] *= scenario_.supervision.interview_multiplier;
  }
}

}  // namespace reformsim::agents
