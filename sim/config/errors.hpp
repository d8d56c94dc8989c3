#pragma once
// Configuration errors: collected, never thrown one by one, so a user sees every problem at once.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/config/source_location.hpp"

namespace reformsim::config {

/// One problem in an input file.
struct ConfigError {
  /// Where the offending value (or, for a missing key, its enclosing map) was written.
  SourceLocation where;
  /// Dotted key path such as "population.age_bands[2].share"; empty when the problem is not about one key.
  std::string key_path;
  /// What is wrong, in words a scenario author understands.
  std::string message;
  /// "file:line:col: key.path: message" (the key part is left out when key_path is empty).
  std::string to_string() const;
};

/// Errors in the order they were found (traversal order, so the same input always gives the same list).
class ErrorList {
 public:
  /// Records one error.
  void add(SourceLocation where, std::string key_path, std::string message);
  /// Appends every error of `other`, keeping their order.
  void append(const ErrorList& other);
  /// True when no error has been recorded.
  bool empty() const { return errors_.empty(); }
  /// Number of errors recorded.
  std::size_t size() const { return errors_.size(); }
  /// The errors, oldest first.
  const std::vector<ConfigError>& errors() const { return errors_; }
  /// Every error on its own line (each line ends with '\n').
  std::string to_string() const;

 private:
  std::vector<ConfigError> errors_;
};

/// Thrown with every error of an input once it has been checked completely.
class ConfigException : public std::runtime_error {
 public:
  /// what() lists all messages, one per line.
  explicit ConfigException(ErrorList errors);
  /// The errors that caused the exception.
  const ErrorList& errors() const { return errors_; }

 private:
  ErrorList errors_;
};

}  // namespace reformsim::config
