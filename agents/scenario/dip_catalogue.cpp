#include "agents/scenario/dip_catalogue.hpp"

#include <cmath>
#include <limits>
#include <unordered_map>

namespace reformsim::agents {

namespace {
constexpr std::size_t kUnmapped = std::numeric_limits<std::size_t>::max();
// Upper bounds that keep every payment finite and exact in fen; no real DIP group comes near them.
constexpr config::CellRange kScore{0, true, 1e6};
constexpr config::CellRange kCaseYuan{0, true, 1e8};
constexpr config::CellRange kCoefficient{0, true, 100};
}  // namespace

std::optional<std::size_t> DipCatalogue::find(const std::string& code) const {
  auto it = by_code_.find(code);
  if (it == by_code_.end()) return std::nullopt;
  return it->second;
}

DipCatalogue DipCatalogue::load(const std::string& path, const CaseCatalogue& cases, config::ErrorList& errors) {
  return from_table(config::CsvTable::read(path, errors), cases, errors);
}

DipCatalogue DipCatalogue::parse(const std::string& text, const std::string& file_name, const CaseCatalogue& cases,
                                 config::ErrorList& errors) {
  return from_table(config::CsvTable::parse(text, file_name, errors), cases, errors);
}

DipCatalogue DipCatalogue::from_table(const config::CsvTable& table, const CaseCatalogue& cases,
                                      config::ErrorList& errors) {
  DipCatalogue c;
  c.source_ = table.file();
  c.by_case_group_.assign(cases.size(), kUnmapped);
  const std::size_t before = errors.size();
  if (!table.has_header()) return c;
  table.require_columns({"code", "case_group", "score", "mean_cost_yuan"}, errors);
  table.allow_only_columns({"code", "case_group", "name", "score", "mean_cost_yuan", "coefficient", "basic"}, errors);
  if (errors.size() > before) return c;
  auto where = [&](const config::CsvRow& row) { return config::SourceLocation{table.file(), row.line, 0}; };
  auto text = [&](const config::CsvRow& row, const char* column) {
    const std::string* t = table.text(row, column);
    return t ? *t : std::string();
  };
  auto positive = [&](const config::CsvRow& row, const char* column, const config::CellRange& range, double fallback) {
    if (!table.column(column) || text(row, column).empty()) return fallback;
    return table.real_within(row, column, range, errors).value_or(fallback);
  };
  // Every code's first line, also for rows rejected for another reason: `by_code_` indexes accepted groups only.
  std::unordered_map<std::string, int> first_line_of_code;
  for (const config::CsvRow& row : table.rows()) {
    DipGroup g;
    g.source_line = row.line;
    g.code = text(row, "code");
    g.case_group = text(row, "case_group");
    g.name = text(row, "name");
    g.score = positive(row, "score", kScore, 1.0);
    g.mean_cost_yuan = positive(row, "mean_cost_yuan", kCaseYuan, 1.0);
    g.coefficient = positive(row, "coefficient", kCoefficient, 1.0);
    const std::string basic = text(row, "basic");
    g.basic = basic == "1" || basic == "true";
    if (!(basic.empty() || basic == "0" || basic == "1" || basic == "true" || basic == "false")) {
      errors.add(where(row), "", "column 'basic': expected 0 or 1, got '" + basic + "'");
    }
    if (g.code.empty()) {
      errors.add(where(row), "", "column 'code': empty DIP group code");
      continue;
    }
    if (auto [first, inserted] = first_line_of_code.emplace(g.code, row.line); !inserted) {
      errors.add(where(row), "",
                 "duplicate DIP group code '" + g.code + "' (first at line " + std::to_string(first->second) + ")");
      continue;
    }
    const std::optional<std::size_t> case_group = cases.find(g.case_group);
    if (!case_group) {
      errors.add(where(row), "", "column 'case_group': group '" + g.case_group + "' is not in the case catalogue");
      continue;
    }
    if (c.by_case_group_[*case_group] != kUnmapped) {
      errors.add(where(row), "",
                 "case group '" + g.case_group + "' is already mapped by DIP group '" +
                     c.groups_[c.by_case_group_[*case_group]].code + "'");
      continue;
    }
    c.by_case_group_[*case_group] = c.groups_.size();
    c.by_code_.emplace(g.code, c.groups_.size());
    c.groups_.push_back(std::move(g));
  }
  // One message for all unmapped groups: a missing block of rows should not bury the other errors.
  std::vector<std::string> unmapped;
  for (std::size_t k = 0; k < cases.size(); ++k) {
    if (c.by_case_group_[k] == kUnmapped) unmapped.push_back(cases.group(k).code);
  }
  if (!unmapped.empty()) {
    std::string list;
    for (std::size_t i = 0; i < unmapped.size() && i < 5; ++i) list += (i ? ", " : "") + unmapped[i];
    if (unmapped.size() > 5) list += ", ...";
    errors.add({table.file(), 0, 0}, "", std::to_string(unmapped.size()) + " case group(s) have no DIP group: " + list);
  }
  return c;
}

}  // namespace reformsim::agents
