#pragma once
// YAML files into Node trees, with `extends:` inheritance resolved. The only place that includes yaml-cpp.
#include <string>

#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"

namespace reformsim::config {

/// Most values (scalars, maps and sequences, counted after expanding aliases) one YAML file may hold.
/// (Anchored values count twice: their stored copy is memory too.) The largest shipped file holds about 2,000.
inline constexpr std::size_t kMaxYamlValues = 100'000;
/// Most keys one map may have (lookups by key are linear: a map of a million keys would take hours).
inline constexpr std::size_t kMaxYamlMapKeys = 10'000;
/// Deepest nesting of maps and sequences one YAML file may have.
inline constexpr std::size_t kMaxYamlDepth = 64;

/// Parses YAML text, which must hold one document. Syntax errors ("file:line:col: YAML syntax error: …"), a second
/// document, a NUL byte, a recursive alias and text over the limits above leave a null tree; duplicate keys (the
/// first value is kept, the message names the full key path), non-scalar keys and quoted values that run past their
/// line are reported with a usable tree. Values copied by an alias are located at the alias. Lines and columns are
/// 1-based; a UTF-8 byte-order mark is skipped.
Node parse_yaml(const std::string& text, const std::string& file_name, ErrorList& errors);

/// Loads a file and resolves a top-level `extends: other.yaml` (relative to the directory of the file that says
/// it; recursive). Cycles and missing files are errors located at the extends key; a file that cannot be read is
/// "cannot open file". The result is the base with this file's keys deep-merged over it, without `extends`.
Node load_yaml_file(const std::string& path, ErrorList& errors);
/// As load_yaml_file(path, errors) for a file named by a key of another file: a file that cannot be read is
/// reported at `named_at` under `key`. Only regular files up to kMaxYamlFileBytes are read.
Node load_yaml_file(const std::string& path, ErrorList& errors, const SourceLocation& named_at, const std::string& key);

/// Merges `overrides` into `base`: maps key by key (recursively), scalars, sequences and nulls replace. Merged
/// maps take the location of the override (the most derived file that wrote them) when it has one.
void merge_into(Node& base, const Node& overrides);

/// `relative` resolved against the directory of `from.file` and lexically normalised; absolute paths (and paths
/// from defaults, which have no file) are only normalised.
std::string normalize_path(const std::string& relative, const SourceLocation& from);

}  // namespace reformsim::config
