// Outpatient visits: a visit at a hospital of the patient's choosing, paid by a flat fund ratio.
#include "agents/world/event_kinds.hpp"
#include "agents/world/random_purposes.hpp"
#include "agents/world/world.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

void World::on_outpatient_onset(const sim::Event& e, sim::Simulation& sim) {
  const std::uint64_t visit = e.payload & ((std::uint64_t{1} << kVisitIndexBits) - 1);
  schedule_outpatient_onset(sim, visit + 1, e.time_days);

  sim::RandomStream rng(visit_key_, visit);
  // Region and scheme come from the person's risk class: no per-person memory is touched for a visit.
  const RiskClass& risk_class = population_.classes()[e.payload >> kVisitIndexBits];
  const std::size_t hospital = choice_.outpatient_hospital(risk_class.region, rng);
  const HospitalConfig& hc = scenario_.hospitals[hospital];
  const double bill = scenario_.demand.outpatient_cost_mean_yuan * hc.cost_index *
                      sim::lognormal_mu_sigma(rng, outpatient_noise_mu_, outpatient_noise_sigma_);
  const double ratio = scenario_.benefits.outpatient_ratio[static_cast<int>(risk_class.scheme)];
  const std::int64_t bill_fen = to_fen(bill);
  const std::int64_t fund_fen = to_fen(bill * ratio);
  ledger_.claim(hospital, fund_fen);
  ledger_.patient_pays(hospital, bill_fen - fund_fen);

  MonthMetrics& month = month_at(e.time_days);
  month.outpatient_visits += 1;
  month.outpatient_fund_yuan += to_yuan(fund_fen);
  HospitalYearMetrics& hy = metrics_.hospital_years[hospital][static_cast<std::size_t>(year_at(e.time_days))];
  hy.outpatient_visits += 1;
  hy.revenue_yuan += to_yuan(bill_fen);
  hospital_revenue_fen_[hospital] += bill_fen;
  hy.cost_yuan += bill * hc.cost_to_charge_ratio;
}

}  // namespace reformsim::agents
