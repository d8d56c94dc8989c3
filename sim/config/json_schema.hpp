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
/// The format that the keys of key-path maps (Spec::key_paths()) refer to, e.g. the scenario for an experiment.
struct KeyPathFormat {
  /// Its name: the schema embeds it as $defs/<name>.
  std::string name;
  /// Its declarations (nullptr: key-path maps are free-form maps).
  const Spec* spec = nullptr;
};

/// With `key_paths`, a key-path map admits only the paths that format declares ("payment.drg.base_rate_yuan";
/// list items as "hospitals[0]", any index; free-form map keys as any key), restricted to numbers outside lists for
/// KeyPaths::Numbers and to numbers for KeyPaths::AnyNumbers. Where the map's value spec is Any (or a list of Any) each path gets its own entry, the Any
/// standing for a $ref to the declaration the path names, so its type and range are checked too.
std::string to_json_schema(const Spec& spec, const std::string& title, const KeyPathFormat& key_paths = {});

}  // namespace reformsim::config
