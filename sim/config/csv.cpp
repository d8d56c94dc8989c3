#include "sim/config/csv.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <set>
#include <sstream>
#include <utility>

#include "sim/config/closest_name.hpp"
#include "sim/config/input_file.hpp"
#include "sim/config/scalar_text.hpp"

namespace reformsim::config {

namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && blank(s[b])) ++b;
  while (e > b && blank(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

// Reads CSV records one at a time, counting lines (quoted cells may span lines).
class RecordReader {
 public:
  RecordReader(std::string_view text, std::string file, ErrorList& errors)
      : text_(text), file_(std::move(file)), errors_(errors) {}

  // The next record that is not blank or a comment; false at the end. `ok` is false for a malformed record
  // (already reported); `line` is where the record starts.
  bool next(std::vector<std::string>& cells, int& line, bool& ok) {
    while (pos_ < text_.size()) {
      const std::size_t eol = std::min(text_.find('\n', pos_), text_.size());
      const std::string physical = trim(text_.substr(pos_, eol - pos_));
      if (physical.empty() || physical[0] == '#') {
        pos_ = eol + 1;
        ++line_;
        continue;
      }
      line = line_;
      ok = record(cells);
      return true;
    }
    return false;
  }

 private:
  bool record(std::vector<std::string>& cells) {
    cells.clear();
    const int start = line_;
    while (true) {
      std::string cell;
      while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        ++pos_;
        bool closed = false;
        while (pos_ < text_.size()) {
          const char c = text_[pos_++];
          if (c == '"') {
            if (pos_ < text_.size() && text_[pos_] == '"') {
              cell += '"';
              ++pos_;
              continue;
            }
            closed = true;
            break;
          }
          if (c == '\n') ++line_;
          cell += c;
        }
        if (!closed) {
          errors_.add({file_, start, 0}, "", "unterminated quoted cell");
          return false;
        }
        while (pos_ < text_.size() && blank(text_[pos_])) ++pos_;
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') {
          errors_.add({file_, line_, 0}, "", "unexpected text after a closing quote");
          skip_line();
          return false;
        }
      } else {
        const std::size_t end = std::min(text_.find_first_of(",\n", pos_), text_.size());
        cell = trim(text_.substr(pos_, end - pos_));
        if (cell.find('"') != std::string::npos) {
          errors_.add({file_, line_, 0}, "", "a quote inside an unquoted cell (quote the whole cell and double it)");
          skip_line();
          return false;
        }
        pos_ = end;
      }
      cells.push_back(std::move(cell));
      if (pos_ >= text_.size()) return true;
      if (text_[pos_++] == '\n') {
        ++line_;
        return true;
      }
    }
  }

  void skip_line() {
    const std::size_t eol = text_.find('\n', pos_);
    pos_ = eol == std::string_view::npos ? text_.size() : eol + 1;
    if (eol != std::string_view::npos) ++line_;
  }

  std::string_view text_;
  std::string file_;
  ErrorList& errors_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

CsvTable CsvTable::read(const std::string& path, ErrorList& errors) {
  std::string problem;
  const std::optional<std::string> text = read_input_file(path, kMaxCsvFileBytes, problem);
  if (!text) {
    errors.add({path, 0, 0}, "", problem);
    CsvTable t;
    t.file_ = path;
    return t;
  }
  return parse(*text, path, errors);
}

CsvTable CsvTable::parse(const std::string& text, const std::string& file_name, ErrorList& errors) {
  CsvTable t;
  t.file_ = file_name;
  std::string_view content(text);
  // Spreadsheet software writes a UTF-8 byte-order mark before the header; it is not part of the first name.
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  if (const std::size_t nul = content.find('\0'); nul != std::string_view::npos) {
    const int line = 1 + static_cast<int>(std::count(content.begin(), content.begin() + nul, '\n'));
    errors.add({file_name, line, 0}, "", "the file contains a NUL byte: it is not a CSV text file");
    return t;
  }
  RecordReader reader(content, file_name, errors);
  std::vector<std::string> cells;
  int line = 0;
  bool ok = true;
  bool have_header = false;
  while (reader.next(cells, line, ok)) {
    if (!ok) continue;
    if (!have_header) {
      have_header = true;
      t.header_line_ = line;
      std::set<std::string> seen;
      for (const std::string& name : cells) {
        if (name.empty()) errors.add({file_name, line, 0}, "", "empty column name in the header");
        if (!name.empty() && !seen.insert(name).second) {
          errors.add({file_name, line, 0}, "", "duplicate column '" + name + "'");
        }
      }
      t.header_ = cells;
      t.has_header_ = true;
      continue;
    }
    if (cells.size() != t.header_.size()) {
      errors.add({file_name, line, 0}, "",
                 "expected " + std::to_string(t.header_.size()) + " columns, got " + std::to_string(cells.size()));
      continue;
    }
    t.rows_.push_back({line, cells});
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
  return c && *c < row.cells.size() ? &row.cells[*c] : nullptr;
}

std::optional<double> CsvTable::real(const CsvRow& row, std::string_view name, ErrorList& errors) const {
  const std::string* t = text(row, name);
  if (!t) {
    errors.add({file_, row.line, 0}, "", "no column '" + std::string(name) + "'");
    return std::nullopt;
  }
  const std::optional<double> v = parse_real(*t);
  if (!v)
    errors.add({file_, row.line, 0}, "", "column '" + std::string(name) + "': expected a number, got '" + *t + "'");
  return v;
}

std::string CellRange::text() const {
  auto number = [](double v) {
    std::ostringstream out;
    if (v == std::floor(v) && std::fabs(v) < 1e15) {
      out << std::fixed << std::setprecision(0) << v;  // 100000000, not 1e+08
    } else {
      out << v;
    }
    return out.str();
  };
  std::string text(min_exclusive ? "(" : "[");
  text.append(number(min)).append(", ").append(number(max)).append("]");
  return text;
}

std::optional<double> CsvTable::real_within(const CsvRow& row, std::string_view name, const CellRange& range,
                                            ErrorList& errors) const {
  const std::optional<double> v = real(row, name, errors);
  if (!v) return std::nullopt;
  const bool above_min = range.min_exclusive ? *v > range.min : *v >= range.min;
  if (above_min && *v <= range.max) return v;
  errors.add({file_, row.line, 0}, "",
             "column '" + std::string(name) + "': must be in " + range.text() + ", got '" + *text(row, name) + "'");
  return std::nullopt;
}

std::optional<std::int64_t> CsvTable::integer(const CsvRow& row, std::string_view name, ErrorList& errors) const {
  const std::string* t = text(row, name);
  if (!t) {
    errors.add({file_, row.line, 0}, "", "no column '" + std::string(name) + "'");
    return std::nullopt;
  }
  const std::optional<std::int64_t> v = parse_int(*t);
  if (!v) {
    errors.add({file_, row.line, 0}, "", "column '" + std::string(name) + "': expected an integer, got '" + *t + "'");
  }
  return v;
}

void CsvTable::require_columns(const std::vector<std::string>& names, ErrorList& errors) const {
  if (!has_header_) return;  // the file could not be read, or is empty: already reported
  for (const std::string& n : names) {
    if (!column(n)) errors.add({file_, header_line_, 0}, "", "missing column '" + n + "'");
  }
}

void CsvTable::allow_only_columns(const std::vector<std::string>& known, ErrorList& errors) const {
  if (!has_header_) return;
  for (const std::string& name : header_) {
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    const std::string hint = closest_name(name, known);
    errors.add({file_, header_line_, 0}, "",
               "unknown column '" + name + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
  }
}

}  // namespace reformsim::config
