// What a confirmed violation costs: the recovery and fine, deducted from the hospital's next monthly reimbursement
// and returned to the scheme and region that paid the claim; the doctor's points; the hospital's suspension and
// termination. And the phantom-bed ward rounds that confirm absences without an audit.
#include <cmath>
#include <limits>

#include "agents/supervision/supervision.hpp"
#include "agents/supervision/ward_round.hpp"
#include "agents/world/event_kinds.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

void Supervision::penalise(std::size_t hospital, std::uint32_t doctor, Scheme scheme, int region, Violation v,
                           double recovered_yuan, double fine_yuan, std::size_t month, double now) {
  const SupervisionConfig& s = run_.scenario.supervision;
  SupervisionCell& cell = run_.metrics.supervision_at(hospital, month);
  const std::int64_t recovered_fen = to_fen(recovered_yuan), fine_fen = to_fen(fine_yuan);
  cell.detected[index_of(v)] += 1;
  cell.recovered_yuan[index_of(v)] += to_yuan(recovered_fen);
  cell.fines_yuan[index_of(v)] += to_yuan(fine_fen);
  const std::int64_t total_fen = recovered_fen + fine_fen;
  const int year = static_cast<int>(month) / 12;
  if (total_fen > 0) {
    books_.pay_for_care(hospital, scheme, region, -total_fen, 0, true, year);
    run_.metrics.hospital_years[hospital][static_cast<std::size_t>(year)].clawed_back_yuan += to_yuan(recovered_fen);
  }
  SupervisedHospital& sh = hospitals_[hospital];
  HospitalState& state = inpatient_.hospitals()[hospital];
  sh.confirmed_this_year += 1;
  const HospitalSanctionsConfig& sanctions = s.hospital_sanctions;
  if (sanctions.suspension_after_confirmed > 0 && sh.confirmed_this_year >= sanctions.suspension_after_confirmed &&
      state.contracted(now)) {
    sh.confirmed_this_year = 0;
    sh.suspensions += 1;
    state.contracted_from_days = sh.suspensions >= sanctions.termination_after_suspensions
                                     ? std::numeric_limits<double>::infinity()
                                     : now + sanctions.suspension_months * 365.0 / 12.0;
    cell.hospital_suspensions += 1;
  }
  DoctorRecord& record = sh.doctors[doctor];
  const PointsOutcome outcome = deduct_points(record, s.doctor_points.points[index_of(v)], now, s.doctor_points);
  if (outcome == PointsOutcome::Suspension || outcome == PointsOutcome::Ban || outcome == PointsOutcome::Termination) {
    cell.doctors_suspended += 1;
  }
  state.practising_from_days[doctor] =
      record.terminated ? std::numeric_limits<double>::infinity() : record.suspended_until_days;
  for (Component* c : hooks_.violation_confirmed)
    c->on_violation_confirmed(hospital, doctor, v, to_yuan(total_fen), outcome);
}

void Supervision::on_run_start(sim::Simulation& sim) {
  for (std::size_t h = 0; h < hospitals_.size(); ++h) schedule_ward_round(sim, h, 0.0);
}

void Supervision::schedule_ward_round(sim::Simulation& sim, std::size_t hospital, double after) {
  const double per_day = run_.scenario.supervision.ward_rounds.rounds_per_month * 12.0 / 365.0;
  if (per_day <= 0) return;
  const std::uint64_t round = ward_rounds_scheduled_[hospital]++;
  sim::RandomStream rng(key_, (std::uint64_t{1} << 41) | (static_cast<std::uint64_t>(hospital) << 24) | round);
  const double t = after + sim::exponential(rng, per_day);
  if (t < run_.horizon_days) {
    sim.schedule(
        sim::make_event(t, event_kind::kWardRound, static_cast<std::uint32_t>(hospital), 0, event_priority::kOnset));
  }
}

void Supervision::on_ward_round(const sim::Event& e, sim::Simulation& sim) {
  const std::size_t hospital = e.target;
  schedule_ward_round(sim, hospital, e.time_days);
  int registered = 0, present = 0;
  for (ActiveCase& c : inpatient_.active_cases()) {
    if (c.hospital != hospital) continue;
    ++registered;
    const bool absent = c.stay_kind == stay_kind::kPhantom && e.time_days >= c.phantom_from_days;
    if (!absent) ++present;
    if (c.ward_checks < 255) c.ward_checks += 1;
    if (absent && c.ward_absences < 255) c.ward_absences += 1;
  }
  SupervisedHospital& sh = hospitals_[hospital];
  const WardRoundVerdict v =
      judge_ward_round(present, registered, sh.last_round_share, run_.scenario.supervision.ward_rounds);
  sh.last_round_share = v.present_share;
  SupervisionCell& cell = run_.metrics.supervision_at(hospital, run_.month_of(e.time_days));
  cell.ward_rounds += 1;
  cell.audit_cost_yuan += run_.scenario.supervision.ward_round_cost_yuan;
  if (v.institution_flagged) cell.institution_flags += 1;
  if (v.leaders_interviewed) {
    cell.interviews += 1;
    for (Component* c : hooks_.leaders_interviewed) c->on_leaders_interviewed(hospital);
  }
}

}  // namespace reformsim::agents
