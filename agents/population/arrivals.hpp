#pragma once
// When illness arrives: admission onsets and outpatient visits as the superposition of every person's Poisson
// process — one city-wide stream of each at the summed rate, each event assigned to a risk class in proportion to
// its total rate and then to a uniformly chosen member. This is exact for rates that are constant within a class,
// keeps the event queue small (no pending event per person) and touches no per-person memory to pick the person.
// The admission rate follows each year's shock levels (utilisation trend, epidemics) and, with demography on, the
// population's age and chronic structure, re-counted each January.
#include <cstdint>
#include <memory>

#include "agents/hospitals/inpatient_care.hpp"
#include "agents/hospitals/outpatient_care.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"
#include "sim/engine/alias_table.hpp"

namespace reformsim::agents {

/// The admission and outpatient streams of one run.
class Arrivals final : public Component {
 public:
  Arrivals(RunContext& run, InpatientCare& inpatient, OutpatientCare& outpatient);
  /// The first outpatient visit.
  void on_run_start(sim::Simulation& sim) override;
  /// A new admission rate (utilisation trend, epidemics, the population's yearly update): the onset drawn at the old
  /// rate is dropped and drawn afresh from now; after a population update the outpatient stream restarts too.
  void on_year_start(int year, sim::Simulation& sim) override;
  /// Event kAdmissionOnset: the next onset is drawn, this one goes to inpatient care.
  void on_admission_onset(const sim::Event& e, sim::Simulation& sim);
  /// Event kOutpatientOnset: the next visit is drawn, this one goes to outpatient care.
  void on_outpatient_onset(const sim::Event& e, sim::Simulation& sim);

 private:
  /// The alias tables over the risk classes and the total rates, from the classes' current counts.
  void build_class_tables();
  /// Draws the next admission onset after `after` from the next city-wide onset stream.
  void schedule_admission_onset(sim::Simulation& sim, double after);
  /// Draws the next outpatient visit after `after` — its time, risk class, hospital and bill — from one stream.
  void schedule_outpatient_visit(sim::Simulation& sim, double after);

  RunContext& run_;
  InpatientCare& inpatient_;
  OutpatientCare& outpatient_;
  double base_admission_rate_per_day_ = 0;
  double admission_rate_per_day_ = 0;
  double outpatient_rate_per_day_ = 0;
  std::unique_ptr<sim::AliasTable> admission_classes_;
  std::unique_ptr<sim::AliasTable> outpatient_classes_;
  std::uint64_t next_admission_onset_ = 0;
  /// Pending onsets drawn at an old rate are dropped when the rate changes (memoryless, so redrawing is exact).
  std::uint8_t admission_generation_ = 0;
  bool admissions_started_ = false;
  std::uint8_t outpatient_generation_ = 0;
  int tables_year_ = 0;                      ///< the last year whose population the tables describe
  std::uint64_t next_outpatient_visit_ = 0;  ///< city-wide visit index: the entity of the visit's stream
  sim::StreamKey admission_key_, outpatient_key_;
  double outpatient_noise_mu_ = 0, outpatient_noise_sigma_ = 0;  ///< lognormal noise of mean 1
};

}  // namespace reformsim::agents
