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
  enum class Kind { Null, Scalar, Map, Sequence };
  Node() = default;
  static Node scalar(std::string text, SourceLocation where = {}, bool quoted = false);
  static Node map(SourceLocation where = {});
  static Node sequence(SourceLocation where = {});
  static Node null(SourceLocation where = {});

  Kind kind() const { return kind_; }
  bool is_map() const { return kind_ == Kind::Map; }
  bool is_sequence() const { return kind_ == Kind::Sequence; }
  bool is_scalar() const { return kind_ == Kind::Scalar; }
  bool is_null() const { return kind_ == Kind::Null; }
  /// Scalar text as written (unquoted).
  const std::string& text() const { return text_; }
  /// The scalar was quoted in YAML ("1" is then a string, not a number).
  bool quoted() const { return quoted_; }
  const SourceLocation& location() const { return where_; }
  void set_location(SourceLocation where) { where_ = std::move(where); }

  /// Map entries in insertion order.
  const std::vector<std::pair<std::string, Node>>& entries() const { return entries_; }
  const Node* find(std::string_view key) const;
  Node* find(std::string_view key);
  /// Inserts or replaces `key`, keeping the order; the key's location defaults to the value's.
  Node& set(const std::string& key, Node value);
  Node& set(const std::string& key, Node value, SourceLocation key_where);
  bool erase(std::string_view key);
  /// Where `key` was written (the value's location if unknown).
  const SourceLocation& key_location(std::string_view key) const;

  const std::vector<Node>& items() const { return items_; }
  std::vector<Node>& items() { return items_; }
  void push_back(Node item) { items_.push_back(std::move(item)); }

  /// Re-emits the tree as YAML text.
  std::string to_yaml() const;

 private:
  void emit(std::string& out, int indent, bool in_sequence) const;
  Kind kind_ = Kind::Null;
  std::string text_;
  bool quoted_ = false;
  SourceLocation where_;
  std::vector<std::pair<std::string, Node>> entries_;
  std::vector<SourceLocation> key_where_;
  std::vector<Node> items_;
};

}  // namespace reformsim::config
