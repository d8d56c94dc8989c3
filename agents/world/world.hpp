#pragma once
// One simulated city for one run: the population, hospitals, the fund and the payment rule in force, driven by
// the domain-free kernel (sim::Simulation). Built fresh for every run from an immutable ScenarioConfig.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "agents/behaviour/code_targets.hpp"
#include "agents/calibration/calibration.hpp"
#include "agents/hospitals/hospital_state.hpp"
#include "agents/hospitals/provider_choice.hpp"
#include "agents/payer/benefit_rules.hpp"
#include "agents/payer/fund_ledger.hpp"
#include "agents/payer/sub_accounts.hpp"
#include "agents/payment/payment_rule.hpp"
#include "agents/population/population.hpp"
#include "agents/primary_care/referral_network.hpp"
#include "agents/scenario/scenario_config.hpp"
#include "agents/supervision/audit_pool.hpp"
#include "agents/world/behaviour_state.hpp"
#include "agents/world/procurement_state.hpp"
#include "agents/world/run_metrics.hpp"
#include "agents/world/shock_schedule.hpp"
#include "sim/engine/alias_table.hpp"
#include "sim/engine/calendar.hpp"
#include "sim/engine/event.hpp"
#include "sim/engine/random_stream.hpp"
#include "sim/engine/simulation.hpp"

namespace reformsim::agents {

/// A case in a bed. The stay and bill are as they will be claimed; the true ones differ only for phantom beds.
struct ActiveCase {
  static constexpr std::uint32_t kFreeSlot = 0xFFFFFFFF;
  std::uint32_t person = 0;
  std::uint32_t group = 0;
  std::uint32_t hospital = 0;  ///< kFreeSlot once discharged
  std::uint32_t doctor = 0;
  float los_days = 0;
  float bill_yuan = 0;
  float true_los_days = 0;
  float true_bill_yuan = 0;
  float phantom_from_days = 0;     ///< phantom beds: the patient is gone from this time on
  float outpatient_fund_yuan = 0;  ///< low-indication admissions: fund cost of the visit they replaced
  float planned_gain_yuan = 0;     ///< admission-time violations: the hospital's expected gain
  float ratio_adjustment = 0;      ///< gatekeeping: reimbursement bonus (referred) or penalty (bypass)
  std::uint64_t entity = 0;        ///< random-stream entity of the case's behavioural and supervision draws
  std::uint32_t split_record = 0;
  std::uint8_t stay_kind = 0;  ///< agents/world/behaviour_state.hpp
  std::uint8_t ward_checks = 0, ward_absences = 0;
  bool readmission_flagged = false;
};

/// The health-insurance world of one run; `run()` simulates the whole horizon once.
class World {
 public:
  World(const ScenarioConfig& scenario, std::uint64_t seed, std::uint64_t replicate);
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  /// Simulates the horizon, checks money conservation and returns the metrics.
  RunMetrics run();
  /// Kernel callback: dispatches one event by kind.
  void handle(const sim::Event& event, sim::Simulation& simulation);
  /// Appends every discharged case (group, itemised bill) to `sink` during run(); for calibration.
  void record_cases(std::vector<CaseRecord>* sink) { case_sink_ = sink; }
  /// Bytes held per insured person by the population, benefit state and pending events (approximate).
  std::size_t bytes_per_person() const;

 private:
  /// Draws the next admission onset after `after` from the next city-wide onset stream.
  void schedule_admission_onset(sim::Simulation& sim, double after);
  std::uint64_t next_admission_onset_ = 0;
  /// Pending onsets drawn at an old rate are dropped when the rate changes (memoryless, so redrawing is exact).
  std::uint8_t admission_generation_ = 0;
  double base_admission_rate_per_day_ = 0;
  std::vector<YearLevels> years_;
  std::int64_t employee_contributions_this_year_fen_ = 0;
  std::vector<std::int64_t> monthly_employee_contributions_by_region_fen_;  ///< first-year levels
  std::vector<std::int64_t> employee_contributions_by_region_fen_;          ///< this year's, summing to the total
  std::vector<std::int64_t> annual_resident_contributions_by_region_fen_;   ///< first-year levels
  /// Draws the next outpatient visit after `after` — its time, risk class, hospital and bill — from one stream.
  void schedule_outpatient_visit(sim::Simulation& sim, double after);
  void on_admission_onset(const sim::Event& e, sim::Simulation& sim);
  void on_outpatient_onset(const sim::Event& e, sim::Simulation& sim);
  void on_discharge(const sim::Event& e, sim::Simulation& sim);
  void on_month_end(const sim::Event& e, sim::Simulation& sim);
  void on_year_start(const sim::Event& e, sim::Simulation& sim);
  void admit(sim::Simulation& sim, std::size_t hospital, const PendingAdmission& a);
  void close_year(int year, double boundary_days);
  /// DIP year-end clearing at (budget − reserve) ÷ Σ points, when the year was paid by DIP with a budget.
  void clear_dip_year(int year);
  /// Year-end settlement of each hospital against its share of the regional global budget (FFS and DRG years).
  void settle_global_budget(int year);
  /// The Yichang-rule surplus of DIP years and the doctors' performance pay out of retained surplus.
  void record_surplus_and_performance_pay(int year);
  /// The regional budget of `year`, if one applies.
  std::optional<double> regional_budget(int year) const;
  double previous_inpatient_expenditure_yuan_ = 0;  ///< fund inpatient spending of the previous year
  std::vector<double> previous_inpatient_share_;    ///< each hospital's share of it
  void finish_metrics();
  MonthMetrics& month_at(double t);
  /// Index of the month containing `t`.
  std::size_t month_of(double t) {
    month_at(t);
    return static_cast<std::size_t>(cached_month_);
  }
  int year_at(double t) const;
  // Time only moves forward, so the month of the previous event almost always answers month_at.
  int cached_month_ = 0;
  double cached_month_start_ = 0, cached_month_end_ = -1;

  const ScenarioConfig scenario_;  ///< a copy: a World must not depend on the lifetime of its argument
  std::uint64_t seed_;
  std::uint64_t replicate_;
  sim::Calendar calendar_;
  double horizon_days_;
  Population population_;
  sim::AliasTable group_table_;
  // Illness arrives as the superposition of every person's Poisson process: one city-wide stream of onsets at
  // the summed rate, each assigned to a risk class in proportion to its total rate and then to a uniformly
  // chosen member. This is exact for rates that are constant within a class, keeps the event queue small
  // (no pending event per person) and touches no per-person memory to pick the person.
  double admission_rate_per_day_ = 0;
  double outpatient_rate_per_day_ = 0;
  std::unique_ptr<sim::AliasTable> admission_classes_;
  std::unique_ptr<sim::AliasTable> outpatient_classes_;
  /// Person for an onset: class by rate, then a uniform member of the class.
  std::uint32_t pick_person(const sim::AliasTable& classes, sim::RandomStream& rng) const;
  /// A uniformly chosen member of a risk class.
  std::uint32_t pick_member(std::size_t risk_class, sim::RandomStream& rng) const;
  std::uint64_t next_outpatient_visit_ = 0;  ///< city-wide visit index: the entity of the visit's stream
  // Stream keys hashed once per run (see random_purposes.hpp).
  sim::StreamKey admission_key_, case_key_, choice_key_, outpatient_key_;
  double outpatient_noise_mu_ = 0, outpatient_noise_sigma_ = 0;  ///< lognormal noise of mean 1
  ProviderChoice choice_;
  std::vector<std::unique_ptr<PaymentRule>> rule_by_year_;
  const PaymentRule* rule_ = nullptr;
  FundLedger ledger_;
  SubAccounts schemes_;  ///< employee and resident funds
  SubAccounts regions_;  ///< one pooling unit per region
  std::vector<HospitalState> hospitals_;
  std::vector<ActiveCase> active_;
  std::vector<std::uint32_t> free_slots_;
  std::vector<BenefitYearUsage> usage_;
  std::int64_t monthly_employee_contributions_fen_ = 0;
  std::int64_t annual_resident_contributions_fen_ = 0;
  /// The initial balance split over the schemes by their share of the insured.
  static std::vector<std::int64_t> initial_scheme_balances(const ScenarioConfig& s, const Population& p);
  /// Province-level pooling: each January the regions pay a share of last year's contributions to the adjustment fund.
  void fund_adjustment_fund(int year);
  /// At year end the adjustment fund covers part of each region's annual deficit; records regions in deficit.
  void cover_regional_deficits(int year);
  std::vector<std::int64_t> region_contributions_this_year_fen_, region_contributions_last_year_fen_;
  std::vector<std::int64_t> region_spent_this_year_fen_;
  /// The initial balance split over the regions by their share of the insured.
  static std::vector<std::int64_t> initial_region_balances(const ScenarioConfig& s, const Population& p);
  int special_case_quota_ = 0;
  std::vector<int> special_cases_used_;             ///< this year's special-case reviews, per hospital
  std::vector<double> dip_points_;                  ///< this year's DIP points × coefficients, per hospital
  std::vector<std::int64_t> hospital_revenue_fen_;  ///< tallied per case, checked against the ledger
  std::vector<double> scratch_probabilities_;
  std::vector<char> scratch_allowed_;
  RunMetrics metrics_;
  std::vector<CaseRecord>* case_sink_ = nullptr;

  /// A claim as paid: its settlement and the money that moved.
  struct PaidClaim {
    Settlement settlement;
    std::int64_t fund_fen = 0, patient_fen = 0;
    double patient_share_yuan = 0;
    bool special_case_allowed = false;
  };
  /// Cost sharing, settlement and postings of one inpatient claim of case `c` as submitted.
  PaidClaim pay_inpatient_claim(const ActiveCase& c, const CaseFacts& submitted);
  /// The month's, the hospital's and the group's records of a discharge.
  void record_discharge(const ActiveCase& c, const CaseFacts& submitted, const PaidClaim& paid, double now);
  /// The fund payment `facts` would have received with the same patient share (re-settlement, DOMAIN.md §6.3).
  double resettled_fund_yuan(const CaseFacts& facts, const PaidClaim& paid) const;
  /// The DIP points × coefficients `facts` would have earned (0 outside DIP).
  double resettled_points(const CaseFacts& facts, const PaidClaim& paid) const;
  Settlement resettled(const CaseFacts& facts, const PaidClaim& paid) const;

  // Provider behaviour (provider_behaviour.cpp): all of it is skipped when every propensity is zero.
  bool behaviour_on_ = false;
  bool supervision_on_ = false;
  sim::StreamKey behaviour_key_, supervision_key_;
  std::unique_ptr<CodeTargets> code_targets_;
  std::vector<HospitalBehaviour> behaviour_;
  std::vector<SplitRecord> splits_;
  std::vector<float> last_discharge_day_;  ///< per person: day of the last discharge (readmissions)
  std::uint64_t outpatient_visits_handled_ = 0;
  std::uint32_t low_indication_group_ = 0;
  void init_behaviour();
  double effective_propensity(std::size_t hospital, std::uint32_t doctor, Violation v) const;
  /// Patient selection at onset: the hospital a loss-making case ends up in (itself unless turned away).
  std::size_t select_patient(std::size_t hospital, const PendingAdmission& a, double now);
  /// Where a patient goes when their hospital's agreement is suspended: chosen again among contracted hospitals.
  std::size_t contracted_alternative(std::size_t hospital, double u, double now);
  /// The doctor the next case of `hospital` gets: the next in rotation who may practise (without assigning).
  std::uint32_t next_doctor(std::size_t hospital, double now) const;
  /// The doctor of a new case: the next in rotation who may practise.
  std::uint32_t assign_doctor(std::size_t hospital, double now);
  /// Admission-time decisions of the doctor: split or repeat the stay, or keep a phantom bed.
  void plan_stay(ActiveCase& c, double now);
  /// An idle hospital admits an outpatient-treatable visitor instead of treating them as an outpatient.
  bool admitted_low_indication(sim::Simulation& sim, std::size_t hospital, std::size_t risk_class,
                               std::int64_t visit_bill_fen);
  /// Discharge-time coding decision (up/down-coding, QY, charges, shifting).
  std::optional<CodingChoice> choose_coding(const ActiveCase& c, const CaseFacts& truth);
  /// Losses, shifted payments, second stays and screening after a claim is paid.
  void after_discharge(sim::Simulation& sim, const ActiveCase& c, const CaseFacts& truth,
                       const std::optional<CodingChoice>& coding, const PaidClaim& paid);
  void on_readmission(const sim::Event& e, sim::Simulation& sim);
  /// Records a committed violation and hands the claim to the detectors.
  void record_violation(const ActiveCase& c, Violation v, double loss_yuan, double gain_yuan, double now);
  /// The yearly strategy review of every hospital (after the year's accounts are closed).
  void review_strategies(int year, bool year_end);
  void record_propensities(std::size_t month, double now);

  // Drugs and volume-based procurement (procurement_process.cpp).
  bool drugs_on_ = false;        ///< a drug table is given: use and spending are tracked
  bool procurement_on_ = false;  ///< tenders change prices and therefore bills
  sim::StreamKey procurement_key_;
  std::vector<DrugRuntime> drugs_;
  std::vector<std::vector<GroupDrugUse>> group_drug_use_;  ///< per catalogue group
  std::vector<double> inpatient_drug_delta_yuan_;          ///< [hospital][group]: bill change from drug prices
  std::vector<std::int64_t> outpatient_drug_delta_fen_;    ///< per hospital, per visit
  std::vector<double> outpatient_visits_this_month_;       ///< per hospital
  int cycle_ = -1;                                         ///< the procurement cycle in force
  void init_drugs();
  /// A case's drug use, counted when its bill is drawn; returns the bill change from procured prices.
  double inpatient_drug_use(std::size_t hospital, std::size_t group);
  /// The month's purchases: winners first, capacity and shortages, spending.
  void purchase_drugs(std::size_t month);
  void start_cycle(int year);
  int cycle_start_year_ = 0;  ///< simulated year (0-based) the cycle in force started
  void close_cycle(int year);
  /// Hospitals' prices and demand factors, and the bill changes they make.
  void update_drug_prices();

  // Primary care: family doctors, the referral network, county alliances (primary_care_process.cpp).
  bool family_on_ = false, network_on_ = false;
  std::unique_ptr<ReferralNetwork> network_;
  sim::StreamKey family_key_, referral_key_;
  std::vector<std::uint8_t> contracted_;          ///< per person
  std::vector<std::size_t> team_unit_of_region_;  ///< the tier-1 unit whose teams contract the region's residents
  std::vector<double> alliance_insured_;          ///< per alliance: insured of its regions
  std::vector<std::vector<double>> alliance_by_region_,
      alliance_by_scheme_;  ///< … by region (+ adjustment fund) and scheme
  void init_primary_care();
  /// Each January: the year's contracts, their fees and the teams' follow-ups.
  void sign_contracts(int year);
  /// Chronic-disease management: an admission of a contracted chronic resident that does not happen.
  bool avoided_by_chronic_care(std::uint32_t person, std::uint64_t onset, double now);
  /// Primary first contact for contracted residents: tier-1 choice probabilities × exp(utility), renormalised.
  void primary_first(std::uint32_t person, std::vector<double>& probabilities) const;
  /// Referral up the network of a severe case at a primary unit; sets the gatekeeping ratio adjustment.
  std::size_t refer_and_gatekeep(std::uint32_t person, std::size_t hospital, std::size_t group, double now,
                                 float& ratio_adjustment);
  /// A share of tier-2/3 discharges is referred down for a follow-up visit at the nearest primary unit.
  void refer_down(sim::Simulation& sim, const ActiveCase& c);
  void on_follow_up(const sim::Event& e, sim::Simulation& sim);
  /// Pays one outpatient visit (fund ratio of the scheme) and records it.
  void pay_outpatient_visit(std::size_t hospital, Scheme scheme, int region, std::int64_t bill_fen, double now);
  /// Year end: each alliance against its per-capita budget.
  void settle_alliances(int year);

  // Supervision (supervision_process.cpp).
  std::vector<FlaggedClaim> audit_pool_;
  std::uint64_t flag_order_ = 0;
  double audit_budget_carry_ = 0;
  std::vector<std::uint64_t> ward_rounds_scheduled_;  ///< per hospital: rounds drawn so far (stream entity)
  /// Runs the detectors on a paid claim; `violation` is the truth (nullopt when honest).
  void screen_claim(const ActiveCase& c, std::optional<Violation> violation, double loss_yuan, double excess_points,
                    double fund_yuan, const CaseFacts& submitted, double now);
  void schedule_ward_round(sim::Simulation& sim, std::size_t hospital, double after);
  void on_ward_round(const sim::Event& e, sim::Simulation& sim);
  /// The month's audits of flagged claims, highest risk first, within the budget.
  void run_audits(std::size_t month, double now);
  /// Recovers `recovered + fine` from the hospital and deducts the doctor's points.
  void penalise(std::size_t hospital, std::uint32_t doctor, std::uint32_t person, Violation v, double recovered_yuan,
                double fine_yuan, std::size_t month, double now);
};

}  // namespace reformsim::agents
