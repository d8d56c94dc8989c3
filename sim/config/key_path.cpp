#include "sim/config/key_path.hpp"

#include <charconv>
#include <stdexcept>
#include <string>
#include <vector>

namespace reformsim::config {

namespace {

// One step of a path: a map key, or an index into a sequence.
struct Step {
  std::string key;
  bool is_index = false;
  std::size_t index = 0;
};

[[noreturn]] void fail(std::string_view path, const std::string& why) {
  throw PathError("key path '" + std::string(path) + "': " + why);
}

// Grammar: key ( '.' key | '[' digits ']' )*, where a path may also start with an index.
std::vector<Step> parse(std::string_view path) {
  if (path.empty()) throw PathError("empty key path");
  std::vector<Step> steps;
  std::size_t i = 0;
  bool expect_key = path.front() != '[';
  while (i < path.size()) {
    if (path[i] == '[') {
      const std::size_t close = path.find(']', i);
      if (close == std::string_view::npos) fail(path, "'[' without a matching ']'");
      Step s;
      s.is_index = true;
      const auto [end, ec] = std::from_chars(path.data() + i + 1, path.data() + close, s.index);
      if (close == i + 1 || ec != std::errc() || end != path.data() + close) {
        std::string what(1, '\'');
        what.append(path.substr(i, close - i + 1)).append("' is not an index (expected [0], [1], ...)");
        fail(path, what);
      }
      steps.push_back(s);
      i = close + 1;
      if (i == path.size()) break;
      if (path[i] == '.') {
        ++i;
        expect_key = true;
      } else if (path[i] != '[') {
        fail(path, "expected '.' or '[' after ']'");
      }
      continue;
    }
    if (!expect_key) fail(path, "expected '.' or '['");
    const std::size_t end = path.find_first_of(".[]", i);
    Step s;
    s.key = std::string(path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
    if (s.key.empty()) fail(path, "empty key");
    steps.push_back(s);
    if (end == std::string_view::npos) break;
    if (path[end] == ']') fail(path, "']' without a matching '['");
    i = end + (path[end] == '.' ? 1 : 0);
    expect_key = path[end] == '.';
    if (expect_key && i == path.size()) fail(path, "ends with '.'");
  }
  return steps;
}

std::string step_text(const Step& s, bool first) {
  std::string out;
  if (s.is_index) return out.append("[").append(std::to_string(s.index)).append("]");
  return out.append(first ? "" : ".").append(s.key);
}

std::string kind_word(const Node& n) {
  switch (n.kind()) {
    case Node::Kind::Null:
      return "null";
    case Node::Kind::Scalar:
      return "a scalar";
    case Node::Kind::Map:
      return "a map";
    case Node::Kind::Sequence:
      return "a list";
  }
  return "?";
}

}  // namespace

void set_at_path(Node& root, std::string_view key_path, Node value, const Node* defaults) {
  const std::vector<Step> steps = parse(key_path);
  Node* node = &root;
  const Node* fallback = defaults;  // the defaults' node at the same place as `node`, while one exists
  std::string prefix;               // the part of the path walked so far, for messages
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const Step& step = steps[s];
    const bool last = s + 1 == steps.size();
    const std::string where = prefix.empty() ? "the root" : "'" + prefix + "'";
    if (step.is_index) {
      if (node->is_null() && fallback && fallback->is_sequence()) *node = *fallback;
      if (node->is_null()) fail(key_path, where + " is not set and has no default list to index into");
      if (!node->is_sequence()) fail(key_path, where + " is " + kind_word(*node) + ", not a list");
      if (step.index >= node->items().size()) {
        fail(key_path, "index " + std::to_string(step.index) + " does not exist (" + where + " has " +
                           std::to_string(node->items().size()) + " items)");
      }
      node = &node->items()[step.index];
      fallback = fallback && fallback->is_sequence() && step.index < fallback->items().size()
                     ? &fallback->items()[step.index]
                     : nullptr;
    } else {
      if (node->is_null()) *node = Node::map(value.location());
      if (!node->is_map()) fail(key_path, where + " is " + kind_word(*node) + ", not a map");
      if (last) {
        node->set(step.key, std::move(value));
        return;
      }
      const Node* fallback_child = fallback ? fallback->find(step.key) : nullptr;
      Node* child = node->find(step.key);
      if (!child) {
        // Absent here: a list continues from its default (an index follows), anything else from an empty map.
        const bool list_follows = steps[s + 1].is_index;
        child = &node->set(step.key, list_follows && fallback_child ? *fallback_child : Node::null(value.location()));
      }
      node = child;
      fallback = fallback_child;
    }
    prefix += step_text(step, prefix.empty());
  }
  *node = std::move(value);  // the path ended with an index
}

namespace {

// The nodes along `key_path` from the root's child on, as far as they exist (none when the path is malformed).
std::vector<const Node*> nodes_along(const Node& root, std::string_view key_path) {
  std::vector<Step> steps;
  try {
    steps = parse(key_path);
  } catch (const PathError&) {
    return {};
  }
  std::vector<const Node*> nodes;
  const Node* node = &root;
  for (const Step& step : steps) {
    if (step.is_index) {
      node = node->is_sequence() && step.index < node->items().size() ? &node->items()[step.index] : nullptr;
    } else {
      node = node->find(step.key);
    }
    if (!node) break;
    nodes.push_back(node);
  }
  if (nodes.size() < steps.size()) nodes.push_back(nullptr);  // the path ends before its last step
  return nodes;
}

}  // namespace

const Node* find_at_path(const Node& root, std::string_view key_path) {
  const std::vector<const Node*> nodes = nodes_along(root, key_path);
  return nodes.empty() ? nullptr : nodes.back();
}

const Spec* declaration_at_path(const Spec& root, std::string_view key_path) {
  std::vector<Step> steps;
  try {
    steps = parse(key_path);
  } catch (const PathError&) {
    return nullptr;
  }
  const Spec* at = &root;
  for (const Step& step : steps) {
    if (step.is_index) {
      at = at->type() == ValueType::Array ? at->item().get() : nullptr;
    } else if (at->type() == ValueType::Object) {
      at = at->field(step.key);
    } else {
      at = at->type() == ValueType::Map ? at->item().get() : nullptr;
    }
    if (!at || at->type() == ValueType::Any) return nullptr;
  }
  return at;
}

SourceLocation location_at_path(const Node& root, std::string_view key_path) {
  SourceLocation written = root.location();
  for (const Node* node : nodes_along(root, key_path)) {
    if (node && !node->location().file.empty()) written = node->location();
  }
  return written;
}

void report_at(ErrorList& errors, const Node& root, const std::string& key_path, std::string message) {
  errors.add(location_at_path(root, key_path), key_path, std::move(message));
}

void report_at(ErrorList& errors, const Node& root, const std::vector<std::string>& key_paths, std::string message) {
  if (key_paths.empty()) throw std::logic_error("report_at: no key path");
  for (const std::string& path : key_paths) {
    const Node* n = find_at_path(root, path);
    if (n && !n->location().file.empty()) return report_at(errors, root, path, std::move(message));
  }
  report_at(errors, root, key_paths.front(), std::move(message));
}

}  // namespace reformsim::config
