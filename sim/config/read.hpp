#pragma once
// Typed reads of a VALIDATED Node tree. Validation guarantees keys and types, so misuse (a missing key, a value of
// the wrong type) is a programming error and throws std::logic_error naming the key.
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/config/node.hpp"

namespace reformsim::config {

/// The number at `key` of a validated object.
double get_real(const Node& object, std::string_view key);
/// The integer at `key` of a validated object.
std::int64_t get_int(const Node& object, std::string_view key);
/// The boolean at `key` of a validated object.
bool get_bool(const Node& object, std::string_view key);
/// The text at `key` of a validated object (strings, enums, normalised paths).
const std::string& get_string(const Node& object, std::string_view key);
/// The child node at `key` (a section, list or map).
const Node& get_child(const Node& object, std::string_view key);
/// Whether `key` is present (for optional() keys).
bool has(const Node& object, std::string_view key);
/// The number in a scalar node (list items).
double as_real(const Node& scalar);
/// The integer in a scalar node (list items).
std::int64_t as_int(const Node& scalar);

}  // namespace reformsim::config
