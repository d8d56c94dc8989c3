#pragma once
// Supervision in a run: the detectors run on every paid claim, ward rounds and face checks look for phantom beds,
// the month's audit budget goes to the riskiest flagged claims, and confirmed violations are penalised — claw-back,
// fine, the doctor's points, the hospital's suspension — with the money flowing back from the hospital to the fund.
// Built only when a detector is on.
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "agents/hospitals/inpatient_care.hpp"
#include "agents/payer/fund_books.hpp"
#include "agents/payment/payment_cycle.hpp"
#include "agents/supervision/audit_pool.hpp"
#include "agents/supervision/doctor_points.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// What supervision knows of one hospital.
struct SupervisedHospital {
  std::vector<DoctorRecord> doctors;
  int phantom_flags_this_year = 0;
  double last_round_share = 1;
  bool alerted = false;         ///< CMI grew past the alert threshold last year
  int confirmed_this_year = 0;  ///< confirmed violations since the year (or the last suspension) began
  int suspensions = 0;
  double previous_cmi = std::numeric_limits<double>::quiet_NaN();
};

/// The bureau's detectors, audits and penalties.
class Supervision final : public Component {
 public:
  Supervision(RunContext& run, InpatientCare& inpatient, FundBooks& books, PaymentCycle& payment, const Hooks& hooks);

  /// The first ward round of every hospital.
  void on_run_start(sim::Simulation& sim) override;
  /// An admission soon after the patient's last discharge may be screened as a readmission.
  void on_admission(ActiveCase& c, std::uint8_t arrival_kind, double since_discharge_days, double now) override;
  /// A refused severe patient's record may flag the refusal for audit.
  void on_refusal(std::size_t hospital, const PendingAdmission& a, double avoided_loss_yuan, double now) override;
  /// The detectors on a paid claim (what it hides, if anything, is the claim's `violation`).
  void on_claim_paid(sim::Simulation& sim, ClaimOutcome& claim) override;
  /// The month's audits, before the month's settlement deducts what they recover.
  void on_month_end(std::size_t month, double now) override;
  /// Points, flags and confirmations start afresh; hospitals whose CMI grew too fast are audited first next year.
  void on_year_end(int year, double now) override;
  /// Sanctions are records of the reported period: after a warm-up year every doctor and hospital starts clean
  /// (the hospitals' and doctors' learned propensities are behaviour's, and carry on).
  void on_warmup_year_end() override;
  /// Event kWardRound at a hospital.
  void on_ward_round(const sim::Event& e, sim::Simulation& sim);

 private:
  void screen_claim(const ActiveCase& c, std::optional<Violation> violation, double loss_yuan, double excess_points,
                    double fund_yuan, const CaseFacts& submitted, double now);
  void schedule_ward_round(sim::Simulation& sim, std::size_t hospital, double after);
  /// Recovers `recovered + fine` from the hospital (returned to the claim's scheme and region), deducts the doctor's
  /// points, may suspend the hospital.
  void penalise(std::size_t hospital, std::uint32_t doctor, Scheme scheme, int region, Violation v,
                double recovered_yuan, double fine_yuan, std::size_t month, double now);

  RunContext& run_;
  InpatientCare& inpatient_;
  FundBooks& books_;
  PaymentCycle& payment_;
  const Hooks& hooks_;
  sim::StreamKey key_;
  std::vector<SupervisedHospital> hospitals_;
  std::vector<FlaggedClaim> audit_pool_;
  std::uint64_t flag_order_ = 0;
  double audit_budget_carry_ = 0;
  std::vector<std::uint64_t> ward_rounds_scheduled_;  ///< per hospital: rounds drawn so far (stream entity)
};

}  // namespace reformsim::agents
