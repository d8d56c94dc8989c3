#pragma once
// Typed values from scalar text, with one set of rules for YAML scalars and CSV cells alike: numbers as
// std::from_chars reads them ("12", "-0.5", "1e5", an optional leading '+'), no digit separators, nothing
// non-finite; booleans only true/false (or True/False) — "yes", "on" and friends are not booleans here.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reformsim::config {

/// The finite number spelled by the whole of `text`, or nullopt.
std::optional<double> parse_real(std::string_view text);

/// The integer spelled by `text`, or nullopt. Integral reals are accepted ("1e5", "3.0"), fractions are not.
std::optional<std::int64_t> parse_int(std::string_view text);

/// true for "true"/"True", false for "false"/"False", nullopt for anything else.
std::optional<bool> parse_bool(std::string_view text);

/// `text` in double quotes with \" \\ \n \t \r and \uXXXX escapes: valid as a JSON string and as a YAML
/// double-quoted scalar alike.
std::string double_quoted(std::string_view text);

}  // namespace reformsim::config
