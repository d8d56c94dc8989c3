#include "sim/config/scalar_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

namespace reformsim::config {

namespace {

// from_chars rejects a leading '+', YAML and CSV writers sometimes emit one; "+-1" stays invalid.
std::string_view without_plus(std::string_view text) {
  if (text.size() >= 2 && text[0] == '+' && text[1] != '+' && text[1] != '-') text.remove_prefix(1);
  return text;
}

}  // namespace

std::optional<double> parse_real(std::string_view text) {
  text = without_plus(text);
  if (text.empty()) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<std::int64_t> parse_int(std::string_view text) {
  const std::string_view t = without_plus(text);
  if (t.empty()) return std::nullopt;
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec == std::errc() && end == t.data() + t.size()) return v;
  if (ec == std::errc::result_out_of_range) return std::nullopt;
  // "1e5" or "3.0": integral reals inside the int64 range (2^63 is exactly representable as a double).
  const std::optional<double> r = parse_real(t);
  constexpr double kLimit = 9223372036854775808.0;
  if (!r || *r != std::floor(*r) || *r >= kLimit || *r < -kLimit) return std::nullopt;
  return static_cast<std::int64_t>(*r);
}

std::optional<bool> parse_bool(std::string_view text) {
  if (text == "true" || text == "True") return true;
  if (text == "false" || text == "False") return false;
  return std::nullopt;
}

std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (const unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace reformsim::config
