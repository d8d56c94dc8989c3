#pragma once
// Declaration-driven validation: the whole tree is checked, every error reported, and defaults filled in.
#include <string>

#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"
#include "sim/config/schema.hpp"

namespace reformsim::config {

/// Checks `input` against `spec` and returns a copy with defaults filled in (default nodes carry no file, so they
/// print as "<default>") and Path values normalised relative to the file that wrote them. Every problem goes to
/// `errors`, in traversal order, keyed by paths such as "population.age_bands[2].share" below `root_path`:
/// unknown keys (with "did you mean 'x'?" within edit distance 2), missing required keys (located at the
/// enclosing map), wrong types, out-of-range values ("[a, b]" inclusive, "(a, b)" exclusive), item counts and
/// non-finite numbers. An absent object (or a null one) is filled from its fields' defaults; an explicit null for
/// an optional() key counts as absent. Output objects list their fields in declaration order.
Node validate(const Node& input, const Spec& spec, ErrorList& errors, const std::string& root_path = "");

}  // namespace reformsim::config
