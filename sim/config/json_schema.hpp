#pragma once
// JSON Schema (draft 2020-12) of a declaration tree, for editors and external validators (`reformsim schema`).
#include <string>

#include "sim/config/schema.hpp"

namespace reformsim::config {

/// Pretty-printed JSON Schema of `spec`: type, description (with the unit), default, minimum/maximum and their
/// exclusive forms, enum, additionalProperties:false and required[] for objects, items/minItems/maxItems for lists.
std::string to_json_schema(const Spec& spec, const std::string& title);

}  // namespace reformsim::config
