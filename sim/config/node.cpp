#include "sim/config/node.hpp"

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

namespace {

bool needs_quotes(const std::string& s) {
  if (s.empty()) return true;
  if (s.find_first_of(":#{}[],&*!|>'\"%@`\n") != std::string::npos) return true;
  // A leading '-' is a list marker only when followed by a space (or alone); -0.5 is a plain number.
  const bool list_marker = s.front() == '-' && (s.size() == 1 || s[1] == ' ');
  return s.front() == ' ' || s.back() == ' ' || list_marker || s.front() == '?';
}

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string scalar_text(const Node& n) {
  if (n.is_null()) return "~";
  return (n.quoted() || needs_quotes(n.text())) ? quote(n.text()) : n.text();
}

}  // namespace

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
      out += (needs_quotes(k) ? quote(k) : k) + ":";
      if ((v.is_map() && !v.entries().empty()) || (v.is_sequence() && !v.items().empty())) {
        out += "\n";
        v.emit(out, indent + 2, false);
      } else {
        out += " ";
        v.emit(out, indent + 2, false);
      }
    }
  } else if (kind_ == Kind::Sequence) {
    if (items_.empty()) {
      out += "[]\n";
      return;
    }
    for (const Node& item : items_) {
      out += pad + "- ";
      if (item.is_map() && !item.entries().empty()) {
        item.emit(out, indent + 2, true);
      } else if (item.is_sequence() && !item.items().empty()) {
        out += "\n";
        item.emit(out, indent + 2, false);
      } else {
        item.emit(out, indent + 2, false);
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
