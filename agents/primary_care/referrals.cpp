#include "agents/primary_care/referrals.hpp"

#include "agents/world/event_kinds.hpp"
#include "agents/world/random_purposes.hpp"

namespace reformsim::agents {

namespace {

constexpr double kFollowUpDelayDays = 7;

}  // namespace

Referrals::Referrals(RunContext& run, const InpatientCare& inpatient, OutpatientCare& outpatient)
    : run_(run),
      inpatient_(inpatient),
      outpatient_(outpatient),
      network_(run.scenario),
      key_(run.key(purpose::kReferral)) {}

void Referrals::route(std::uint32_t, std::size_t group, double now, Route& route) {
  const double threshold = run_.scenario.network.refer_up_weight;
  const bool severe = threshold > 0 && run_.scenario.catalogue->group(group).weight >= threshold;
  if (!severe || run_.scenario.hospitals[route.hospital].tier != 1) return;
  const auto target = network_.refer_up_target(route.hospital);
  if (!target || !inpatient_.contracted(*target, now)) return;
  run_.hospital_year_at(route.hospital, now).referrals_up += 1;
  route.hospital = *target;
  route.referred = true;
}

void Referrals::on_discharge(sim::Simulation& sim, const ActiveCase& c) {
  const double share = run_.scenario.network.refer_down_share;
  if (share <= 0 || run_.scenario.hospitals[c.hospital].tier < 2) return;
  sim::RandomStream rng(key_, c.entity, c.stay_kind);
  if (!(rng.next_uniform() < share)) return;
  const auto unit = network_.refer_down_target(c.hospital);
  if (!unit) return;
  const double t = sim.now() + kFollowUpDelayDays;
  if (t >= run_.horizon_days) return;
  sim.schedule(
      sim::make_event(t, event_kind::kFollowUp, static_cast<std::uint32_t>(*unit), c.person, event_priority::kOnset));
}

void Referrals::on_follow_up(const sim::Event& e, sim::Simulation&) {
  const std::size_t unit = e.target;
  const auto person = static_cast<std::uint32_t>(e.payload);
  run_.hospital_year_at(unit, e.time_days).referrals_down += 1;
  const std::int64_t bill_fen =
      to_fen(run_.scenario.network.follow_up_cost_yuan * run_.scenario.hospitals[unit].cost_index);
  outpatient_.visit(unit, run_.population.scheme(person), run_.population.region(person), bill_fen, e.time_days);
}

}  // namespace reformsim::agents
