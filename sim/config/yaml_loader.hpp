#pragma once
// YAML files into Node trees, with `extends:` inheritance resolved.
#include <string>

#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"

namespace reformsim::config {

/// Parses YAML text; syntax errors and duplicate keys go to `errors` with their line.
Node parse_yaml(const std::string& text, const std::string& file_name, ErrorList& errors);

/// Loads a file and resolves a top-level `extends: other.yaml` (relative to the file; recursive; cycles and
/// missing files are errors at the extends key). The file's keys are deep-merged over its base; `extends` is removed.
Node load_yaml_file(const std::string& path, ErrorList& errors);

/// Merges `overrides` into `base`: maps key by key (recursively), scalars and sequences replace.
void merge_into(Node& base, const Node& overrides);

/// `relative` resolved against the directory of `from.file` (absolute paths stay as they are).
std::string normalize_path(const std::string& relative, const SourceLocation& from);

}  // namespace reformsim::config
