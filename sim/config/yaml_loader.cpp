#include "sim/config/yaml_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace reformsim::config {

namespace {

SourceLocation at(const std::string& file, const YAML::Mark& mark) { return {file, mark.line + 1, mark.column + 1}; }

Node convert(const YAML::Node& y, const std::string& file, ErrorList& errors) {
  const SourceLocation where = at(file, y.Mark());
  switch (y.Type()) {
    case YAML::NodeType::Scalar:
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
          errors.add(key_where, "", "map keys must be plain names");
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

Node load_recursive(const std::string& path, ErrorList& errors, std::vector<std::string>& chain,
                    const SourceLocation& requested_at) {
  std::error_code ec;
  const std::string canonical = std::filesystem::weakly_canonical(path, ec).string();
  for (const std::string& seen : chain) {
    if (seen == canonical) {
      std::string cycle;
      for (const std::string& c : chain) cycle += c + " -> ";
      errors.add(requested_at, "extends", "extends cycle: " + cycle + canonical);
      return Node::map();
    }
  }
  std::ifstream in(path);
  if (!in) {
    errors.add(requested_at.file.empty() ? SourceLocation{path, 0, 0} : requested_at,
               requested_at.file.empty() ? "" : "extends", "cannot open file '" + path + "'");
    return Node::map();
  }
  std::stringstream text;
  text << in.rdbuf();
  const std::size_t before = errors.size();
  Node root = parse_yaml(text.str(), path, errors);
  if (errors.size() > before) return Node::map();
  if (root.is_null()) root = Node::map(root.location());
  if (!root.is_map()) {
    errors.add(root.location(), "", "the file must be a map of keys (key: value)");
    return Node::map();
  }
  const Node* extends = root.find("extends");
  if (!extends) return root;
  const SourceLocation extends_at = root.key_location("extends");
  if (!extends->is_scalar()) {
    errors.add(extends_at, "extends", "must be a file name");
    return Node::map();
  }
  const std::string base_path = normalize_path(extends->text(), extends->location());
  chain.push_back(canonical);
  Node base = load_recursive(base_path, errors, chain, extends_at);
  chain.pop_back();
  root.erase("extends");
  merge_into(base, root);
  return base;
}

}  // namespace

Node parse_yaml(const std::string& text, const std::string& file_name, ErrorList& errors) {
  try {
    const YAML::Node y = YAML::Load(text);
    return convert(y, file_name, errors);
  } catch (const YAML::Exception& e) {
    errors.add(at(file_name, e.mark), "", "YAML syntax error: " + e.msg);
    return Node::null({file_name, 0, 0});
  }
}

Node load_yaml_file(const std::string& path, ErrorList& errors) {
  std::vector<std::string> chain;
  return load_recursive(path, errors, chain, {});
}

void merge_into(Node& base, const Node& overrides) {
  if (base.is_map() && overrides.is_map()) {
    for (const auto& [key, value] : overrides.entries()) {
      Node* existing = base.find(key);
      if (existing && existing->is_map() && value.is_map()) {
        merge_into(*existing, value);
      } else {
        base.set(key, value, overrides.key_location(key));
      }
    }
    return;
  }
  base = overrides;
}

std::string normalize_path(const std::string& relative, const SourceLocation& from) {
  const std::filesystem::path p(relative);
  if (p.is_absolute() || from.file.empty()) return p.lexically_normal().string();
  return (std::filesystem::path(from.file).parent_path() / p).lexically_normal().string();
}

}  // namespace reformsim::config
