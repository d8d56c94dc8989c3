#pragma once
// Typed reads of a validated Node tree. Validation guarantees the types, so misuse is a logic error.
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/config/node.hpp"

namespace reformsim::config {

double get_real(const Node& object, std::string_view key);
std::int64_t get_int(const Node& object, std::string_view key);
bool get_bool(const Node& object, std::string_view key);
const std::string& get_string(const Node& object, std::string_view key);
const Node& get_child(const Node& object, std::string_view key);
bool has(const Node& object, std::string_view key);
/// The number in a scalar node (array items).
double as_real(const Node& scalar);
std::int64_t as_int(const Node& scalar);

}  // namespace reformsim::config
