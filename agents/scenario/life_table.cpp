#include "agents/scenario/life_table.hpp"

#include "sim/config/csv.hpp"

namespace reformsim::agents {

namespace {

constexpr config::CellRange kProbability{0, false, 1};

void read_rows(const config::CsvTable& table, config::ErrorList& errors, std::vector<double>& male,
               std::vector<double>& female) {
  const std::size_t before = errors.size();
  table.require_columns({"age", "male_qx", "female_qx"}, errors);
  table.allow_only_columns({"age", "male_qx", "female_qx"}, errors);
  if (errors.size() > before) return;
  for (const config::CsvRow& row : table.rows()) {
    const config::SourceLocation where{table.file(), row.line, 0};
    const std::optional<std::int64_t> age = table.integer(row, "age", errors);
    const std::optional<double> m = table.real_within(row, "male_qx", kProbability, errors);
    const std::optional<double> f = table.real_within(row, "female_qx", kProbability, errors);
    if (!age) continue;
    if (*age != static_cast<std::int64_t>(male.size())) {
      errors.add(where, "",
                 "column 'age': expected age " + std::to_string(male.size()) +
                     " (ages run from 0 in steps of 1), got " + std::to_string(*age));
      return;
    }
    if (male.size() > 150) {
      errors.add(where, "", "column 'age': a life table ends by age 150 (its last row applies to every older age)");
      return;
    }
    male.push_back(m.value_or(0));
    female.push_back(f.value_or(0));
  }
  if (male.empty() && errors.size() == before) errors.add({table.file(), 0, 0}, "", "the life table has no rows");
}

}  // namespace

LifeTable LifeTable::load(const std::string& path, config::ErrorList& errors) {
  LifeTable t;
  const config::CsvTable table = config::CsvTable::read(path, errors);
  t.source_ = path;
  if (!table.has_header()) return t;  // unreadable or empty: its own message says why
  read_rows(table, errors, t.male_qx_, t.female_qx_);
  return t;
}

LifeTable LifeTable::parse(const std::string& text, const std::string& file_name, config::ErrorList& errors) {
  LifeTable t;
  read_rows(config::CsvTable::parse(text, file_name, errors), errors, t.male_qx_, t.female_qx_);
  t.source_ = file_name;
  return t;
}

double LifeTable::life_expectancy_at_birth(bool female) const {
  if (rows() == 0) return 0;
  double alive = 1, years = 0;
  for (int age = 0; age < 1000 && alive > 1e-12; ++age) {
    const double dying = alive * qx(age, female);
    years += (alive - dying) + 0.5 * dying;
    alive -= dying;
  }
  return years;
}

}  // namespace reformsim::agents
