#include "agents/supervision/claim_audit.hpp"

#include <sstream>

#include "agents/behaviour/violation.hpp"
#include "sim/config/csv_write.hpp"

namespace reformsim::agents {

namespace {

constexpr std::size_t kSubmitted = 0, kCorrected = 1;

std::string name_of(Violation v) { return std::string(violation_name(v)); }

}  // namespace

const ClaimFileLayout& audit_file_layout() {
  static const ClaimFileLayout layout{
      "claim_id", {{"submitted_group", "submitted_cost_yuan"}, {"corrected_group", "corrected_cost_yuan"}}, true};
  return layout;
}

std::string infer_violation(const ClaimRow& a, const ScenarioConfig& s, const Settlement& submitted) {
  const CaseGroup& sub = s.catalogue->group(a.sides[kSubmitted].group_id);
  const CaseGroup& cor = s.catalogue->group(a.sides[kCorrected].group_id);
  if (sub.kind == GroupKind::Qy && cor.kind != GroupKind::Qy) return name_of(Violation::DeliberateAmbiguity);
  if (sub.code == cor.code) {
    return a.sides[kSubmitted].cost_yuan > a.sides[kCorrected].cost_yuan ? name_of(Violation::ViolatingCharges)
                                                                         : "other";
  }
  if (sub.adrg == cor.adrg && sub.severity() != 0 && cor.severity() != 0 && sub.severity() < cor.severity()) {
    return name_of(Violation::UpcodingSecondaryDiagnosis);
  }
  if (sub.weight > cor.weight) return name_of(Violation::UpcodingMainDiagnosis);
  if (sub.weight < cor.weight && submitted.type == SettlementType::HighMultiple) {
    return name_of(Violation::DowncodingHighMultiple);
  }
  return "other";
}

std::vector<AuditResult> audit_claims(const std::vector<ClaimRow>& claims, const ScenarioConfig& scenario,
                                      const PaymentRule& rule) {
  std::vector<AuditResult> out;
  for (const ClaimRow& a : claims) {
    AuditResult r;
    r.claim = a;
    r.submitted = rule.settle(claim_of(a, kSubmitted, scenario));
    r.corrected = rule.settle(claim_of(a, kCorrected, scenario));
    r.violation = a.violation.empty() ? infer_violation(a, scenario, r.submitted) : a.violation;
    out.push_back(std::move(r));
  }
  return out;
}

std::string audit_csv(const std::vector<AuditResult>& results) {
  std::ostringstream out;
  out << "claim_id,violation,submitted_settlement_type,corrected_settlement_type,submitted_fund_yuan,"
         "corrected_fund_yuan,loss_yuan\n";
  for (const AuditResult& r : results) {
    out << config::csv_field(r.claim.id) << ',' << config::csv_field(r.violation) << ','
        << settlement_type_name(r.submitted.type) << ',' << settlement_type_name(r.corrected.type) << ','
        << config::fixed2(r.submitted.fund_payment_yuan) << ',' << config::fixed2(r.corrected.fund_payment_yuan) << ','
        << config::fixed2(r.loss_yuan()) << '\n';
  }
  return out.str();
}

}  // namespace reformsim::agents
