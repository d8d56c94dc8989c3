#include "agents/supervision/claim_audit.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

#include "agents/payer/benefit_rules.hpp"
#include "agents/payment/payment_rule.hpp"
#include "sim/config/csv.hpp"
#include "sim/config/csv_write.hpp"

namespace reformsim::agents {

namespace {

std::optional<std::size_t> find_hospital(const ScenarioConfig& s, const std::string& key) {
  for (std::size_t h = 0; h < s.hospitals.size(); ++h) {
    if (s.hospitals[h].name == key) return h;
  }
  std::size_t index = 0;
  auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), index);
  if (ec == std::errc() && end == key.data() + key.size() && index < s.hospitals.size()) return index;
  return std::nullopt;
}

Claim claim_for(const ScenarioConfig& s, const AuditedClaim& a, const std::string& group, double cost) {
  const HospitalConfig& h = s.hospitals[*find_hospital(s, a.hospital)];
  Claim c;
  c.group = *s.catalogue->find(group);
  c.tier = h.tier;
  c.total_cost_yuan = cost;
  // Without a given share, each side's bill is shared by the benefit rules (first admission of the year).
  c.patient_share_yuan = a.patient_share_yuan
                             ? *a.patient_share_yuan
                             : inpatient_share(s.benefits, Scheme::Employee, h.tier, cost, {}).patient_share_yuan;
  c.los_days = a.los_days;
  return c;
}

}  // namespace

std::vector<AuditedClaim> read_audit_file(const std::string& path, const ScenarioConfig& scenario,
                                          config::ErrorList& errors) {
  const std::size_t before = errors.size();
  const config::CsvTable table = config::CsvTable::read(path, errors);
  if (errors.size() > before) return {};
  table.require_columns(
      {"claim_id", "hospital", "submitted_group", "submitted_cost_yuan", "corrected_group", "corrected_cost_yuan"},
      errors);
  if (errors.size() > before) return {};
  std::vector<AuditedClaim> out;
  std::set<std::string> ids;
  for (const config::CsvRow& row : table.rows()) {
    const config::SourceLocation where{table.file(), row.line, 0};
    AuditedClaim a;
    a.line = row.line;
    a.claim_id = *table.text(row, "claim_id");
    a.hospital = *table.text(row, "hospital");
    a.submitted_group = *table.text(row, "submitted_group");
    a.corrected_group = *table.text(row, "corrected_group");
    if (a.claim_id.empty())
      errors.add(where, "", "column 'claim_id': empty");
    else if (!ids.insert(a.claim_id).second)
      errors.add(where, "", "duplicate claim_id '" + a.claim_id + "'");
    if (!find_hospital(scenario, a.hospital)) {
      errors.add(where, "", "column 'hospital': no hospital named '" + a.hospital + "' in the scenario");
    }
    for (const auto& [column, code] :
         {std::pair<const char*, const std::string*>{"submitted_group", &a.submitted_group},
          {"corrected_group", &a.corrected_group}}) {
      if (!scenario.catalogue->find(*code)) {
        errors.add(where, "", std::string("column '") + column + "': group '" + *code + "' is not in the catalogue");
      }
    }
    for (const auto& [column, value] : {std::pair<const char*, double*>{"submitted_cost_yuan", &a.submitted_cost_yuan},
                                        {"corrected_cost_yuan", &a.corrected_cost_yuan}}) {
      if (auto v = table.real(row, column, errors)) {
        if (*v < 0) errors.add(where, "", std::string("column '") + column + "': must be >= 0");
        *value = *v;
      }
    }
    if (table.column("patient_share_yuan") && !table.text(row, "patient_share_yuan")->empty()) {
      if (auto v = table.real(row, "patient_share_yuan", errors)) {
        if (*v < 0) errors.add(where, "", "column 'patient_share_yuan': must be >= 0");
        a.patient_share_yuan = *v;
      }
    }
    if (table.column("los_days") && !table.text(row, "los_days")->empty()) {
      if (auto v = table.real(row, "los_days", errors)) a.los_days = *v;
    }
    if (table.column("violation")) a.violation = *table.text(row, "violation");
    out.push_back(std::move(a));
  }
  if (errors.size() > before) return {};
  return out;
}

std::string infer_violation(const AuditedClaim& a, const ScenarioConfig& s, const Settlement& submitted) {
  const CaseGroup& sub = s.catalogue->group(*s.catalogue->find(a.submitted_group));
  const CaseGroup& cor = s.catalogue->group(*s.catalogue->find(a.corrected_group));
  if (sub.kind == GroupKind::Qy && cor.kind != GroupKind::Qy) return "deliberate_ambiguity";
  if (sub.code == cor.code) return a.submitted_cost_yuan > a.corrected_cost_yuan ? "violating_charges" : "other";
  if (sub.adrg == cor.adrg && sub.severity() != 0 && cor.severity() != 0 && sub.severity() < cor.severity()) {
    return "upcoding_secondary_diagnosis";
  }
  if (sub.weight > cor.weight) return "upcoding_main_diagnosis";
  if (sub.weight < cor.weight && submitted.type == SettlementType::HighMultiple) return "downcoding_into_high_multiple";
  return "other";
}

std::vector<AuditResult> audit_claims(const std::vector<AuditedClaim>& claims, const ScenarioConfig& scenario,
                                      PaymentMethod method) {
  const auto rule = make_payment_rule(method, scenario);
  std::vector<AuditResult> out;
  for (const AuditedClaim& a : claims) {
    AuditResult r;
    r.claim = a;
    r.submitted = rule->settle(claim_for(scenario, a, a.submitted_group, a.submitted_cost_yuan));
    r.corrected = rule->settle(claim_for(scenario, a, a.corrected_group, a.corrected_cost_yuan));
    if (r.claim.violation.empty()) r.claim.violation = infer_violation(a, scenario, r.submitted);
    out.push_back(std::move(r));
  }
  return out;
}

std::string audit_csv(const std::vector<AuditResult>& results) {
  std::ostringstream out;
  out << "claim_id,violation,submitted_settlement_type,corrected_settlement_type,submitted_fund_yuan,"
         "corrected_fund_yuan,loss_yuan\n";
  for (const AuditResult& r : results) {
    out << config::csv_field(r.claim.claim_id) << ',' << config::csv_field(r.claim.violation) << ','
        << settlement_type_name(r.submitted.type) << ',' << settlement_type_name(r.corrected.type) << ','
        << config::fixed2(r.submitted.fund_payment_yuan) << ',' << config::fixed2(r.corrected.fund_payment_yuan) << ','
        << config::fixed2(r.loss_yuan()) << '\n';
  }
  return out.str();
}

}  // namespace reformsim::agents
