#pragma once
// A part of the world of one run (arrivals, inpatient care, the fund's books, payment, provider behaviour,
// supervision, procurement, primary care, …) that owns its state and reacts to the world's hooks. Every hook's
// default does nothing; the World calls a component only at the hooks it is wired to, in the order listed in
// world.cpp (World::wire) and docs/model.md, section 3 (Process overview and scheduling).
//
//   hook                 when                                              may change
//   on_run_start         before the first event                            schedules
//   on_year_start        1 January, after the month-end of December        the year's levels, contracts
//   prevents_admission   an admission onset, before the case is drawn      the onset happens or not
//   adjust_choice        the patient's hospital probabilities              the probabilities
//   route                after the choice (referral, gatekeeping)          hospital, reimbursement bonus
//   accept               the chosen hospital's decision (selection)        the hospital
//   on_refusal           a hospital turned a patient away                  flags for audit
//   treat                the care the hospital will deliver                bill and LOS
//   on_admission         a bed is taken                                    the stay as planned
//   code_claim           at discharge, before the claim                    the claim as submitted
//   on_claim_paid        after the claim is settled and posted             what the claim hid; follow-on events
//   on_discharge         after the claim hooks                             follow-on events
//   intercepts_visit     an outpatient visit, before it is paid            the visit becomes something else
//   on_visit             an outpatient visit about to be paid              its bill
//   on_month_end         each month end, before any year-end or payment    audits, purchases, reviews
//   on_year_end          December's month end, after on_month_end          clearings, settlements, reviews
//   on_settlement        each month end, last: contributions and claims paid
//   on_violation_confirmed, on_leaders_interviewed   supervision's findings, for those deterred by them
//   on_warmup_year_end   after a warm-up year's last settlement: its records are discarded; the books reopen
#include <cstdint>
#include <optional>
#include <vector>

#include "agents/behaviour/gaming.hpp"
#include "agents/behaviour/violation.hpp"
#include "agents/hospitals/active_case.hpp"
#include "agents/payment/settlement.hpp"
#include "agents/supervision/doctor_points.hpp"
#include "sim/engine/simulation.hpp"

namespace reformsim::agents {

/// Where an admission goes after the patient's choice: referral up the network and gatekeeping act on it.
struct Route {
  std::size_t hospital = 0;
  bool referred = false;       ///< sent up the network by a primary unit
  float ratio_adjustment = 0;  ///< reimbursement bonus (referred) or penalty (bypass)
};

/// An inpatient claim as paid: its settlement and the money that moved.
struct PaidClaim {
  Settlement settlement;
  std::int64_t fund_fen = 0, patient_fen = 0;
  double patient_share_yuan = 0;
  bool special_case_allowed = false;
};

/// A paid claim passed to the claim hooks. Provider behaviour says what it hides; supervision screens it.
struct ClaimOutcome {
  const ActiveCase& c;
  const CaseFacts& truth;
  const CaseFacts& submitted;
  const std::optional<CodingChoice>& coding;
  const PaidClaim& paid;
  std::optional<Violation> violation;  ///< what the claim hides (none: honest, as far as anyone knows)
  double loss_yuan = 0;                ///< fund payment as submitted − as corrected
  double excess_points = 0;            ///< DIP points as submitted − as corrected
};

/// An outpatient visit as drawn: where, who (risk class), its bill and its city-wide index.
struct OutpatientVisit {
  std::size_t hospital = 0;
  std::size_t risk_class = 0;
  std::int64_t bill_fen = 0;
  std::uint64_t index = 0;  ///< random-stream entity of the visit's behavioural draws
};

/// The interface of every component.
class Component {
 public:
  virtual ~Component() = default;

  virtual void on_run_start(sim::Simulation& /*sim*/) {}
  virtual void on_year_start(int /*year*/, sim::Simulation& /*sim*/) {}
  virtual void on_month_end(std::size_t /*month*/, double /*now*/) {}
  virtual void on_year_end(int /*year*/, double /*now*/) {}
  virtual void on_settlement(std::size_t /*month*/, double /*now*/) {}

  virtual bool prevents_admission(std::uint32_t /*person*/, std::uint64_t /*onset*/, double /*now*/) { return false; }
  virtual void adjust_choice(std::uint32_t /*person*/, std::vector<double>& /*probabilities*/) {}
  virtual void route(std::uint32_t /*person*/, std::size_t /*group*/, double /*now*/, Route& /*route*/) {}
  /// The hospital that takes the admission (the chosen one unless it turns the patient away); `probabilities`
  /// are the patient's choice probabilities.
  virtual std::size_t accept(std::size_t hospital, const PendingAdmission& /*a*/,
                             const std::vector<double>& /*probabilities*/, double /*now*/) {
    return hospital;
  }
  /// `hospital` turned away admission `a` (patient selection), avoiding `avoided_loss_yuan` of cost over payment.
  virtual void on_refusal(std::size_t /*hospital*/, const PendingAdmission& /*a*/, double /*avoided_loss_yuan*/,
                          double /*now*/) {}
  virtual void treat(std::size_t /*hospital*/, PendingAdmission& /*a*/) {}

  /// `arrival_kind` is the stay kind the admission arrived with; `since_discharge_days` the time since the
  /// patient's last discharge.
  virtual void on_admission(ActiveCase& /*c*/, std::uint8_t /*arrival_kind*/, double /*since_discharge_days*/,
                            double /*now*/) {}
  virtual std::optional<CodingChoice> code_claim(const ActiveCase& /*c*/, const CaseFacts& /*truth*/) {
    return std::nullopt;
  }
  virtual void on_claim_paid(sim::Simulation& /*sim*/, ClaimOutcome& /*claim*/) {}
  virtual void on_discharge(sim::Simulation& /*sim*/, const ActiveCase& /*c*/) {}

  virtual bool intercepts_visit(sim::Simulation& /*sim*/, const OutpatientVisit& /*visit*/) { return false; }
  virtual void on_visit(std::size_t /*hospital*/, std::int64_t& /*bill_fen*/) {}

  virtual void on_violation_confirmed(std::size_t /*hospital*/, std::uint32_t /*doctor*/, Violation /*v*/,
                                      double /*penalties_yuan*/, PointsOutcome /*outcome*/) {}
  virtual void on_leaders_interviewed(std::size_t /*hospital*/) {}
  /// A warm-up year is over and its records discarded: what counts a year's money starts afresh.
  virtual void on_warmup_year_end() {}
};

/// Who reacts to each hook, in order (filled by World::wire; components not built are absent).
struct Hooks {
  std::vector<Component*> run_start, year_start, month_end, year_end, settlement;
  std::vector<Component*> prevents_admission, adjust_choice, route, accept, refusal, treat;
  std::vector<Component*> admission, code_claim, claim_paid, discharge;
  std::vector<Component*> intercepts_visit, visit;
  std::vector<Component*> violation_confirmed, leaders_interviewed;
  std::vector<Component*> warmup_year_end;
};

}  // namespace reformsim::agents
