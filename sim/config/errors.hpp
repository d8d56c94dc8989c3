#pragma once
// Configuration errors: collected, never thrown one by one, so a user sees every problem at once.
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/config/source_location.hpp"

namespace reformsim::config {

/// One problem in an input file.
struct ConfigError {
  SourceLocation where;
  std::string key_path;
  std::string message;
  /// "file:line:col: key.path: message".
  std::string to_string() const;
};

/// An ordered collection of errors.
class ErrorList {
 public:
  void add(SourceLocation where, std::string key_path, std::string message);
  void append(const ErrorList& other);
  bool empty() const { return errors_.empty(); }
  std::size_t size() const { return errors_.size(); }
  const std::vector<ConfigError>& errors() const { return errors_; }
  /// One error per line.
  std::string to_string() const;

 private:
  std::vector<ConfigError> errors_;
};

/// Thrown with every error of an input once it has been checked completely.
class ConfigException : public std::runtime_error {
 public:
  explicit ConfigException(ErrorList errors);
  const ErrorList& errors() const { return errors_; }

 private:
  ErrorList errors_;
};

}  // namespace reformsim::config
