// Outpatient visits: a visit at a hospital chosen by region, paid by a flat fund ratio. Outpatient care uses
// no per-person state, so a visit is drawn whole when it is scheduled (one random stream, no person lookup) and
// carried in its event: target = hospital, payload = bill in fen (low 32 bits) | risk class (high 32 bits).
#include <algorithm>

#include "agents/world/event_kinds.hpp"
#include "agents/world/world.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

void World::schedule_outpatient_visit(sim::Simulation& sim, double after) {
  if (!outpatient_classes_) return;
  sim::RandomStream rng(outpatient_key_, next_outpatient_visit_++);
  const double t = after + sim::exponential(rng, outpatient_rate_per_day_);
  if (t >= horizon_days_) return;
  const std::size_t risk_class = outpatient_classes_->sample(rng);
  const std::size_t hospital = choice_.outpatient_hospital(population_.classes()[risk_class].region, rng);
  const double bill = scenario_.demand.outpatient_cost_mean_yuan * scenario_.hospitals[hospital].cost_index *
                      sim::lognormal_mu_sigma(rng, outpatient_noise_mu_, outpatient_noise_sigma_);
  const std::uint64_t bill_fen = static_cast<std::uint64_t>(std::clamp<std::int64_t>(to_fen(bill), 0, 0xFFFFFFFF));
  sim.schedule(sim::make_event(t, event_kind::kOutpatientOnset, static_cast<std::uint32_t>(hospital),
                               bill_fen | (static_cast<std::uint64_t>(risk_class) << 32), event_priority::kOnset));
}

void World::on_outpatient_onset(const sim::Event& e, sim::Simulation& sim) {
  schedule_outpatient_visit(sim, e.time_days);
  const std::size_t hospital = e.target;
  auto bill_fen = static_cast<std::int64_t>(e.payload & 0xFFFFFFFFu);
  if (admitted_low_indication(sim, hospital, e.payload >> 32, bill_fen)) return;
  if (drugs_on_) {
    outpatient_visits_this_month_[hospital] += 1;
    if (procurement_on_) bill_fen = std::max<std::int64_t>(0, bill_fen + outpatient_drug_delta_fen_[hospital]);
  }
  const RiskClass& risk_class = population_.classes()[e.payload >> 32];
  pay_outpatient_visit(hospital, risk_class.scheme, risk_class.region, bill_fen, e.time_days);
}

void World::pay_outpatient_visit(std::size_t hospital, Scheme scheme, int region, std::int64_t bill_fen, double now) {
  const double ratio = scenario_.benefits.outpatient_ratio[scheme];
  const std::int64_t fund_fen = to_fen(to_yuan(bill_fen) * ratio);
  ledger_.claim(hospital, fund_fen);
  schemes_.claim(static_cast<std::size_t>(scheme), hospital, fund_fen, false);
  regions_.claim(static_cast<std::size_t>(region), hospital, fund_fen, false);
  ledger_.patient_pays(hospital, bill_fen - fund_fen);

  MonthMetrics& month = month_at(now);
  month.outpatient_visits += 1;
  month.outpatient_fund_yuan += to_yuan(fund_fen);
  HospitalYearMetrics& hy = metrics_.hospital_years[hospital][static_cast<std::size_t>(year_at(now))];
  hy.outpatient_visits += 1;
  hy.outpatient_fund_yuan += to_yuan(fund_fen);
  hy.revenue_yuan += to_yuan(bill_fen);
  hospital_revenue_fen_[hospital] += bill_fen;
  hy.cost_yuan += to_yuan(bill_fen) * scenario_.hospitals[hospital].cost_to_charge_ratio;
}

}  // namespace reformsim::agents
