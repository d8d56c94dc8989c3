#pragma once
// Fund loss by re-settlement: a case as submitted and as corrected are settled by the same rules; the loss is fund
// payment(submitted) − fund payment(corrected), with the same patient share on both sides. Used by `reformsim
// audit`.
#include <string>
#include <vector>

#include "agents/payment/claim_file.hpp"
#include "agents/payment/payment_rule.hpp"
#include "agents/scenario/scenario_config.hpp"

namespace reformsim::agents {

/// The layout of an audit file: claim_id, hospital, submitted_group, submitted_cost_yuan, corrected_group,
/// corrected_cost_yuan (+ patient_share_yuan, los_days, scheme, violation).
const ClaimFileLayout& audit_file_layout();

/// The re-settlement of one claim.
struct AuditResult {
  ClaimRow claim;
  std::string violation;  ///< as given, or inferred
  Settlement submitted, corrected;
  double loss_yuan() const { return submitted.fund_payment_yuan - corrected.fund_payment_yuan; }
};

/// The violation a correction reveals when the file does not name it: deliberate_ambiguity (QY submitted),
/// upcoding_secondary_diagnosis (same ADRG, a more severe digit), upcoding_main_diagnosis (another ADRG of higher
/// weight), downcoding_high_multiple (lower weight, paid as a high-multiple case), violating_charges (same group, a
/// higher bill), or other.
std::string infer_violation(const ClaimRow& claim, const ScenarioConfig& scenario, const Settlement& submitted);

/// Settles both sides under `rule` and computes the loss of every claim.
std::vector<AuditResult> audit_claims(const std::vector<ClaimRow>& claims, const ScenarioConfig& scenario,
                                      const PaymentRule& rule);

/// claim_id, violation, settlement types, fund payments of both sides and the loss, to the fen.
std::string audit_csv(const std::vector<AuditResult>& results);

}  // namespace reformsim::agents
