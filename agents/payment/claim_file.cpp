#include "agents/payment/claim_file.hpp"

#include <charconv>
#include <cmath>
#include <set>

#include "agents/behaviour/violation.hpp"
#include "agents/payer/benefit_rules.hpp"
#include "sim/config/csv.hpp"

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

// The cell of an optional column, or nullptr when the column is absent or the cell empty.
const std::string* optional_cell(const config::CsvTable& table, const config::CsvRow& row, const char* column) {
  const std::string* t = table.text(row, column);
  return t && !t->empty() ? t : nullptr;
}

// A bill, share or stay of a claim: at least 0 and at most what any real inpatient claim reaches, so that every
// sum stays exact in fen.
constexpr config::CellRange kClaimYuan{0, false, 1e8};
constexpr config::CellRange kStayDays{0, false, 3650};

std::optional<double> amount(const config::CsvTable& table, const config::CsvRow& row, const std::string& column,
                             const config::CellRange& range, config::ErrorList& errors) {
  return table.real_within(row, column, range, errors);
}

bool known_violation(const std::string& name) { return name == "other" || violation_from_name(name).has_value(); }

std::vector<ClaimRow> claims_from_table(const config::CsvTable& table, const ScenarioConfig& scenario,
                                        const ClaimFileLayout& layout, config::ErrorList& errors);

}  // namespace

std::vector<ClaimRow> read_claim_file(const std::string& path, const ScenarioConfig& scenario,
                                      const ClaimFileLayout& layout, config::ErrorList& errors) {
  const std::size_t before = errors.size();
  const config::CsvTable table = config::CsvTable::read(path, errors);
  if (errors.size() > before || !table.has_header()) return {};
  return claims_from_table(table, scenario, layout, errors);
}

std::vector<ClaimRow> parse_claim_file(const std::string& text, const std::string& file_name,
                                       const ScenarioConfig& scenario, const ClaimFileLayout& layout,
                                       config::ErrorList& errors) {
  const std::size_t before = errors.size();
  const config::CsvTable table = config::CsvTable::parse(text, file_name, errors);
  if (errors.size() > before || !table.has_header()) return {};
  return claims_from_table(table, scenario, layout, errors);
}

namespace {

std::vector<ClaimRow> claims_from_table(const config::CsvTable& table, const ScenarioConfig& scenario,
                                        const ClaimFileLayout& layout, config::ErrorList& errors) {
  const std::size_t before = errors.size();
  std::vector<std::string> required = {layout.id_column, "hospital"};
  for (const ClaimFileLayout::Side& side : layout.sides) {
    required.push_back(side.group_column);
    required.push_back(side.cost_column);
  }
  std::vector<std::string> known = required;
  for (const char* optional : {"patient_share_yuan", "los_days", "scheme"}) known.emplace_back(optional);
  if (layout.violation_column) known.emplace_back("violation");
  table.require_columns(required, errors);
  table.allow_only_columns(known, errors);
  if (errors.size() > before) return {};

  std::vector<ClaimRow> rows;
  std::set<std::string> ids;
  for (const config::CsvRow& r : table.rows()) {
    const config::SourceLocation where{table.file(), r.line, 0};
    ClaimRow row;
    row.line = r.line;
    row.id = *table.text(r, layout.id_column);
    if (row.id.empty()) {
      errors.add(where, "", "column '" + layout.id_column + "': empty");
    } else if (!ids.insert(row.id).second) {
      errors.add(where, "", "duplicate " + layout.id_column + " '" + row.id + "'");
    }
    row.hospital = *table.text(r, "hospital");
    if (const auto h = find_hospital(scenario, row.hospital)) {
      row.hospital_id = *h;
    } else {
      errors.add(where, "", "column 'hospital': no hospital named '" + row.hospital + "' in the scenario");
    }
    for (const ClaimFileLayout::Side& side : layout.sides) {
      ClaimRow::Side s;
      s.group = *table.text(r, side.group_column);
      if (const auto g = scenario.catalogue->find(s.group)) {
        s.group_id = *g;
      } else {
        errors.add(where, "", "column '" + side.group_column + "': group '" + s.group + "' is not in the catalogue");
      }
      s.cost_yuan = amount(table, r, side.cost_column, kClaimYuan, errors).value_or(0);
      row.sides.push_back(std::move(s));
    }
    if (optional_cell(table, r, "patient_share_yuan")) {
      row.patient_share_yuan = amount(table, r, "patient_share_yuan", kClaimYuan, errors);
      for (std::size_t i = 0; row.patient_share_yuan && i < row.sides.size(); ++i) {
        if (*row.patient_share_yuan > row.sides[i].cost_yuan) {
          errors.add(where, "",
                     "column 'patient_share_yuan': must not exceed " + layout.sides[i].cost_column + " (" +
                         std::to_string(row.sides[i].cost_yuan) + ")");
        }
      }
    }
    if (optional_cell(table, r, "los_days")) row.los_days = amount(table, r, "los_days", kStayDays, errors).value_or(0);
    if (const std::string* scheme = optional_cell(table, r, "scheme")) {
      if (*scheme == "employee") {
        row.scheme = Scheme::Employee;
      } else if (*scheme == "resident") {
        row.scheme = Scheme::Resident;
      } else {
        errors.add(where, "", "column 'scheme': expected 'employee' or 'resident', got '" + *scheme + "'");
      }
    }
    if (const std::string* v = layout.violation_column ? optional_cell(table, r, "violation") : nullptr) {
      row.violation = *v;
      if (!known_violation(*v)) {
        errors.add(where, "", "column 'violation': '" + *v + "' is not a violation type (see reformsim audit --help)");
      }
    }
    rows.push_back(std::move(row));
  }
  if (errors.size() > before) return {};
  return rows;
}

}  // namespace

Claim claim_of(const ClaimRow& row, std::size_t side, const ScenarioConfig& scenario) {
  const HospitalConfig& h = scenario.hospitals[row.hospital_id];
  const ClaimRow::Side& s = row.sides[side];
  Claim claim;
  claim.group = s.group_id;
  claim.tier = h.tier;
  claim.total_cost_yuan = s.cost_yuan;
  claim.patient_share_yuan =
      row.patient_share_yuan
          ? *row.patient_share_yuan
          : inpatient_share(scenario.benefits, row.scheme, h.tier, s.cost_yuan, {}).patient_share_yuan;
  claim.los_days = row.los_days;
  claim.special_case_allowed = true;
  return claim;
}

void check_claims_for(const PaymentRule& rule, const std::vector<ClaimRow>& rows, const std::string& path,
                      const ScenarioConfig& scenario, config::ErrorList& errors) {
  for (const ClaimRow& row : rows) {
    for (std::size_t side = 0; side < row.sides.size(); ++side) {
      const std::string problem = rule.claim_problem(claim_of(row, side, scenario));
      if (problem.empty()) continue;
      errors.add({path, row.line, 0}, "", "group " + row.sides[side].group + ": " + problem);
      break;
    }
  }
}

}  // namespace reformsim::agents
