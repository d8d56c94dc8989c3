#pragma once
// Declaration-driven validation: the whole tree is checked and every error reported, with defaults filled in.
#include <string>

#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"
#include "sim/config/schema.hpp"

namespace reformsim::config {

/// Checks `input` against `spec` (unknown keys with "did you mean", missing required keys, types, ranges, item
/// counts) and returns a copy with defaults filled in and paths normalised. All errors go to `errors`.
Node validate(const Node& input, const Spec& spec, ErrorList& errors, const std::string& root_path = "");

}  // namespace reformsim::config
