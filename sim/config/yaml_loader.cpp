#include "sim/config/yaml_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

namespace reformsim::config {

namespace {

// yaml-cpp marks are 0-based (and -1 when unknown); ours are 1-based with 0 for unknown.
SourceLocation at(const std::string& file, const YAML::Mark& mark) {
  return {file, mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0};
}

Node convert(const YAML::Node& y, const std::string& file, ErrorList& errors) {
  const SourceLocation where = at(file, y.Mark());
  switch (y.Type()) {
    case YAML::NodeType::Scalar:
      // yaml-cpp 0.7 tags quoted scalars "!" (non-specific) and plain ones "?".
      return Node::scalar(y.Scalar(), where, y.Tag() == "!");
    case YAML::NodeType::Sequence: {
      Node s = Node::sequence(where);
      for (const YAML::Node& item : y) s.push_back(convert(item, file, errors));
      return s;
    }
    case YAML::NodeType::Map: {
      Node m = Node::map(where);
      std::set<std::string> seen;
      for (auto it = y.begin(); it != y.end(); ++it) {
        const SourceLocation key_where = at(file, it->first.Mark());
        if (!it->first.IsScalar()) {
          errors.add(key_where, "", "map keys must be plain names, not lists or maps");
          continue;
        }
        const std::string key = it->first.Scalar();
        if (!seen.insert(key).second) {
          errors.add(key_where, key, "duplicate key '" + key + "'");
          continue;
        }
        m.set(key, convert(it->second, file, errors), key_where);
      }
      return m;
    }
    default:
      return Node::null(where);
  }
}

// Parses; false only on a syntax error (duplicate keys still give a usable tree).
bool parse_into(const std::string& text, const std::string& file_name, ErrorList& errors, Node& out) {
  try {
    out = convert(YAML::Load(text), file_name, errors);
    return true;
  } catch (const YAML::Exception& e) {
    errors.add(at(file_name, e.mark), "", "YAML syntax error: " + e.msg);
    out = Node::null({file_name, 0, 0});
    return false;
  }
}

// One file of an extends chain. `chain` holds the canonical paths of the files that extend this one.
class ExtendsResolver {
 public:
  explicit ExtendsResolver(ErrorList& errors) : errors_(errors) {}

  Node load(const std::string& path, const SourceLocation& requested_at) {
    std::error_code ec;
    const std::string canonical = std::filesystem::weakly_canonical(path, ec).string();
    const bool top = requested_at.file.empty();
    for (std::size_t i = 0; i < chain_.size(); ++i) {
      if (chain_[i] != canonical) continue;
      std::string cycle;
      for (std::size_t j = i; j < names_.size(); ++j) cycle += names_[j] + " -> ";
      errors_.add(requested_at, "extends", "extends cycle: " + cycle + path);
      return Node::map();
    }
    std::ifstream in(path);
    if (!in || std::filesystem::is_directory(path, ec)) {
      errors_.add(top ? SourceLocation{path, 0, 0} : requested_at, top ? "" : "extends",
                  "cannot open file '" + path + "'");
      return Node::map();
    }
    std::stringstream text;
    text << in.rdbuf();
    Node root;
    if (!parse_into(text.str(), path, errors_, root)) return Node::map();
    if (root.is_null()) root = Node::map(SourceLocation{path, 1, 1});
    if (!root.is_map()) {
      errors_.add(root.location(), "", "the file must be a map of keys (key: value)");
      return Node::map();
    }
    const Node* extends = root.find("extends");
    if (!extends) return root;
    const SourceLocation extends_at = root.key_location("extends");
    if (!extends->is_scalar() || extends->text().empty()) {
      errors_.add(extends_at, "extends", "must be the name of a YAML file");
      root.erase("extends");
      return root;
    }
    const std::string base_path = normalize_path(extends->text(), extends->location());
    chain_.push_back(canonical);
    names_.push_back(path);
    Node base = load(base_path, extends_at);
    chain_.pop_back();
    names_.pop_back();
    root.erase("extends");
    merge_into(base, root);
    return base;
  }

 private:
  ErrorList& errors_;
  std::vector<std::string> chain_;  // canonical paths, for cycle detection
  std::vector<std::string> names_;  // the same files as named, for messages
};

}  // namespace

Node parse_yaml(const std::string& text, const std::string& file_name, ErrorList& errors) {
  Node out;
  parse_into(text, file_name, errors, out);
  return out;
}

Node load_yaml_file(const std::string& path, ErrorList& errors) { return ExtendsResolver(errors).load(path, {}); }

void merge_into(Node& base, const Node& overrides) {
  if (!(base.is_map() && overrides.is_map())) {
    base = overrides;
    return;
  }
  for (const auto& [key, value] : overrides.entries()) {
    Node* existing = base.find(key);
    if (existing && existing->is_map() && value.is_map()) {
      Node merged = std::move(*existing);
      merge_into(merged, value);
      base.set(key, std::move(merged), overrides.key_location(key));
    } else {
      base.set(key, value, overrides.key_location(key));
    }
  }
  if (!overrides.location().file.empty()) base.set_location(overrides.location());
}

std::string normalize_path(const std::string& relative, const SourceLocation& from) {
  const std::filesystem::path p(relative);
  if (p.is_absolute() || from.file.empty()) return p.lexically_normal().string();
  return (std::filesystem::path(from.file).parent_path() / p).lexically_normal().string();
}

}  // namespace reformsim::config
