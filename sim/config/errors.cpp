#include "sim/config/errors.hpp"

#include <utility>

namespace reformsim::config {

namespace {

// Messages quote what the user wrote; a control character in it (a NUL cuts a C string short, a carriage return
// overwrites the line on a terminal) is shown as \xNN so the whole message reaches the reader.
std::string printable(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) {
      out += c;
      continue;
    }
    static const char kHex[] = "0123456789abcdef";
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  return out;
}

}  // namespace

std::string ConfigError::to_string() const {
  std::string s = printable(where.to_string());
  s.append(": ");
  if (!key_path.empty()) s.append(printable(key_path)).append(": ");
  s.append(printable(message));
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
