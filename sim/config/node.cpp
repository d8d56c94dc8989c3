#include "sim/config/node.hpp"

#include <cstddef>

#include "sim/config/scalar_text.hpp"

namespace reformsim::config {

Node Node::scalar(std::string text, SourceLocation where, bool quoted) {
  Node n;
  n.kind_ = Kind::Scalar;
  n.text_ = std::move(text);
  n.where_ = std::move(where);
  n.quoted_ = quoted;
  return n;
}

Node Node::map(SourceLocation where) {
  Node n;
  n.kind_ = Kind::Map;
  n.where_ = std::move(where);
  return n;
}

Node Node::sequence(SourceLocation where) {
  Node n;
  n.kind_ = Kind::Sequence;
  n.where_ = std::move(where);
  return n;
}

Node Node::null(SourceLocation where) {
  Node n;
  n.where_ = std::move(where);
  return n;
}

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries_) {
    if (k == key) return &v;
  }
  return nullptr;
}

Node* Node::find(std::string_view key) {
  for (auto& [k, v] : entries_) {
    if (k == key) return &v;
  }
  return nullptr;
}

Node& Node::set(const std::string& key, Node value) {
  SourceLocation where = value.location();
  return set(key, std::move(value), std::move(where));
}

Node& Node::set(const std::string& key, Node value, SourceLocation key_where) {
  if (kind_ == Kind::Null) kind_ = Kind::Map;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].first == key) {
      entries_[i].second = std::move(value);
      key_where_[i] = std::move(key_where);
      return entries_[i].second;
    }
  }
  entries_.emplace_back(key, std::move(value));
  key_where_.push_back(std::move(key_where));
  return entries_.back().second;
}

void Node::append_new(std::string key, Node value, SourceLocation key_where) {
  if (kind_ == Kind::Null) kind_ = Kind::Map;
  entries_.emplace_back(std::move(key), std::move(value));
  key_where_.push_back(std::move(key_where));
}

void Node::relocate(const SourceLocation& where) {
  where_ = where;
  for (SourceLocation& k : key_where_) k = where;
  for (auto& entry : entries_) entry.second.relocate(where);
  for (Node& item : items_) item.relocate(where);
}

bool Node::erase(std::string_view key) {
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].first == key) {
      entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(i));
      key_where_.erase(key_where_.begin() + static_cast<std::ptrdiff_t>(i));
      return true;
    }
  }
  return false;
}

const SourceLocation& Node::key_location(std::string_view key) const {
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].first == key) return key_where_[i];
  }
  return where_;
}

void Node::push_back(Node item) {
  if (kind_ == Kind::Null) kind_ = Kind::Sequence;
  items_.push_back(std::move(item));
}

namespace {

// Whether plain (unquoted) YAML would read `s` back as something else. Conservative: quoting is always safe.
bool needs_quotes(const std::string& s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return true;
  if (s.find_first_of(":#{}[],&*!|>'\"%@`") != std::string::npos) return true;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  // A leading '-' is a list marker only when followed by a space (or alone); -0.5 is a plain number.
  const bool list_marker = s.front() == '-' && (s.size() == 1 || s[1] == ' ');
  return s.front() == ' ' || s.back() == ' ' || list_marker || s.front() == '?';
}

std::string scalar_text(const Node& n) {
  if (n.is_null()) return "~";
  return (n.quoted() || needs_quotes(n.text())) ? double_quoted(n.text()) : n.text();
}

bool non_empty_collection(const Node& n) {
  return (n.is_map() && !n.entries().empty()) || (n.is_sequence() && !n.items().empty());
}

}  // namespace

// Block style: maps as "key: value" lines, sequences as "- item" lines, indented by two spaces per level.
// `in_sequence` means the first key of a map continues a "- " already written.
void Node::emit(std::string& out, int indent, bool in_sequence) const {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  if (kind_ == Kind::Map) {
    if (entries_.empty()) {
      out += "{}\n";
      return;
    }
    bool first = true;
    for (const auto& [k, v] : entries_) {
      if (!(first && in_sequence)) out += pad;
      first = false;
      out += (needs_quotes(k) ? double_quoted(k) : k) + ":";
      out += non_empty_collection(v) ? "\n" : " ";
      v.emit(out, indent + 2, false);
    }
  } else if (kind_ == Kind::Sequence) {
    if (items_.empty()) {
      out += "[]\n";
      return;
    }
    for (const Node& item : items_) {
      out += pad + "-";
      if (item.is_sequence() && !item.items().empty()) {
        out += "\n";
        item.emit(out, indent + 2, false);
      } else {
        out += " ";
        item.emit(out, indent + 2, item.is_map());
      }
    }
  } else {
    out += scalar_text(*this) + "\n";
  }
}

std::string Node::to_yaml() const {
  std::string out;
  emit(out, 0, false);
  return out;
}

}  // namespace reformsim::config
