#pragma once
// A YAML-like value tree of our own (so nothing outside sim/config includes yaml-cpp). Every node remembers the
// file, line and column it came from, and every map entry where its key was written.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/config/source_location.hpp"

namespace reformsim::config {

/// A scalar, map (insertion-ordered), sequence or null, with its source location.
class Node {
 public:
  /// What a node holds.
  enum class Kind { Null, Scalar, Map, Sequence };

  /// A null node with no location.
  Node() = default;
  /// A scalar; `quoted` marks text that was quoted in YAML (a string even when it looks like a number).
  static Node scalar(std::string text, SourceLocation where = {}, bool quoted = false);
  /// An empty map.
  static Node map(SourceLocation where = {});
  /// An empty sequence.
  static Node sequence(SourceLocation where = {});
  /// A null value (`~` or nothing in YAML).
  static Node null(SourceLocation where = {});

  /// What the node holds.
  Kind kind() const { return kind_; }
  /// True for a map.
  bool is_map() const { return kind_ == Kind::Map; }
  /// True for a sequence.
  bool is_sequence() const { return kind_ == Kind::Sequence; }
  /// True for a scalar.
  bool is_scalar() const { return kind_ == Kind::Scalar; }
  /// True for null.
  bool is_null() const { return kind_ == Kind::Null; }
  /// Scalar text as written, without quotes (empty for other kinds).
  const std::string& text() const { return text_; }
  /// The scalar was quoted in YAML ("1" is then a string, not a number).
  bool quoted() const { return quoted_; }
  /// Where the value was written; an empty file means a built-in default.
  const SourceLocation& location() const { return where_; }
  /// Moves the node to another source location (its children keep theirs).
  void set_location(SourceLocation where) { where_ = std::move(where); }
  /// Moves the node, its keys and all its descendants to `where` (a copy made by a YAML alias is reported where
  /// the alias is written, not where its anchor is).
  void relocate(const SourceLocation& where);

  /// Map entries in insertion order (empty for other kinds).
  const std::vector<std::pair<std::string, Node>>& entries() const { return entries_; }
  /// The value of `key`, or nullptr (also for non-maps).
  const Node* find(std::string_view key) const;
  /// The value of `key`, or nullptr (also for non-maps).
  Node* find(std::string_view key);
  /// Inserts or replaces `key`, keeping the order; the key is located where the value is. A null becomes a map.
  Node& set(const std::string& key, Node value);
  /// As set(key, value), with the location of the key itself.
  Node& set(const std::string& key, Node value, SourceLocation key_where);
  /// Appends `key`, which the caller knows is not yet present (no search: building a map of n keys stays O(n)).
  void append_new(std::string key, Node value, SourceLocation key_where);
  /// Removes `key`; false when it was absent.
  bool erase(std::string_view key);
  /// Where `key` was written (the map's own location when the key is absent).
  const SourceLocation& key_location(std::string_view key) const;

  /// Sequence items (empty for other kinds).
  const std::vector<Node>& items() const { return items_; }
  /// Sequence items, mutable.
  std::vector<Node>& items() { return items_; }
  /// Appends an item; a null becomes a sequence.
  void push_back(Node item);

  /// Re-emits the tree as block-style YAML that parses back to the same values (quoted scalars stay quoted).
  std::string to_yaml() const;

 private:
  void emit(std::string& out, int indent, bool in_sequence) const;
  Kind kind_ = Kind::Null;
  std::string text_;
  bool quoted_ = false;
  SourceLocation where_;
  std::vector<std::pair<std::string, Node>> entries_;
  std::vector<SourceLocation> key_where_;  // parallel to entries_
  std::vector<Node> items_;
};

}  // namespace reformsim::config
