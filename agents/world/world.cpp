#include "agents/world/world.hpp"

#include <cmath>
#include <cstdio>
#include <initializer_list>

#include "agents/world/event_kinds.hpp"
#include "agents/world/mechanisms.hpp"
#include "agents/world/simulation_error.hpp"
#include "sim/engine/calendar.hpp"

namespace reformsim::agents {

World::World(const ScenarioConfig& scenario, std::uint64_t seed, std::uint64_t replicate)
    : scenario_(scenario),
      population_(scenario_, seed, replicate),
      metrics_(make_run_metrics(scenario_, population_)),
      run_(scenario_, seed, replicate, population_, metrics_),
      books_(run_),
      demography_(run_, population_, books_),
      contributions_(run_, books_),
      payment_(run_, books_),
      inpatient_(run_, books_, payment_, hooks_),
      outpatient_(run_, books_, hooks_),
      arrivals_(run_, inpatient_, outpatient_) {
  const ScenarioConfig& s = scenario_;
  auto on = [&s](Mechanism m) { return has_mechanism(s, m); };
  if (on(Mechanism::Referrals)) referrals_ = std::make_unique<Referrals>(run_, inpatient_, outpatient_);
  if (on(Mechanism::FamilyDoctors)) family_doctors_ = std::make_unique<FamilyDoctors>(run_, books_);
  if (on(Mechanism::Behaviour))
    behaviour_ = std::make_unique<ProviderBehaviour>(run_, inpatient_, books_, payment_, hooks_);
  if (on(Mechanism::Supervision))
    supervision_ = std::make_unique<Supervision>(run_, inpatient_, books_, payment_, hooks_);
  if (on(Mechanism::Procurement)) procurement_ = std::make_unique<Procurement>(run_, books_);
  if (on(Mechanism::GlobalBudget)) budget_ = std::make_unique<RegionalBudget>(run_, books_, payment_);
  if (on(Mechanism::Alliances)) alliances_ = std::make_unique<Alliances>(run_, books_);
  wire();
  // Components size their records as they are built; a warm-up year's end returns to exactly this.
  if (s.warmup_years > 0) unreported_metrics_ = metrics_;
}

void World::wire() {
  // The order within each hook is the order of this table; a component not built is left out. docs/model.md's
  // section 3 (Process overview and scheduling) describes the same.
  auto built = [](std::initializer_list<Component*> components) {
    std::vector<Component*> out;
    for (Component* c : components) {
      if (c) out.push_back(c);
    }
    return out;
  };
  Component* const referrals = referrals_.get();
  Component* const family = family_doctors_.get();
  Component* const behaviour = behaviour_.get();
  Component* const supervision = supervision_.get();
  Component* const procurement = procurement_.get();
  hooks_.run_start = built({&arrivals_, supervision});
  hooks_.year_start =
      built({&demography_, &inpatient_, procurement, &payment_, family, &contributions_, &books_, &arrivals_});
  hooks_.month_end = built({procurement, supervision, behaviour, &payment_});
  hooks_.year_end = built({&payment_, budget_.get(), behaviour, supervision, alliances_.get(), &books_, &inpatient_});
  hooks_.settlement = built({&contributions_, &books_});
  hooks_.prevents_admission = built({family});
  hooks_.adjust_choice = built({family});
  hooks_.route = built({referrals, family});
  hooks_.accept = built({behaviour});
  hooks_.refusal = built({supervision});
  hooks_.treat = built({procurement});
  hooks_.admission = built({supervision, behaviour});
  hooks_.code_claim = built({behaviour});
  hooks_.claim_paid = built({behaviour, supervision});
  hooks_.discharge = built({referrals});
  hooks_.intercepts_visit = built({behaviour});
  hooks_.visit = built({procurement});
  hooks_.violation_confirmed = built({behaviour});
  hooks_.leaders_interviewed = built({behaviour});
  hooks_.warmup_year_end = built({&books_, &payment_, supervision});
}

void World::attach(Component& observer) {
  for (std::vector<Component*>* hook : {&hooks_.run_start,
                                        &hooks_.year_start,
                                        &hooks_.month_end,
                                        &hooks_.year_end,
                                        &hooks_.settlement,
                                        &hooks_.prevents_admission,
                                        &hooks_.adjust_choice,
                                        &hooks_.route,
                                        &hooks_.accept,
                                        &hooks_.refusal,
                                        &hooks_.treat,
                                        &hooks_.admission,
                                        &hooks_.code_claim,
                                        &hooks_.claim_paid,
                                        &hooks_.discharge,
                                        &hooks_.intercepts_visit,
                                        &hooks_.visit,
                                        &hooks_.violation_confirmed,
                                        &hooks_.leaders_interviewed,
                                        &hooks_.warmup_year_end}) {
    hook->push_back(&observer);
  }
}

std::size_t World::components() const {
  std::size_t optional = 0;
  for (const void* c : {static_cast<const void*>(referrals_.get()), static_cast<const void*>(family_doctors_.get()),
                        static_cast<const void*>(behaviour_.get()), static_cast<const void*>(supervision_.get()),
                        static_cast<const void*>(procurement_.get()), static_cast<const void*>(budget_.get()),
                        static_cast<const void*>(alliances_.get())}) {
    optional += c != nullptr;
  }
  return 7 + optional;
}

std::size_t World::bytes_per_person() const {
  return Population::bytes_per_person() + InpatientCare::bytes_per_person() + (family_doctors_ ? 1 : 0);
}

void World::handle(const sim::Event& e, sim::Simulation& sim) {
  current_ = e;
  switch (e.kind) {
    case event_kind::kAdmissionOnset:
      arrivals_.on_admission_onset(e, sim);
      break;
    case event_kind::kOutpatientOnset:
      arrivals_.on_outpatient_onset(e, sim);
      break;
    case event_kind::kDischarge:
      inpatient_.on_discharge_event(e, sim);
      break;
    case event_kind::kMonthEnd:
      on_month_end(static_cast<int>(e.payload), e.time_days, sim);
      break;
    case event_kind::kYearStart:
      on_year_start(static_cast<int>(e.payload), sim);
      break;
    case event_kind::kReadmission:
      behaviour_->on_readmission(e, sim);
      break;
    case event_kind::kWardRound:
      supervision_->on_ward_round(e, sim);
      break;
    case event_kind::kFollowUp:
      referrals_->on_follow_up(e, sim);
      break;
    case event_kind::kQueueTimeout:
      inpatient_.on_queue_timeout(e, sim);
      break;
    default:
      throw std::logic_error("unknown event kind " + std::to_string(e.kind));
  }
}

RunMetrics World::run() {
  sim::Simulation sim;
  const sim::Calendar& calendar = run_.calendar;
  try {
    for (Component* c : hooks_.run_start) c->on_run_start(sim);
    sim.schedule(sim::make_event(0.0, event_kind::kYearStart, 0, 0, event_priority::kYearStart));
    sim.schedule(sim::make_event(calendar.month_start_day(1), event_kind::kMonthEnd, 0, 0, event_priority::kMonthEnd));
    sim.run_until(run_.horizon_days, *this);
    // The horizon's own boundary: the last month's settlement and the last year's accounts.
    const int last_month = run_.simulated_months() - 1;
    current_ = sim::make_event(run_.horizon_days, event_kind::kMonthEnd, 0, static_cast<std::uint64_t>(last_month),
                               event_priority::kMonthEnd);
    on_month_end(last_month, run_.horizon_days, sim);
    books_.check_conservation();
  } catch (const std::exception& e) {
    throw SimulationError(describe(current_), e.what());
  }
  metrics_.events = sim.events_processed() + 1;
  metrics_.final_balance_yuan = to_yuan(books_.balance_fen());
  finish_run_metrics(metrics_, scenario_.horizon_years, scenario_.indices.reference_year);
  return std::move(metrics_);
}

void World::on_year_start(int year, sim::Simulation& sim) {
  for (Component* c : hooks_.year_start) c->on_year_start(run_.reported_year(year), sim);
  if (year + 1 < scenario_.warmup_years + scenario_.horizon_years) {
    sim.schedule(sim::make_event(run_.calendar.year_start_day(year + 1), event_kind::kYearStart, 0,
                                 static_cast<std::uint64_t>(year + 1), event_priority::kYearStart));
  }
}

void World::on_month_end(int month, double now, sim::Simulation& sim) {
  const auto m = static_cast<std::size_t>(run_.reported_month(month));
  constexpr int kDecember = sim::Calendar::kMonthsPerYear - 1;
  for (Component* c : hooks_.month_end) c->on_month_end(m, now);
  // December closes the year first, so its clearings and settlements are paid in this month's settlement.
  if (m % sim::Calendar::kMonthsPerYear == kDecember) {
    for (Component* c : hooks_.year_end) c->on_year_end(static_cast<int>(m) / sim::Calendar::kMonthsPerYear, now);
  }
  for (Component* c : hooks_.settlement) c->on_settlement(m, now);
  const bool warmup_month = month < run_.warmup_years * sim::Calendar::kMonthsPerYear;
  if (warmup_month && month % sim::Calendar::kMonthsPerYear == kDecember) close_warmup_year();
  if (month + 1 < run_.simulated_months() && now < run_.horizon_days) {
    const double next = run_.calendar.month_start_day(month + 2);
    if (next < run_.horizon_days) {
      sim.schedule(sim::make_event(next, event_kind::kMonthEnd, 0, static_cast<std::uint64_t>(month + 1),
                                   event_priority::kMonthEnd));
    }
  }
}

void World::close_warmup_year() {
  metrics_ = unreported_metrics_;
  for (Component* c : hooks_.warmup_year_end) c->on_warmup_year_end();
}

std::string World::describe(const sim::Event& e) const {
  const sim::Calendar& calendar = run_.calendar;
  const double t = std::isfinite(e.time_days) ? e.time_days : 0.0;
  const int month = calendar.month_index(t);
  // Days count from 1 January of start_year, so warm-up days are negative.
  char when[112];
  std::snprintf(
      when, sizeof when, "day %.1f (%s-%02d%s)", t - run_.reporting_start_day, calendar.month_label(month).c_str(),
      static_cast<int>(std::floor(t - calendar.month_start_day(month))) + 1, run_.warming_up(t) ? ", warm-up" : "");
  auto hospital = [this](std::uint32_t h) {
    return h < scenario_.hospitals.size() ? "hospital '" + scenario_.hospitals[h].name + "'"
                                          : "hospital #" + std::to_string(h);
  };
  std::string what;
  switch (e.kind) {
    case event_kind::kAdmissionOnset:
      what = "admission onset of person " + std::to_string(e.target);
      break;
    case event_kind::kOutpatientOnset:
      what = "outpatient visit at " + hospital(e.target);
      break;
    case event_kind::kDischarge:
      what = "discharge at " + hospital(e.target);
      break;
    case event_kind::kMonthEnd:
      what = "month-end settlement of " + calendar.month_label(static_cast<int>(e.payload));
      break;
    case event_kind::kYearStart:
      what = "start of " + std::to_string(calendar.calendar_year(static_cast<int>(e.payload)));
      break;
    case event_kind::kReadmission:
      what = "second stay of a split admission at " + hospital(e.target);
      break;
    case event_kind::kWardRound:
      what = "ward round at " + hospital(e.target);
      break;
    case event_kind::kFollowUp:
      what = "follow-up visit at " + hospital(e.target);
      break;
    case event_kind::kQueueTimeout:
      what = "the longest wait for a bed at " + hospital(e.target);
      break;
    default:
      return "before the first event";
  }
  return std::string(when) + ", " + what;
}

}  // namespace reformsim::agents
