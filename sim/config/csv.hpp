#pragma once
// Strict CSV data tables (case catalogues, case files): a header line, RFC 4180 quoting, '#' comment lines and blank
// lines skipped, and every problem reported as file:line with the column name.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/config/errors.hpp"

namespace reformsim::config {

/// One data row and the file line it starts on.
struct CsvRow {
  /// 1-based line of the row's first character.
  int line = 0;
  /// One cell per header column; unquoted cells are trimmed of surrounding blanks, quoted cells are kept as is.
  std::vector<std::string> cells;
};

/// The bounds a numeric cell must lie in: [min, max], or (min, max] when `min_exclusive`.
struct CellRange {
  double min = 0;
  bool min_exclusive = false;
  double max = 0;
  /// "[0, 10]" or "(0, 1e+08]".
  std::string text() const;
};

/// A parsed CSV file. Rows with the wrong number of cells are reported and left out.
class CsvTable {
 public:
  /// Reads a file; a file that cannot be read (not a regular file, over kMaxCsvFileBytes, missing) or malformed rows
  /// are reported in `errors`. A leading UTF-8 byte-order mark is skipped; a NUL byte makes the file unreadable.
  static CsvTable read(const std::string& path, ErrorList& errors);
  /// Parses CSV text; `file_name` is used in messages.
  static CsvTable parse(const std::string& text, const std::string& file_name, ErrorList& errors);
  /// The file name given to read() or parse().
  const std::string& file() const { return file_; }
  /// False when the file could not be read or holds no header line (both already reported): a reader then has
  /// nothing to check.
  bool has_header() const { return has_header_; }
  /// Column names from the header line.
  const std::vector<std::string>& header() const { return header_; }
  /// Data rows in file order.
  const std::vector<CsvRow>& rows() const { return rows_; }
  /// Index of a header column, or nullopt.
  std::optional<std::size_t> column(std::string_view name) const;
  /// A finite number; otherwise reports "file:line: column 'x': expected a number, got 'abc'" and returns nullopt.
  std::optional<double> real(const CsvRow& row, std::string_view column, ErrorList& errors) const;
  /// A number within `range`; otherwise reports "file:line: column 'x': must be in (0, 10], got '1e200'" (or the
  /// message of real()) and returns nullopt.
  std::optional<double> real_within(const CsvRow& row, std::string_view column, const CellRange& range,
                                    ErrorList& errors) const;
  /// An integer; otherwise reports "file:line: column 'x': expected an integer, got '1.5'" and returns nullopt.
  std::optional<std::int64_t> integer(const CsvRow& row, std::string_view column, ErrorList& errors) const;
  /// The cell text, or nullptr when the column does not exist.
  const std::string* text(const CsvRow& row, std::string_view column) const;
  /// Reports each of `names` missing from the header ("missing column 'x'", at the header line); nothing when the
  /// table has no header (the file was unreadable or empty, which is already reported).
  void require_columns(const std::vector<std::string>& names, ErrorList& errors) const;
  /// Reports each header column that is not one of `known` ("unknown column 'los_day' (did you mean 'los_days'?)",
  /// at the header line): a misspelt optional column must not be silently ignored.
  void allow_only_columns(const std::vector<std::string>& known, ErrorList& errors) const;

 private:
  std::string file_;
  int header_line_ = 1;
  bool has_header_ = false;
  std::vector<std::string> header_;
  std::vector<CsvRow> rows_;
};

}  // namespace reformsim::config
