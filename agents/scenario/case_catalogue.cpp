#include "agents/scenario/case_catalogue.hpp"

#include <cctype>
#include <cmath>

namespace reformsim::agents {

int CaseGroup::severity() const {
  if (code.empty() || !std::isdigit(static_cast<unsigned char>(code.back()))) return 0;
  return code.back() - '0';
}

std::optional<std::size_t> CaseCatalogue::find(const std::string& code) const {
  auto it = by_code_.find(code);
  if (it == by_code_.end()) return std::nullopt;
  return it->second;
}

CaseCatalogue CaseCatalogue::load(const std::string& path, config::ErrorList& errors) {
  return from_table(config::CsvTable::read(path, errors), errors);
}

CaseCatalogue CaseCatalogue::parse(const std::string& text, const std::string& file_name, config::ErrorList& errors) {
  return from_table(config::CsvTable::parse(text, file_name, errors), errors);
}

namespace {

constexpr config::CellRange kWeight{0, true, 1000};
constexpr config::CellRange kFrequency{0, false, 1e12};
constexpr config::CellRange kLosDays{0, true, 3650};
constexpr config::CellRange kVariation{0, false, 10};
constexpr config::CellRange kCaseYuan{0, true, 1e8};

}  // namespace

CaseCatalogue CaseCatalogue::from_table(const config::CsvTable& table, config::ErrorList& errors) {
  CaseCatalogue catalogue;
  catalogue.source_ = table.file();
  const std::size_t errors_before = errors.size();
  if (!table.has_header()) return catalogue;
  table.require_columns({"code", "weight", "frequency", "mean_los_days", "los_cv", "mean_cost_yuan", "cost_cv"},
                        errors);
  table.allow_only_columns({"code", "mdc", "adrg", "name", "kind", "weight", "frequency", "mean_los_days", "los_cv",
                            "mean_cost_yuan", "cost_cv", "standard_yuan", "basic"},
                           errors);
  if (errors.size() > errors_before) return catalogue;

  auto where = [&](const config::CsvRow& row) { return config::SourceLocation{table.file(), row.line, 0}; };
  // A numeric cell within its range; missing optional columns fall back to `fallback`. The upper bounds keep every
  // draw and every sum of money finite and exact in fen: no real case group comes near them.
  auto number = [&](const config::CsvRow& row, const char* column, const config::CellRange& range,
                    double fallback) -> double {
    if (!table.column(column)) return fallback;
    return table.real_within(row, column, range, errors).value_or(fallback);
  };
  auto text = [&](const config::CsvRow& row, const char* column) -> std::string {
    const std::string* t = table.text(row, column);
    return t ? *t : std::string();
  };

  for (const config::CsvRow& row : table.rows()) {
    CaseGroup g;
    g.source_line = row.line;
    g.code = text(row, "code");
    if (g.code.empty()) {
      errors.add(where(row), "", "column 'code': empty group code");
      continue;
    }
    g.mdc = text(row, "mdc");
    if (g.mdc.empty()) g.mdc = g.code.substr(0, 1);
    g.adrg = text(row, "adrg");
    if (g.adrg.empty()) g.adrg = g.code.substr(0, std::min<std::size_t>(3, g.code.size()));
    g.name = text(row, "name");
    const std::string kind = text(row, "kind");
    if (kind.empty() || kind == "normal") {
      g.kind = GroupKind::Normal;
    } else if (kind == "qy") {
      g.kind = GroupKind::Qy;
    } else {
      errors.add(where(row), "", "column 'kind': expected 'normal' or 'qy', got '" + kind + "'");
    }
    g.weight = number(row, "weight", kWeight, 1.0);
    g.frequency = number(row, "frequency", kFrequency, 0.0);
    g.mean_los_days = number(row, "mean_los_days", kLosDays, 1.0);
    g.los_cv = number(row, "los_cv", kVariation, 0.0);
    g.mean_cost_yuan = number(row, "mean_cost_yuan", kCaseYuan, 1.0);
    g.cost_cv = number(row, "cost_cv", kVariation, 0.0);
    if (table.column("standard_yuan") && !text(row, "standard_yuan").empty()) {
      g.standard_yuan = number(row, "standard_yuan", kCaseYuan, 0.0);
    }
    const std::string basic = text(row, "basic");
    if (basic == "1" || basic == "true") {
      g.basic = true;
    } else if (!(basic.empty() || basic == "0" || basic == "false")) {
      errors.add(where(row), "", "column 'basic': expected 0 or 1, got '" + basic + "'");
    }
    auto [it, inserted] = catalogue.by_code_.emplace(g.code, catalogue.groups_.size());
    if (!inserted) {
      errors.add(where(row), "",
                 "duplicate group code '" + g.code + "' (first at line " +
                     std::to_string(catalogue.groups_[it->second].source_line) + ")");
      continue;
    }
    catalogue.groups_.push_back(std::move(g));
  }
  if (catalogue.groups_.empty() && errors.size() == errors_before) {
    errors.add({table.file(), 0, 0}, "", "the catalogue has no groups");
  }
  double total_frequency = 0;
  for (const CaseGroup& g : catalogue.groups_) total_frequency += g.frequency;
  if (!catalogue.groups_.empty() && total_frequency <= 0 && errors.size() == errors_before) {
    errors.add({table.file(), 0, 0}, "", "the catalogue's frequencies sum to zero");
  }
  return catalogue;
}

}  // namespace reformsim::agents
