#include "agents/population/arrivals.hpp"

#include <algorithm>
#include <cmath>

#include "agents/world/event_kinds.hpp"
#include "agents/world/random_purposes.hpp"
#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

Arrivals::Arrivals(RunContext& run, InpatientCare& inpatient, OutpatientCare& outpatient)
    : run_(run),
      inpatient_(inpatient),
      outpatient_(outpatient),
      admission_key_(run.key(purpose::kAdmissionOnset)),
      outpatient_key_(run.key(purpose::kOutpatientVisit)) {
  build_class_tables();
  const double cv = run.scenario.demand.outpatient_cost_cv;
  outpatient_noise_sigma_ = std::sqrt(std::log1p(cv * cv));
  outpatient_noise_mu_ = -0.5 * outpatient_noise_sigma_ * outpatient_noise_sigma_;
}

void Arrivals::build_class_tables() {
  const Population& population = run_.population;
  std::vector<double> admission_rates, outpatient_rates;
  base_admission_rate_per_day_ = outpatient_rate_per_day_ = 0;
  for (const RiskClass& c : population.classes()) {
    admission_rates.push_back(c.admission_rate_per_day * c.count);
    outpatient_rates.push_back(c.outpatient_rate_per_day * c.count);
    base_admission_rate_per_day_ += admission_rates.back();
    outpatient_rate_per_day_ += outpatient_rates.back();
  }
  if (run_.scenario.demand.admissions_per_day) {
    // A fixed city-wide rate: people are still chosen by relative risk, or uniformly if every risk is zero.
    base_admission_rate_per_day_ = *run_.scenario.demand.admissions_per_day;
    if (std::all_of(admission_rates.begin(), admission_rates.end(), [](double r) { return r <= 0; })) {
      for (std::size_t k = 0; k < admission_rates.size(); ++k) admission_rates[k] = population.classes()[k].count;
    }
  }
  admission_classes_.reset();
  outpatient_classes_.reset();
  // Nobody left to fall ill (everyone died, or no class has a rate): no stream at all.
  const bool anyone = std::any_of(admission_rates.begin(), admission_rates.end(), [](double r) { return r > 0; });
  if (base_admission_rate_per_day_ > 0 && anyone)
    admission_classes_ = std::make_unique<sim::AliasTable>(admission_rates);
  if (outpatient_rate_per_day_ > 0) outpatient_classes_ = std::make_unique<sim::AliasTable>(outpatient_rates);
}

void Arrivals::on_run_start(sim::Simulation& sim) { schedule_outpatient_visit(sim, 0.0); }

void Arrivals::on_year_start(int year, sim::Simulation& sim) {
  bool population_changed = false;
  if (run_.scenario.population.demography.active() && year > tables_year_) {
    // The population's yearly update moved people between classes: both streams restart at the new rates
    // (memoryless, so dropping the pending onsets and drawing afresh from now is exact).
    tables_year_ = year;
    const double outpatient_before = outpatient_rate_per_day_;
    build_class_tables();
    population_changed = true;
    if (outpatient_classes_ || outpatient_before > 0) {
      ++outpatient_generation_;
      schedule_outpatient_visit(sim, sim.now());
    }
  }
  const double rate = base_admission_rate_per_day_ * run_.years[static_cast<std::size_t>(year)].admission_multiplier;
  if (rate != admission_rate_per_day_ || !admissions_started_ || population_changed) {
    admissions_started_ = true;
    admission_rate_per_day_ = rate;
    ++admission_generation_;
    schedule_admission_onset(sim, sim.now());
  }
}

void Arrivals::schedule_admission_onset(sim::Simulation& sim, double after) {
  if (!admission_classes_ || admission_rate_per_day_ <= 0) return;
  const std::uint64_t onset = next_admission_onset_++;
  // Onset k's stream gives its time and its person; both are independent of the policy in force.
  sim::RandomStream rng(admission_key_, onset);
  const double t = after + sim::exponential(rng, admission_rate_per_day_);
  const std::uint32_t person = run_.population.pick_member(admission_classes_->sample(rng), rng);
  if (t < run_.horizon_days) {
    sim::Event e = sim::make_event(t, event_kind::kAdmissionOnset, person, onset, event_priority::kOnset);
    e.flags = admission_generation_;
    sim.schedule(e);
  }
}

void Arrivals::on_admission_onset(const sim::Event& e, sim::Simulation& sim) {
  if (e.flags != admission_generation_) return;  // drawn at a rate no longer in force
  schedule_admission_onset(sim, e.time_days);
  inpatient_.on_onset(sim, e.target, e.payload);
}

void Arrivals::schedule_outpatient_visit(sim::Simulation& sim, double after) {
  if (!outpatient_classes_) return;
  sim::RandomStream rng(outpatient_key_, next_outpatient_visit_++);
  const double t = after + sim::exponential(rng, outpatient_rate_per_day_);
  if (t >= run_.horizon_days) return;
  const std::size_t risk_class = outpatient_classes_->sample(rng);
  const std::size_t hospital =
      inpatient_.choice().outpatient_hospital(run_.population.classes()[risk_class].region, rng);
  const double bill = run_.scenario.demand.outpatient_cost_mean_yuan * run_.scenario.hospitals[hospital].cost_index *
                      sim::lognormal_mu_sigma(rng, outpatient_noise_mu_, outpatient_noise_sigma_);
  const std::uint64_t bill_fen = static_cast<std::uint64_t>(std::clamp<std::int64_t>(to_fen(bill), 0, 0xFFFFFFFF));
  // The visit is drawn whole and carried in its event: target = hospital, payload = bill fen | risk class << 32.
  sim::Event e = sim::make_event(t, event_kind::kOutpatientOnset, static_cast<std::uint32_t>(hospital),
                                 bill_fen | (static_cast<std::uint64_t>(risk_class) << 32), event_priority::kOnset);
  e.flags = outpatient_generation_;
  sim.schedule(e);
}

void Arrivals::on_outpatient_onset(const sim::Event& e, sim::Simulation& sim) {
  if (e.flags != outpatient_generation_) return;  // drawn at rates no longer in force
  schedule_outpatient_visit(sim, e.time_days);
  outpatient_.on_visit_onset(sim, e.target, e.payload >> 32, static_cast<std::int64_t>(e.payload & 0xFFFFFFFFu));
}

}  // namespace reformsim::agents
