#pragma once
// JSON Schema (draft 2020-12) of a declaration tree, for editors and external validators.
#include <string>

#include "sim/config/schema.hpp"

namespace reformsim::config {

/// Pretty-printed JSON Schema of `spec`.
std::string to_json_schema(const Spec& spec, const std::string& title);

}  // namespace reformsim::config
