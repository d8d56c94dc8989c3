#pragma once
// One simulated city for one run: the composition root. It builds the components the scenario configures (an
// unconfigured one is not built, so it costs nothing), wires them to the hooks in a fixed, documented order
// (World::wire), hands each kernel event to the component that owns its kind, and runs the horizon. Built fresh
// for every run from an immutable ScenarioConfig.
#include <cstdint>
#include <memory>
#include <vector>

#include "agents/behaviour/provider_behaviour.hpp"
#include "agents/hospitals/inpatient_care.hpp"
#include "agents/hospitals/outpatient_care.hpp"
#include "agents/payer/contributions.hpp"
#include "agents/payer/fund_books.hpp"
#include "agents/payer/regional_budget.hpp"
#include "agents/payment/payment_cycle.hpp"
#include "agents/population/arrivals.hpp"
#include "agents/population/demography.hpp"
#include "agents/population/population.hpp"
#include "agents/primary_care/alliances.hpp"
#include "agents/primary_care/family_doctors.hpp"
#include "agents/primary_care/referrals.hpp"
#include "agents/procurement/procurement.hpp"
#include "agents/scenario/scenario_config.hpp"
#include "agents/supervision/supervision.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"
#include "agents/world/run_metrics.hpp"
#include "sim/engine/event.hpp"
#include "sim/engine/simulation.hpp"

namespace reformsim::agents {

/// The health-insurance world of one run; `run()` simulates the whole horizon once.
class World {
 public:
  World(const ScenarioConfig& scenario, std::uint64_t seed, std::uint64_t replicate);
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  /// Simulates the horizon, checks money conservation and returns the metrics. A failure is rethrown as a
  /// SimulationError saying when (day and date), during which event and about whom it happened.
  RunMetrics run();
  /// Kernel callback: hands one event to the component that owns its kind.
  void handle(const sim::Event& event, sim::Simulation& simulation);
  /// Attaches `observer` to every hook, after the world's own components: recorders and probes of tools and tests
  /// (calibration records the base period's cases this way). It must outlive the run.
  void attach(Component& observer);
  /// Bytes held per insured person by the population, benefit use, last discharge and contracts (approximate).
  std::size_t bytes_per_person() const;
  /// How many components this run built (the core ones and the configured optional ones).
  std::size_t components() const;

 private:
  /// Who reacts to each hook, in order.
  void wire();
  /// `year` and `month` count from simulated day 0 (the first warm-up year); hooks receive reported ones.
  void on_year_start(int year, sim::Simulation& sim);
  /// The month end: month-end hooks, in December the year-end hooks, then the settlement hooks.
  void on_month_end(int month, double now, sim::Simulation& sim);
  /// A warm-up year has been settled: its records are discarded and the books reopen, so the reported horizon
  /// starts from the state the warm-up left in beds, queues and strategies, and from the initial balance.
  void close_warmup_year();
  /// "day 412.3 (2025-02-16), discharge at hospital 'X'": where the event being handled stands.
  std::string describe(const sim::Event& e) const;

  const ScenarioConfig scenario_;  ///< a copy: a World must not depend on the lifetime of its argument
  Population population_;
  RunMetrics metrics_;
  RunMetrics unreported_metrics_;  ///< the records as built, before the first event (kept only with a warm-up)
  RunContext run_;
  Hooks hooks_;
  // The core, always built.
  FundBooks books_;
  Demography demography_;
  Contributions contributions_;
  PaymentCycle payment_;
  InpatientCare inpatient_;
  OutpatientCare outpatient_;
  Arrivals arrivals_;
  // Built only when the scenario configures them.
  std::unique_ptr<Referrals> referrals_;
  std::unique_ptr<FamilyDoctors> family_doctors_;
  std::unique_ptr<ProviderBehaviour> behaviour_;
  std::unique_ptr<Supervision> supervision_;
  std::unique_ptr<Procurement> procurement_;
  std::unique_ptr<RegionalBudget> budget_;
  std::unique_ptr<Alliances> alliances_;
  sim::Event current_{};  ///< the event being handled, for the context of an error
};

}  // namespace reformsim::agents
