#include "sim/config/csv.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace reformsim::config {

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// Splits one logical record starting at `pos`; quoted fields may span lines (counted in `lines`).
std::vector<std::string> split_record(const std::string& text, std::size_t& pos, int& lines, bool& bad_quote) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false, was_quoted = false;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (quoted) {
      if (c == '"') {
        if (pos < text.size() && text[pos] == '"') {
          cell += '"';
          ++pos;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++lines;
        cell += c;
      }
    } else if (c == '"' && trim(cell).empty()) {
      quoted = was_quoted = true;
      cell.clear();
    } else if (c == ',') {
      cells.push_back(was_quoted ? cell : trim(cell));
      cell.clear();
      was_quoted = false;
    } else if (c == '\n') {
      ++lines;
      break;
    } else {
      cell += c;
    }
  }
  if (quoted) bad_quote = true;
  cells.push_back(was_quoted ? cell : trim(cell));
  return cells;
}

}  // namespace

CsvTable CsvTable::read(const std::string& path, ErrorList& errors) {
  std::ifstream in(path);
  if (!in) {
    errors.add({path, 0, 0}, "", "cannot open file '" + path + "'");
    CsvTable t;
    t.file_ = path;
    return t;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path, errors);
}

CsvTable CsvTable::parse(const std::string& text, const std::string& file_name, ErrorList& errors) {
  CsvTable t;
  t.file_ = file_name;
  std::size_t pos = 0;
  int line = 1;
  bool have_header = false;
  while (pos < text.size()) {
    const int start_line = line;
    // Comment and blank lines.
    const std::size_t eol = text.find('\n', pos);
    const std::string raw = trim(text.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos));
    if (raw.empty() || raw[0] == '#') {
      pos = eol == std::string::npos ? text.size() : eol + 1;
      ++line;
      continue;
    }
    bool bad_quote = false;
    int consumed = 0;
    std::vector<std::string> cells = split_record(text, pos, consumed, bad_quote);
    line += consumed == 0 ? 1 : consumed;
    if (bad_quote) {
      errors.add({file_name, start_line, 0}, "", "unterminated quoted field");
      break;
    }
    if (!have_header) {
      t.header_ = std::move(cells);
      t.header_line_ = start_line;
      have_header = true;
      continue;
    }
    if (cells.size() != t.header_.size()) {
      errors.add({file_name, start_line, 0}, "",
                 "expected " + std::to_string(t.header_.size()) + " columns, got " + std::to_string(cells.size()));
      continue;
    }
    t.rows_.push_back({start_line, std::move(cells)});
  }
  if (!have_header) errors.add({file_name, 0, 0}, "", "the file has no header line");
  return t;
}

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return i;
  }
  return std::nullopt;
}

const std::string* CsvTable::text(const CsvRow& row, std::string_view name) const {
  const auto c = column(name);
  return c ? &row.cells[*c] : nullptr;
}

std::optional<double> CsvTable::real(const CsvRow& row, std::string_view name, ErrorList& errors) const {
  const std::string* t = text(row, name);
  if (!t) return std::nullopt;
  double v = 0;
  const char* begin = t->data() + (!t->empty() && (*t)[0] == '+' ? 1 : 0);
  auto [end, ec] = std::from_chars(begin, t->data() + t->size(), v);
  if (t->empty() || ec != std::errc() || end != t->data() + t->size() || !std::isfinite(v)) {
    errors.add({file_, row.line, 0}, "", "column '" + std::string(name) + "': expected a number, got '" + *t + "'");
    return std::nullopt;
  }
  return v;
}

std::optional<std::int64_t> CsvTable::integer(const CsvRow& row, std::string_view name, ErrorList& errors) const {
  const std::string* t = text(row, name);
  if (!t) return std::nullopt;
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(t->data(), t->data() + t->size(), v);
  if (t->empty() || ec != std::errc() || end != t->data() + t->size()) {
    errors.add({file_, row.line, 0}, "", "column '" + std::string(name) + "': expected an integer, got '" + *t + "'");
    return std::nullopt;
  }
  return v;
}

void CsvTable::require_columns(const std::vector<std::string>& names, ErrorList& errors) const {
  for (const std::string& n : names) {
    if (!column(n)) errors.add({file_, header_line_, 0}, "", "missing column '" + n + "'");
  }
}

}  // namespace reformsim::config
