#pragma once
// Dotted key paths into a Node tree: "payment.drg.base_rate_yuan", "hospitals[2].beds". Used by experiments to
// override scenario keys and by cross-field checks to locate values.
#include <stdexcept>
#include <string_view>

#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"
#include "sim/config/schema.hpp"

namespace reformsim::config {

/// A key path that cannot be applied: bad syntax, an index that does not exist, or a non-map in the way.
struct PathError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Sets the value at `key_path`, creating missing maps (located where `value` is). Indices must exist. A part of
/// the path that `root` lacks but `defaults` (the format's tree of defaults, if given) has is copied from there
/// first, so `population.age_bands[0].share` changes one band of a list the file never wrote.
/// Throws PathError naming the path and the part of it that failed.
void set_at_path(Node& root, std::string_view key_path, Node value, const Node* defaults = nullptr);

/// The node at `key_path`, or nullptr when it does not exist or the path is malformed.
const Node* find_at_path(const Node& root, std::string_view key_path);

/// The declaration of the value `key_path` names in a format declared by `root` (through object fields, list items
/// and map values), or nullptr when the format does not declare it (or leaves it unchecked, Spec::any()).
const Spec* declaration_at_path(const Spec& root, std::string_view key_path);

/// Where the value at `key_path` was written. A value filled in from its default was written nowhere: then the
/// deepest enclosing object that a file wrote (e.g. the `payment:` section), or the root's location.
SourceLocation location_at_path(const Node& root, std::string_view key_path);

/// Records `message` about the value at `key_path` of `root`, located where that value was written: the one way a
/// cross-field check reports a problem.
void report_at(ErrorList& errors, const Node& root, const std::string& key_path, std::string message);

/// The same for a problem between several values: reported at the first of `key_paths` that a file wrote (so a
/// user-set ceiling below a default floor points at the ceiling), or at the first when all are defaults.
void report_at(ErrorList& errors, const Node& root, const std::vector<std::string>& key_paths, std::string message);

}  // namespace reformsim::config
