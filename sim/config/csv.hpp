#pragma once
// Strict CSV data tables (case catalogues, case files): a header line, RFC 4180 quoting, '#' comment lines, and
// every problem reported as file:line with the column name.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/config/errors.hpp"

namespace reformsim::config {

/// One data row and the file line it came from.
struct CsvRow {
  int line = 0;
  std::vector<std::string> cells;
};

/// A parsed CSV file.
class CsvTable {
 public:
  /// Reads a file; a missing file or malformed rows are reported in `errors`.
  static CsvTable read(const std::string& path, ErrorList& errors);
  /// Parses CSV text.
  static CsvTable parse(const std::string& text, const std::string& file_name, ErrorList& errors);
  const std::string& file() const { return file_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<CsvRow>& rows() const { return rows_; }
  /// Index of a header column.
  std::optional<std::size_t> column(std::string_view name) const;
  /// A numeric cell; on failure reports "file:line: column 'x': expected a number, got 'abc'".
  std::optional<double> real(const CsvRow& row, std::string_view column, ErrorList& errors) const;
  std::optional<std::int64_t> integer(const CsvRow& row, std::string_view column, ErrorList& errors) const;
  /// The cell text, or nullptr when the column does not exist.
  const std::string* text(const CsvRow& row, std::string_view column) const;
  /// Reports each missing header column (at line 1).
  void require_columns(const std::vector<std::string>& names, ErrorList& errors) const;

 private:
  std::string file_;
  int header_line_ = 1;
  std::vector<std::string> header_;
  std::vector<CsvRow> rows_;
};

}  // namespace reformsim::config
