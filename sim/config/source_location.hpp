#pragma once
// Where a configuration value came from: file, line and column (1-based), for error messages.
#include <string>

namespace reformsim::config {

/// A position in an input file; line 0 means unknown, an empty file means a built-in default.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  /// "file:line:column", "file" when the line is unknown, "<default>" when there is no file.
  std::string to_string() const;
};

}  // namespace reformsim::config
