#pragma once
// Where a configuration value came from: file, line and column (1-based), for error messages.
#include <string>

namespace reformsim::config {

/// A position in an input file; line 0 means unknown, an empty file name means a built-in default.
struct SourceLocation {
  /// The file as it was named when loaded (empty for built-in defaults).
  std::string file;
  /// 1-based line; 0 when unknown.
  int line = 0;
  /// 1-based column; 0 when unknown.
  int column = 0;
  /// "file:line:column" ("file:line" without a column, "file" without a line, "<default>" without a file).
  std::string to_string() const;
};

}  // namespace reformsim::config
