#pragma once
// Writing CSV: quoting a field only when it needs it, and yuan amounts to the fen.
#include <cmath>
#include <cstdio>
#include <string>

namespace reformsim::config {

/// The field as written in a CSV row (RFC 4180 quoting when it holds a comma, quote or newline).
inline std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

/// An amount rounded to two decimals ("-0.00" never appears).
inline std::string fixed2(double v) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.2f", std::round(v * 100.0) / 100.0 + 0.0);
  return buffer;
}

}  // namespace reformsim::config
