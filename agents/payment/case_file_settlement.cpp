#include "agents/payment/case_file_settlement.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

#include "agents/payer/benefit_rules.hpp"
#include "agents/payment/dip_rule.hpp"
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

// The claim of an input case; without a given patient share the benefit rules compute it (first admission of the year).
Claim claim_of(const InputCase& c, const ScenarioConfig& scenario) {
  const HospitalConfig& h = scenario.hospitals[*find_hospital(scenario, c.hospital)];
  Claim claim;
  claim.group = *scenario.catalogue->find(c.group);
  claim.tier = h.tier;
  claim.total_cost_yuan = c.total_cost_yuan;
  claim.patient_share_yuan =
      c.patient_share_yuan
          ? *c.patient_share_yuan
          : inpatient_share(scenario.benefits, c.scheme, h.tier, c.total_cost_yuan, {}).patient_share_yuan;
  claim.los_days = c.los_days;
  claim.special_case_allowed = true;  // a case file has no yearly quota: every qualifying case is reviewed
  return claim;
}

}  // namespace

std::vector<InputCase> read_case_file(const std::string& path, const ScenarioConfig& scenario,
                                      config::ErrorList& errors) {
  const std::size_t before = errors.size();
  const config::CsvTable table = config::CsvTable::read(path, errors);
  if (errors.size() > before) return {};
  table.require_columns({"case_id", "hospital", "group", "total_cost_yuan"}, errors);
  if (errors.size() > before) return {};
  std::vector<InputCase> cases;
  std::set<std::string> ids;
  for (const config::CsvRow& row : table.rows()) {
    const config::SourceLocation where{table.file(), row.line, 0};
    InputCase c;
    c.line = row.line;
    c.case_id = *table.text(row, "case_id");
    c.hospital = *table.text(row, "hospital");
    c.group = *table.text(row, "group");
    if (c.case_id.empty())
      errors.add(where, "", "column 'case_id': empty");
    else if (!ids.insert(c.case_id).second)
      errors.add(where, "", "duplicate case_id '" + c.case_id + "'");
    const auto hospital = find_hospital(scenario, c.hospital);
    if (!hospital) errors.add(where, "", "column 'hospital': no hospital named '" + c.hospital + "' in the scenario");
    if (!scenario.catalogue->find(c.group)) {
      errors.add(where, "", "column 'group': group '" + c.group + "' is not in the catalogue");
    }
    if (auto v = table.real(row, "total_cost_yuan", errors)) {
      if (!std::isfinite(*v) || *v < 0) errors.add(where, "", "column 'total_cost_yuan': must be >= 0");
      c.total_cost_yuan = *v;
    }
    if (table.column("patient_share_yuan") && !table.text(row, "patient_share_yuan")->empty()) {
      if (auto v = table.real(row, "patient_share_yuan", errors)) {
        if (!std::isfinite(*v) || *v < 0 || *v > c.total_cost_yuan) {
          errors.add(where, "", "column 'patient_share_yuan': must be between 0 and total_cost_yuan");
        }
        c.patient_share_yuan = *v;
      }
    }
    if (table.column("los_days") && !table.text(row, "los_days")->empty()) {
      if (auto v = table.real(row, "los_days", errors)) {
        if (!std::isfinite(*v) || *v < 0) errors.add(where, "", "column 'los_days': must be >= 0");
        c.los_days = *v;
      }
    }
    if (table.column("scheme") && !table.text(row, "scheme")->empty()) {
      const std::string& scheme = *table.text(row, "scheme");
      if (scheme == "employee")
        c.scheme = Scheme::Employee;
      else if (scheme == "resident")
        c.scheme = Scheme::Resident;
      else
        errors.add(where, "", "column 'scheme': expected 'employee' or 'resident', got '" + scheme + "'");
    }
    cases.push_back(std::move(c));
  }
  if (errors.size() > before) return {};
  return cases;
}

std::vector<SettledCase> settle_cases(const std::vector<InputCase>& cases, const ScenarioConfig& scenario,
                                      PaymentMethod method) {
  if (method == PaymentMethod::Dip) return settle_cases_dip(cases, scenario, {});
  const auto rule = make_payment_rule(method, scenario);
  std::vector<SettledCase> out;
  for (const InputCase& c : cases) out.push_back({c, rule->settle(claim_of(c, scenario))});
  return out;
}

std::vector<SettledCase> settle_cases_dip(const std::vector<InputCase>& cases, const ScenarioConfig& scenario,
                                          const DipValuation& valuation) {
  const DipConfig& dip = scenario.payment.dip;
  if (!dip.catalogue) throw std::invalid_argument("the scenario sets no payment.dip.catalogue");
  double point_value = dip.provisional_point_value_yuan;
  if (valuation.point_value_yuan) {
    point_value = *valuation.point_value_yuan;
  } else if (valuation.total_points || valuation.clear_with_file_points) {
    if (!dip.annual_budget_yuan) throw std::invalid_argument("clearing needs payment.dip.annual_budget_yuan");
    double total = valuation.total_points.value_or(0.0);
    if (!valuation.total_points) {
      const DipRule provisional(dip);
      for (const InputCase& c : cases) {
        const std::size_t group = *scenario.catalogue->find(c.group);
        const int tier = scenario.hospitals[*find_hospital(scenario, c.hospital)].tier;
        total += provisional.points(group, c.total_cost_yuan) * provisional.coefficient(group, tier);
      }
    }
    if (!(total > 0)) throw std::invalid_argument("the year's total points must be > 0");
    point_value = dip_point_value(*dip.annual_budget_yuan, dip.reserve_share, total);
  }
  const DipRule rule(dip, point_value);
  std::vector<SettledCase> out;
  for (const InputCase& c : cases) out.push_back({c, rule.settle(claim_of(c, scenario))});
  return out;
}

std::string settled_cases_csv(const std::vector<SettledCase>& cases, bool dip_columns) {
  std::ostringstream out;
  out << "case_id,hospital,group,total_cost_yuan,los_days,settlement_type,standard_yuan,settlement_yuan,"
         "fund_payment_yuan,patient_share_yuan"
      << (dip_columns ? ",points,coefficient,point_value_yuan\n" : "\n");
  for (const SettledCase& c : cases) {
    std::ostringstream los;
    los << c.input.los_days;
    out << config::csv_field(c.input.case_id) << ',' << config::csv_field(c.input.hospital) << ','
        << config::csv_field(c.input.group) << ',' << config::fixed2(c.input.total_cost_yuan) << ',' << los.str() << ','
        << settlement_type_name(c.settlement.type) << ',' << config::fixed2(c.settlement.standard_yuan) << ','
        << config::fixed2(c.settlement.settlement_yuan) << ',' << config::fixed2(c.settlement.fund_payment_yuan) << ','
        << config::fixed2(c.settlement.patient_share_yuan);
    if (dip_columns) {
      char buffer[96];
      std::snprintf(buffer, sizeof buffer, ",%.4f,%.4f,%.6f", c.settlement.points, c.settlement.coefficient,
                    c.settlement.point_value_yuan);
      out << buffer;
    }
    out << '\n';
  }
  return out.str();
}

}  // namespace reformsim::agents
