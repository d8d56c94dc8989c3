#pragma once
// Inpatient care: illness onset → case → provider choice → bed (or queue / diversion) → discharge → cost sharing
// and the claim, settled by the payment rule in force and posted to the fund's books. The hospitals' beds, queues,
// doctors' rotation, treatment intensity and agreements with the fund live here; components act on the flow through
// the care hooks (component.hpp).
#include <cstdint>
#include <vector>

#include "agents/hospitals/hospital_state.hpp"
#include "agents/hospitals/provider_choice.hpp"
#include "agents/payer/benefit_rules.hpp"
#include "agents/payer/fund_books.hpp"
#include "agents/payment/payment_cycle.hpp"
#include "agents/population/case_draws.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// The inpatient side of one run.
class InpatientCare final : public Component {
 public:
  InpatientCare(RunContext& run, FundBooks& books, PaymentCycle& payment, const Hooks& hooks);

  /// An admission onset of `person` (city-wide onset index `onset`).
  void on_onset(sim::Simulation& sim, std::uint32_t person, std::uint64_t onset);
  /// An admission that arrives at `hospital` now: a free bed takes it, else it waits.
  void arrive(sim::Simulation& sim, std::size_t hospital, const PendingAdmission& a);
  /// Runs the treat hooks (the care the hospital will deliver: drug prices) on an admission.
  void run_treat_hooks(std::size_t hospital, PendingAdmission& a);
  /// Takes a bed for `a` at `hospital` (which must have one free) and schedules the discharge.
  void admit(sim::Simulation& sim, std::size_t hospital, const PendingAdmission& a);
  /// Event kDischarge: the claim, its records, the next patient in the queue.
  void on_discharge_event(const sim::Event& e, sim::Simulation& sim);

  /// Event kQueueTimeout: a patient still waiting after the longest wait leaves the queue (bed_capacity.cpp).
  void on_queue_timeout(const sim::Event& e, sim::Simulation& sim);

  /// Patients' benefit use starts afresh each year; the year's beds open.
  void on_year_start(int year, sim::Simulation& sim) override;
  /// The year's bed-days and queue-days of each hospital; expansions the year's occupancy calls for.
  void on_year_end(int year, double now) override;

  /// The hospitals' run-time state (beds, queues, doctors' rotation and rights, agreements).
  std::vector<HospitalState>& hospitals() { return hospitals_; }
  const std::vector<HospitalState>& hospitals() const { return hospitals_; }
  /// Every bed's case; slots of discharged cases have hospital == ActiveCase::kFreeSlot.
  std::vector<ActiveCase>& active_cases() { return active_; }
  /// Treatment intensity of `hospital` per catalogue group (1 = as the catalogue; cost control lowers it).
  std::vector<float>& intensity(std::size_t hospital) { return intensity_[hospital]; }
  /// True when `hospital` may treat fund patients at `now`.
  bool contracted(std::size_t hospital, double now) const { return hospitals_[hospital].contracted(now); }
  /// The doctor the next case of `hospital` gets: the next in rotation who may practise (without assigning).
  std::uint32_t next_doctor(std::size_t hospital, double now) const;
  /// The choice model (also used for outpatient visits).
  const ProviderChoice& choice() const { return choice_; }
  /// Bytes held per insured person (benefit use and last discharge).
  static constexpr std::size_t bytes_per_person() { return sizeof(BenefitYearUsage) + sizeof(float); }

 private:
  /// Where a patient goes when their hospital's agreement is suspended: chosen again among contracted hospitals.
  std::size_t contracted_alternative(std::size_t hospital, double u, double now);
  /// The year's beds under the capacity rule; new beds take waiting patients.
  void open_beds(int year, sim::Simulation& sim);
  /// Occupancy rule: after a year above the threshold, beds to open `lag_years` later.
  void plan_expansions(int year, double now);
  /// Schedules the end of the longest wait for a patient who has just joined `hospital`'s queue.
  void wait_at_most(sim::Simulation& sim, std::size_t hospital, const PendingAdmission& a);
  /// A contracted hospital other than `except` with a free bed, preferring `region`; hospitals().size() if none.
  std::size_t hospital_with_free_bed(std::size_t except, int region, double now) const;
  /// The doctor of a new case: the next in rotation who may practise.
  std::uint32_t assign_doctor(std::size_t hospital, double now);
  /// Cost sharing, settlement and postings of the claim of case `c` as submitted.
  PaidClaim pay_claim(const ActiveCase& c, const CaseFacts& submitted, int year);
  /// The month's, the hospital's and the group's records of a discharge.
  void record_discharge(const ActiveCase& c, const CaseFacts& submitted, const PaidClaim& paid, double now);

  RunContext& run_;
  FundBooks& books_;
  PaymentCycle& payment_;
  const Hooks& hooks_;
  CaseDraws cases_;
  ProviderChoice choice_;
  sim::StreamKey choice_key_, queue_leave_key_;
  /// Beds decided and not yet open (occupancy rule), per hospital.
  struct BedOpening {
    int year = 0;
    int beds = 0;
  };
  std::vector<std::vector<BedOpening>> bed_openings_;
  std::vector<HospitalState> hospitals_;
  std::vector<ActiveCase> active_;
  std::vector<std::uint32_t> free_slots_;
  std::vector<BenefitYearUsage> usage_;        ///< per person, this year
  std::vector<float> last_discharge_day_;      ///< per person: day of the last discharge (readmissions)
  std::vector<std::vector<float>> intensity_;  ///< [hospital][group]
  std::vector<double> scratch_probabilities_;
  std::vector<char> scratch_allowed_;
};

}  // namespace reformsim::agents
