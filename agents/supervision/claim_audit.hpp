#pragma once
// Fund loss by re-settlement (DOMAIN.md §6.3–6.4): a case as submitted and as corrected are settled by the same
// rules; the loss is fund payment(submitted) − fund payment(corrected). Used by `reformsim audit`.
#include <optional>
#include <string>
#include <vector>

#include "agents/payment/settlement.hpp"
#include "agents/scenario/scenario_config.hpp"
#include "sim/config/errors.hpp"

namespace reformsim::agents {

/// One submitted claim and its correction after review.
struct AuditedClaim {
  int line = 0;
  std::string claim_id;
  std::string hospital;
  std::string submitted_group, corrected_group;
  double submitted_cost_yuan = 0, corrected_cost_yuan = 0;
  std::optional<double> patient_share_yuan;  ///< the same on both sides when given
  double los_days = 0;
  std::string violation;  ///< as given, or inferred
};

/// The re-settlement of one claim.
struct AuditResult {
  AuditedClaim claim;
  Settlement submitted, corrected;
  double loss_yuan() const { return submitted.fund_payment_yuan - corrected.fund_payment_yuan; }
};

/// Reads a claims file (columns: claim_id, hospital, submitted_group, submitted_cost_yuan, corrected_group,
/// corrected_cost_yuan; optional patient_share_yuan, los_days, violation), every problem with file:line.
std::vector<AuditedClaim> read_audit_file(const std::string& path, const ScenarioConfig& scenario,
                                          config::ErrorList& errors);

/// The violation a correction reveals when the file does not name it: deliberate_ambiguity (QY submitted),
/// upcoding_secondary_diagnosis (same ADRG, a more severe digit), upcoding_main_diagnosis (another ADRG of higher
/// weight), downcoding_into_high_multiple (lower weight, paid as a high-multiple case), violating_charges (same
/// group, a higher bill), or other.
std::string infer_violation(const AuditedClaim& claim, const ScenarioConfig& scenario, const Settlement& submitted);

/// Settles both sides under `method` and computes the loss of every claim.
std::vector<AuditResult> audit_claims(const std::vector<AuditedClaim>& claims, const ScenarioConfig& scenario,
                                      PaymentMethod method);

/// claim_id, violation, settlement types, fund payments of both sides and the loss, to the fen.
std::string audit_csv(const std::vector<AuditResult>& results);

}  // namespace reformsim::agents
