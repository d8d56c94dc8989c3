#include "sim/config/key_path.hpp"

#include <charconv>
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

std::vector<Step> parse(std::string_view path) {
  std::vector<Step> steps;
  std::size_t i = 0;
  const std::string whole(path);
  if (path.empty()) throw PathError("empty key path");
  while (i < path.size()) {
    if (path[i] == '[') {
      const std::size_t close = path.find(']', i);
      if (close == std::string_view::npos) throw PathError("unclosed '[' in key path '" + whole + "'");
      Step s;
      s.is_index = true;
      auto [end, ec] = std::from_chars(path.data() + i + 1, path.data() + close, s.index);
      if (ec != std::errc() || end != path.data() + close) {
        throw PathError("bad index in key path '" + whole + "'");
      }
      steps.push_back(s);
      i = close + 1;
      if (i < path.size() && path[i] == '.') ++i;
      continue;
    }
    const std::size_t end = path.find_first_of(".[", i);
    Step s;
    s.key = std::string(path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
    if (s.key.empty()) throw PathError("empty key in key path '" + whole + "'");
    steps.push_back(s);
    if (end == std::string_view::npos) break;
    i = path[end] == '.' ? end + 1 : end;
    if (path[end] == '.' && i >= path.size()) throw PathError("key path '" + whole + "' ends with '.'");
  }
  return steps;
}

}  // namespace

void set_at_path(Node& root, std::string_view key_path, Node value) {
  const std::vector<Step> steps = parse(key_path);
  Node* node = &root;
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const Step& step = steps[s];
    const bool last = s + 1 == steps.size();
    if (step.is_index) {
      if (!node->is_sequence() || step.index >= node->items().size()) {
        throw PathError("key path '" + std::string(key_path) + "': index [" + std::to_string(step.index) +
                        "] does not exist");
      }
      if (last) {
        node->items()[step.index] = std::move(value);
        return;
      }
      node = &node->items()[step.index];
      continue;
    }
    if (node->is_null()) *node = Node::map(value.location());
    if (!node->is_map()) {
      throw PathError("key path '" + std::string(key_path) + "': '" + step.key +
                      "' is inside a value that is not a map");
    }
    if (last) {
      node->set(step.key, std::move(value));
      return;
    }
    Node* child = node->find(step.key);
    if (!child) child = &node->set(step.key, Node::map(value.location()));
    node = child;
  }
}

const Node* find_at_path(const Node& root, std::string_view key_path) {
  std::vector<Step> steps;
  try {
    steps = parse(key_path);
  } catch (const PathError&) {
    return nullptr;
  }
  const Node* node = &root;
  for (const Step& step : steps) {
    if (step.is_index) {
      if (!node->is_sequence() || step.index >= node->items().size()) return nullptr;
      node = &node->items()[step.index];
    } else {
      if (!node->is_map()) return nullptr;
      node = node->find(step.key);
      if (!node) return nullptr;
    }
  }
  return node;
}

}  // namespace reformsim::config
