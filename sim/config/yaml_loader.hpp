#pragma once
// YAML files into Node trees, with `extends:` inheritance resolved. The only place that includes yaml-cpp.
#include <string>

#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"

namespace reformsim::config {

/// Parses YAML text (the first document). Syntax errors ("file:line:col: YAML syntax error: …", the tree is then a
/// null node) and duplicate keys (the first value is kept) go to `errors`. Lines and columns are 1-based.
Node parse_yaml(const std::string& text, const std::string& file_name, ErrorList& errors);

/// Loads a file and resolves a top-level `extends: other.yaml` (relative to the directory of the file that says
/// it; recursive). Cycles and missing files are errors located at the extends key; a file that cannot be read is
/// "cannot open file". The result is the base with this file's keys deep-merged over it, without `extends`.
Node load_yaml_file(const std::string& path, ErrorList& errors);

/// Merges `overrides` into `base`: maps key by key (recursively), scalars, sequences and nulls replace. Merged
/// maps take the location of the override (the most derived file that wrote them) when it has one.
void merge_into(Node& base, const Node& overrides);

/// `relative` resolved against the directory of `from.file` and lexically normalised; absolute paths (and paths
/// from defaults, which have no file) are only normalised.
std::string normalize_path(const std::string& relative, const SourceLocation& from);

}  // namespace reformsim::config
