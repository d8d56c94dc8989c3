#include "sim/config/errors.hpp"

#include <utility>

namespace reformsim::config {

std::string ConfigError::to_string() const {
  std::string s = where.to_string();
  s.append(": ");
  if (!key_path.empty()) s.append(key_path).append(": ");
  s.append(message);
  return s;
}

void ErrorList::add(SourceLocation where, std::string key_path, std::string message) {
  errors_.push_back({std::move(where), std::move(key_path), std::move(message)});
}

void ErrorList::append(const ErrorList& other) {
  errors_.insert(errors_.end(), other.errors_.begin(), other.errors_.end());
}

std::string ErrorList::to_string() const {
  std::string s;
  for (const ConfigError& e : errors_) s += e.to_string() + "\n";
  return s;
}

ConfigException::ConfigException(ErrorList errors)
    : std::runtime_error(errors.to_string()), errors_(std::move(errors)) {}

}  // namespace reformsim::config
