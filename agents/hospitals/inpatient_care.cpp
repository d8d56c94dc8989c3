// The way in: onset, case, choice of hospital (and diversion when it is full), referral and gatekeeping, the
// hospital's acceptance and treatment, and the bed.
#include "agents/hospitals/inpatient_care.hpp"

#include <algorithm>
#include <cmath>

#include "agents/world/event_kinds.hpp"
#include "agents/world/random_purposes.hpp"

namespace reformsim::agents {

namespace {

constexpr double kReadmissionIndicatorDays = 7;

}  // namespace

InpatientCare::InpatientCare(RunContext& run, FundBooks& books, PaymentCycle& payment, const Hooks& hooks)
    : run_(run),
      books_(books),
      payment_(payment),
      hooks_(hooks),
      cases_(run.scenario, run.key(purpose::kCaseDraw)),
      choice_(run.scenario),
      choice_key_(run.key(purpose::kProviderChoice)),
      queue_leave_key_(run.key(purpose::kQueueLeave)) {
  for (const HospitalConfig& h : run.scenario.hospitals) {
    HospitalState state;
    state.beds = h.beds;
    state.doctors = h.doctors;
    state.practising_from_days.assign(static_cast<std::size_t>(h.doctors), 0.0);
    hospitals_.push_back(std::move(state));
  }
  usage_.reserve(run.population.slot_reserve());
  last_discharge_day_.reserve(run.population.slot_reserve());
  usage_.resize(run.population.size());
  last_discharge_day_.assign(run.population.size(), -1e9f);
  intensity_.assign(hospitals_.size(), std::vector<float>(run.scenario.catalogue->size(), 1.0f));
}

void InpatientCare::on_onset(sim::Simulation& sim, std::uint32_t person, std::uint64_t onset) {
  const double now = sim.now();
  for (Component* c : hooks_.prevents_admission) {
    if (c->prevents_admission(person, onset, now)) return;
  }
  // The case: drawn from the onset's own stream, so it is the same in every policy arm.
  const DrawnCase drawn = cases_.draw(onset);
  const std::size_t group = drawn.group;
  const CaseGroup& g = run_.scenario.catalogue->group(group);
  const Population& population = run_.population;
  choice_.inpatient_probabilities(group, population.scheme(person), population.region(person), usage_[person],
                                  scratch_probabilities_);
  for (Component* c : hooks_.adjust_choice) c->adjust_choice(person, scratch_probabilities_);
  sim::RandomStream choice_rng(choice_key_, onset);
  std::size_t hospital = pick(scratch_probabilities_, choice_rng.next_uniform());
  const double divert_draw = choice_rng.next_uniform();
  if (!contracted(hospital, now)) hospital = contracted_alternative(hospital, choice_rng.next_uniform(), now);

  MonthMetrics& month = run_.month_at(now);
  if (!hospitals_[hospital].has_free_bed() && run_.scenario.hospitals[hospital].when_full == WhenFull::Divert) {
    scratch_allowed_.assign(hospitals_.size(), 0);
    for (std::size_t h = 0; h < hospitals_.size(); ++h) {
      scratch_allowed_[h] = hospitals_[h].has_free_bed() && contracted(h, now);
    }
    const std::size_t alternative = pick(scratch_probabilities_, divert_draw, &scratch_allowed_);
    if (alternative < hospitals_.size()) {
      run_.hospital_year_at(hospital, now).diversions += 1;
      month.diversions += 1;
      hospital = alternative;
    }
  }

  const double share = run_.scenario.case_mix.los_linked_cost_share;
  const double technology = run_.years[static_cast<std::size_t>(run_.year_at(now))].group_cost_factor[group];
  auto admission_at = [&](std::size_t h) {
    const HospitalConfig& hc = run_.scenario.hospitals[h];
    PendingAdmission a;
    a.set_patient(person, run_.population);
    a.onset = static_cast<std::uint32_t>(onset);
    a.group = static_cast<std::uint32_t>(group);
    a.los_days = static_cast<float>(g.mean_los_days * hc.los_index * drawn.los_noise);
    a.bill_yuan = static_cast<float>(g.mean_cost_yuan * hc.cost_index * technology *
                                     ((1.0 - share) + share * drawn.los_noise) * drawn.cost_noise);
    a.arrival_days = now;
    return a;
  };
  Route route{hospital};
  for (Component* c : hooks_.route) c->route(person, group, now, route);
  hospital = route.hospital;
  PendingAdmission a = admission_at(hospital);
  for (Component* c : hooks_.accept) {
    const std::size_t accepted = c->accept(hospital, a, scratch_probabilities_, now);
    if (accepted != hospital) a = admission_at(hospital = accepted);
  }
  // Treatment intensity (lowered by cost control) scales the bill, and the stay by its elasticity.
  const double intensity = intensity_[hospital][group];
  if (intensity != 1.0) {
    a.bill_yuan = static_cast<float>(a.bill_yuan * intensity);
    a.los_days = static_cast<float>(a.los_days * std::pow(intensity, run_.scenario.behaviour.strategy.los_elasticity));
  }
  a.ratio_adjustment = route.ratio_adjustment;
  run_treat_hooks(hospital, a);
  arrive(sim, hospital, a);
}

void InpatientCare::run_treat_hooks(std::size_t hospital, PendingAdmission& a) {
  for (Component* c : hooks_.treat) c->treat(hospital, a);
}

void InpatientCare::arrive(sim::Simulation& sim, std::size_t hospital, const PendingAdmission& a) {
  HospitalState& h = hospitals_[hospital];
  if (h.has_free_bed()) {
    admit(sim, hospital, a);
  } else {
    h.advance(sim.now());
    h.waiting.push_back(a);
    wait_at_most(sim, hospital, a);
  }
}

std::size_t InpatientCare::contracted_alternative(std::size_t hospital, double u, double now) {
  scratch_allowed_.assign(hospitals_.size(), 0);
  for (std::size_t h = 0; h < hospitals_.size(); ++h) scratch_allowed_[h] = contracted(h, now);
  const std::size_t elsewhere = pick(scratch_probabilities_, u, &scratch_allowed_);
  return elsewhere < hospitals_.size() ? elsewhere : hospital;  // nowhere else to go
}

std::uint32_t InpatientCare::next_doctor(std::size_t hospital, double now) const {
  const HospitalState& h = hospitals_[hospital];
  const auto n = static_cast<std::uint32_t>(h.doctors);
  // The next doctor in rotation who may practise; if none may, the rotation's doctor (the hospital has no other).
  for (std::uint32_t tried = 0; tried < n; ++tried) {
    const std::uint32_t d = (h.next_doctor + tried) % n;
    if (now >= h.practising_from_days[d]) return d;
  }
  return h.next_doctor;
}

std::uint32_t InpatientCare::assign_doctor(std::size_t hospital, double now) {
  const std::uint32_t doctor = next_doctor(hospital, now);
  hospitals_[hospital].next_doctor = (doctor + 1) % static_cast<std::uint32_t>(hospitals_[hospital].doctors);
  return doctor;
}

void InpatientCare::admit(sim::Simulation& sim, std::size_t hospital, const PendingAdmission& a) {
  const double now = sim.now();
  HospitalState& h = hospitals_[hospital];
  h.advance(now);
  h.occupied += 1;
  ActiveCase c;
  c.person = a.person;
  c.scheme = a.scheme;
  c.region = a.region;
  c.group = a.group;
  c.hospital = static_cast<std::uint32_t>(hospital);
  c.doctor = assign_doctor(hospital, now);
  // The second stay of a split is the splitting doctor's: the violation and its penalty are theirs.
  if (a.doctor != PendingAdmission::kRotation) c.doctor = a.doctor;
  c.los_days = c.true_los_days = a.los_days;
  c.bill_yuan = c.true_bill_yuan = a.bill_yuan;
  c.stay_kind = a.stay_kind;
  c.split_record = a.split_record;
  c.outpatient_fund_yuan = a.outpatient_fund_yuan;
  c.ratio_adjustment = a.ratio_adjustment;
  c.entity = a.stay_kind == stay_kind::kLowIndication ? (std::uint64_t{1} << 40) | a.onset : a.onset;
  MonthMetrics& month = run_.month_at(now);
  const double since_discharge = now - last_discharge_day_[a.person];
  if (since_discharge <= kReadmissionIndicatorDays) month.readmissions_7d += 1;
  for (Component* k : hooks_.admission) k->on_admission(c, a.stay_kind, since_discharge, now);
  std::uint32_t slot;
  if (free_slots_.empty()) {
    slot = static_cast<std::uint32_t>(active_.size());
    active_.push_back(c);
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
    active_[slot] = c;
  }
  month.admissions += 1;
  const double wait = now - a.arrival_days;
  HospitalYearMetrics& hy = run_.hospital_year_at(hospital, now);
  hy.admissions += 1;
  month.wait_days_sum += wait;
  hy.wait_days_sum += wait;
  if (wait > 0) {
    month.waited_admissions += 1;
    hy.waited_admissions += 1;
  }
  sim.schedule(sim::make_event(now + c.los_days, event_kind::kDischarge, static_cast<std::uint32_t>(hospital), slot,
                               event_priority::kDischarge));
}

void InpatientCare::on_year_start(int year, sim::Simulation& sim) {
  open_beds(year, sim);
  // The population may have grown, and entrants in reused slots have no history.
  const std::size_t slots = run_.population.size();
  if (usage_.capacity() < slots) {  // beyond the reserve: grow by 5%, not by doubling
    usage_.reserve(slots + slots / 20);
    last_discharge_day_.reserve(slots + slots / 20);
  }
  usage_.assign(slots, BenefitYearUsage{});
  last_discharge_day_.resize(slots, -1e9f);
  for (std::uint32_t p : run_.population.entrants()) last_discharge_day_[p] = -1e9f;
}

void InpatientCare::on_year_end(int year, double now) {
  for (std::size_t h = 0; h < hospitals_.size(); ++h) {
    hospitals_[h].advance(now);
    HospitalYearMetrics& hy = run_.metrics.hospital_years[h][static_cast<std::size_t>(year)];
    hy.bed_days = hospitals_[h].occupied_bed_days;
    hy.queue_patient_days = hospitals_[h].queue_patient_days;
    hospitals_[h].occupied_bed_days = 0;
    hospitals_[h].queue_patient_days = 0;
  }
  plan_expansions(year, now);
}

}  // namespace reformsim::agents
