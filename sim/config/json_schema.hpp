#pragma once
// JSON Schema (draft 2020-12) of a declaration tree, for editors and external validators (`reformsim schema`).
#include <string>

#include "sim/config/schema.hpp"

namespace reformsim::config {

/// Pretty-printed JSON Schema of `spec`: type, description (with the unit), default, minimum/maximum and their
/// exclusive forms, enum, additionalProperties:false and required[] for objects, items/minItems/maxItems for lists.
/// Every file may start with `extends:` (yaml_loader.hpp), so a root object gets an `extends` property, and the keys
/// a file must write are required only of a file without `extends` (an if/else at the root): a file that extends
/// another inherits them, as it inherits the keys of every section it merges into. List items are replaced whole,
/// so they keep their own required[].
std::string to_json_schema(const Spec& spec, const std::string& title);

}  // namespace reformsim::config
