#include "agents/hospitals/outpatient_care.hpp"

namespace reformsim::agents {

OutpatientCare::OutpatientCare(RunContext& run, FundBooks& books, const Hooks& hooks)
    : run_(run), books_(books), hooks_(hooks) {}

void OutpatientCare::on_visit_onset(sim::Simulation& sim, std::size_t hospital, std::size_t risk_class,
                                    std::int64_t bill_fen) {
  const OutpatientVisit v{hospital, risk_class, bill_fen, visits_handled_++};
  for (Component* c : hooks_.intercepts_visit) {
    if (c->intercepts_visit(sim, v)) return;
  }
  const RiskClass& k = run_.population.classes()[risk_class];
  visit(hospital, k.scheme, k.region, bill_fen, sim.now());
}

void OutpatientCare::visit(std::size_t hospital, Scheme scheme, int region, std::int64_t bill_fen, double now) {
  for (Component* c : hooks_.visit) c->on_visit(hospital, bill_fen);
  const std::int64_t fund_fen = to_fen(to_yuan(bill_fen) * run_.scenario.benefits.outpatient_ratio[scheme]);
  const int year = run_.year_at(now);
  books_.pay_for_care(hospital, scheme, region, fund_fen, bill_fen - fund_fen, false, year);
  MonthMetrics& month = run_.month_at(now);
  month.outpatient_visits += 1;
  month.outpatient_fund_yuan += to_yuan(fund_fen);
  HospitalYearMetrics& hy = run_.metrics.hospital_years[hospital][static_cast<std::size_t>(year)];
  hy.outpatient_visits += 1;
  hy.outpatient_fund_yuan += to_yuan(fund_fen);
  hy.cost_yuan += to_yuan(bill_fen) * run_.scenario.hospitals[hospital].cost_to_charge_ratio;
}

}  // namespace reformsim::agents
