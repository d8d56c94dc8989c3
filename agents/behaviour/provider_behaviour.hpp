#pragma once
// Provider behaviour in a run: doctors' propensities, the violation mechanisms at onset (patient selection),
// admission (split and repeat stays, phantom beds, low-indication admissions from idle beds) and discharge (coding,
// charges, shifting), the fund loss of each violating claim by re-settlement, and each hospital's review of its
// strategy and treatment intensity. Every draw comes from the behaviour streams. Built only when a propensity is
// above zero or cost control is on.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "agents/behaviour/behaviour_state.hpp"
#include "agents/behaviour/code_targets.hpp"
#include "agents/hospitals/inpatient_care.hpp"
#include "agents/payer/fund_books.hpp"
#include "agents/payment/payment_cycle.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// Hospitals' and doctors' responses to the payment rule in force.
class ProviderBehaviour final : public Component {
 public:
  ProviderBehaviour(RunContext& run, InpatientCare& inpatient, FundBooks& books, const PaymentCycle& payment,
                    const Hooks& hooks);

  /// Patient selection: a loss-making case is turned away to where the patient would otherwise have gone; the
  /// refusal hooks hear of it.
  std::size_t accept(std::size_t hospital, const PendingAdmission& a, const std::vector<double>& probabilities,
                     double now) override;
  /// The doctor's admission-time decisions: split or repeat the stay, or keep a phantom bed.
  void on_admission(ActiveCase& c, std::uint8_t arrival_kind, double since_discharge_days, double now) override;
  /// The discharge-time coding decision (up/down-coding, QY, charges, shifting).
  std::optional<CodingChoice> code_claim(const ActiveCase& c, const CaseFacts& truth) override;
  /// What the paid claim hides and what it cost the fund; shifted payments; the second stay of a split.
  void on_claim_paid(sim::Simulation& sim, ClaimOutcome& claim) override;
  /// An idle hospital admits an outpatient-treatable visitor instead of treating them as an outpatient.
  bool intercepts_visit(sim::Simulation& sim, const OutpatientVisit& visit) override;
  /// Month end: the doctors' mean propensities; quarterly reviews when configured.
  void on_month_end(std::size_t month, double now) override;
  /// The yearly review of every hospital's strategy, after the year's accounts are closed.
  void on_year_end(int year, double now) override;
  /// A caught doctor's propensity falls, and training lowers it further; the penalty counts against the type.
  void on_violation_confirmed(std::size_t hospital, std::uint32_t doctor, Violation v, double penalties_yuan,
                              PointsOutcome outcome) override;
  /// A leaders' interview lowers the hospital's phantom-bed multiplier.
  void on_leaders_interviewed(std::size_t hospital) override;
  /// Event kReadmission: the second stay of a split admission.
  void on_readmission(const sim::Event& e, sim::Simulation& sim);

 private:
  double effective_propensity(std::size_t hospital, std::uint32_t doctor, Violation v) const;
  void plan_stay(ActiveCase& c, double now);
  /// Records a committed violation (the supervision cell and the hospital's gain).
  void record_violation(const ActiveCase& c, Violation v, double loss_yuan, double gain_yuan, double now);
  /// Money of a claim shifted out of it: to outpatient visits or the patient, or to an outside pharmacy.
  void pay_shifted(const ActiveCase& c, const CodingChoice& coding, double now, double& loss_yuan);
  /// The settlement `facts` would have received with the same patient share (re-settlement).
  Settlement resettled(std::size_t hospital, const CaseFacts& facts, const PaidClaim& paid) const;
  void review(int year, bool year_end);

  RunContext& run_;
  InpatientCare& inpatient_;
  FundBooks& books_;
  const PaymentCycle& payment_;
  const Hooks& hooks_;
  sim::StreamKey key_;
  std::unique_ptr<CodeTargets> code_targets_;
  std::vector<HospitalBehaviour> hospitals_;
  std::vector<SplitRecord> splits_;
  std::uint32_t low_indication_group_ = 0;
  std::vector<char> scratch_allowed_;
};

}  // namespace reformsim::agents
