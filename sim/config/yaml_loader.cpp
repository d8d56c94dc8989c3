#include "sim/config/yaml_loader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sim/config/input_file.hpp"

namespace reformsim::config {

namespace {

// yaml-cpp marks are 0-based (and -1 when unknown); ours are 1-based with 0 for unknown.
SourceLocation at(const std::string& file, const YAML::Mark& mark) {
  return {file, mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0};
}

// Thrown inside the event handler to stop reading a file that broke a limit (already reported).
struct StopReading {};

// Builds our Node tree from yaml-cpp's parse events. Working from events (rather than yaml-cpp's node graph)
// gives control over what the graph hides: a recursive alias is refused instead of recursing forever, aliases are
// expanded against a budget (a kilobyte "alias bomb" would otherwise expand to gigabytes), a copy made by an alias
// is located at the alias, duplicate keys are named by their full path, and a second document is noticed.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& text, const std::string& file, ErrorList& errors)
      : text_(text), file_(file), errors_(errors) {}

  std::optional<Node> take_root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      fail(at(file_, mark), "",
           "a second YAML document ('---' after the first): a file holds exactly one scenario, experiment or fit; "
           "put each in its own file");
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    count(1, mark);
    finish(Node::null(at(file_, mark)), anchor, 1, 0, mark);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      // Known to yaml-cpp but not complete: the alias is inside the value its anchor names.
      fail(at(file_, mark), path(), "the alias refers to the value that contains it (a recursive alias)");
    }
    count(it->second.values, mark);
    // The copy nests as deep as its anchor's value, wherever the alias stands.
    if (stack_.size() + it->second.depth > kMaxYamlDepth) {
      fail(at(file_, mark), path(), "nested more than " + std::to_string(kMaxYamlDepth) + " levels deep");
    }
    Node copy = it->second.node;
    copy.relocate(at(file_, mark));
    finish(std::move(copy), YAML::NullAnchor, it->second.values, it->second.depth, mark);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    count(1, mark);
    // yaml-cpp tags quoted scalars "!" (non-specific) and plain ones "?".
    const bool quoted = tag == "!";
    if (quoted) check_quote_on_one_line(mark);
    finish(Node::scalar(value, at(file_, mark), quoted), anchor, 1, 0, mark);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Node::sequence(at(file_, mark)), anchor, mark);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Node::map(at(file_, mark)), anchor, mark);
  }
  void OnMapEnd() override { close(); }

 private:
  // A map or sequence being built. For a map, `key` holds the key whose value comes next.
  struct Frame {
    Node node;
    YAML::anchor_t anchor = YAML::NullAnchor;
    std::size_t values_before = 0;
    std::optional<Node> key;
    std::size_t depth_below = 0;  // nesting of the deepest child so far
    YAML::Mark mark;
    bool key_usable = true;
    std::unordered_set<std::string> keys;
  };
  struct Anchored {
    Node node;
    std::size_t values = 0;
    std::size_t depth = 0;
  };

  [[noreturn]] void fail(SourceLocation where, std::string key_path, std::string message) {
    errors_.add(std::move(where), std::move(key_path), std::move(message));
    throw StopReading{};
  }

  void count(std::size_t values, const YAML::Mark& mark) {
    values_ += values;
    if (values_ > kMaxYamlValues) {
      fail(at(file_, mark), path(),
           "more than " + std::to_string(kMaxYamlValues) +
               " values once aliases are expanded: a file this large (or an alias that repeats itself) is refused");
    }
  }

  void open(Node node, YAML::anchor_t anchor, const YAML::Mark& mark) {
    count(1, mark);
    if (stack_.size() >= kMaxYamlDepth) {
      fail(at(file_, mark), path(), "nested more than " + std::to_string(kMaxYamlDepth) + " levels deep");
    }
    Frame frame;
    frame.node = std::move(node);
    frame.anchor = anchor;
    frame.values_before = values_ - 1;
    frame.mark = mark;
    stack_.push_back(std::move(frame));
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    finish(std::move(frame.node), frame.anchor, values_ - frame.values_before, frame.depth_below + 1, frame.mark);
  }

  // A complete value: remembered under its anchor, then placed into its parent.
  void finish(Node node, YAML::anchor_t anchor, std::size_t values, std::size_t depth, const YAML::Mark& mark) {
    if (anchor != YAML::NullAnchor) {
      count(values, mark);  // the stored copy is memory too: anchors nested around aliases would copy it again
      anchors_[anchor] = Anchored{node, values, depth};
    }
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& parent = stack_.back();
    parent.depth_below = std::max(parent.depth_below, depth);
    if (parent.node.is_sequence()) {
      parent.node.push_back(std::move(node));
      return;
    }
    if (!parent.key) {
      parent.key_usable = node.is_scalar() && !node.text().empty();
      if (!parent.key_usable)
        errors_.add(node.location(), path(), "map keys must be plain names (not empty, not lists or maps)");
      parent.key = std::move(node);
      return;
    }
    Node key = std::move(*parent.key);
    parent.key.reset();
    if (!parent.key_usable) return;
    if (parent.keys.size() >= kMaxYamlMapKeys) {
      fail(key.location(), path(), "a map with more than " + std::to_string(kMaxYamlMapKeys) + " keys");
    }
    if (!parent.keys.insert(key.text()).second) {
      errors_.add(key.location(), path_with(key.text()), "duplicate key '" + key.text() + "'");
      return;
    }
    parent.node.append_new(key.text(), std::move(node), key.location());
  }

  // The key path of the value being read: "a.b[2].c".
  std::string path() const {
    std::string p;
    for (const Frame& f : stack_) {
      if (f.node.is_sequence()) {
        p += '[';
        p += std::to_string(f.node.items().size());
        p += ']';
      } else if (f.key) {
        if (!p.empty()) p += '.';
        p += f.key->text();
      }
    }
    return p;
  }
  std::string path_with(const std::string& key) const {
    const std::string p = path();
    return p.empty() ? key : p + "." + key;
  }

  // YAML lets a quoted scalar run over several lines, so a missing closing quote silently swallows the lines after
  // it until the next quote. Configuration text never needs that (block scalars `|` and `>` are for long text).
  void check_quote_on_one_line(const YAML::Mark& mark) {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text_.size()) return;
    std::size_t start = static_cast<std::size_t>(mark.pos);
    // The mark of `&name "x"` or `!!str 'x'` is at the anchor or tag: the quote follows them.
    while (start < text_.size() && (text_[start] == '&' || text_[start] == '!')) {
      while (start < text_.size() && text_[start] != ' ' && text_[start] != '\t' && text_[start] != '\n') ++start;
      while (start < text_.size() && (text_[start] == ' ' || text_[start] == '\t')) ++start;
    }
    if (start >= text_.size()) return;
    const char quote = text_[start];
    if (quote != '"' && quote != '\'') return;
    for (std::size_t i = start + 1; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '\n') {
        errors_.add(at(file_, mark), path(),
                    std::string("a quoted value runs past the end of its line (a missing closing ") + quote +
                        "?); write text over several lines as a block scalar (| or >)");
        return;
      }
      if (quote == '"' && c == '\\') {
        ++i;  // an escaped character, possibly a quote
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;  // '' is a quote inside single quotes
        } else {
          return;
        }
      }
    }
  }

  const std::string& text_;
  const std::string& file_;
  ErrorList& errors_;
  std::vector<Frame> stack_;
  std::optional<Node> root_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::size_t values_ = 0;
  int documents_ = 0;
};

// The line of byte `pos` (1-based).
int line_of(const std::string& text, std::size_t pos) {
  int line = 1;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// Parses; false when the text is not a usable tree (a syntax error or a broken limit, already reported). Duplicate
// keys and non-scalar keys still give a usable tree.
bool parse_into(std::string text, const std::string& file_name, ErrorList& errors, Node& out) {
  out = Node::null({file_name, 0, 0});
  // Spreadsheet and Windows editors write a UTF-8 byte-order mark; it is not part of the content.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
    errors.add({file_name, line_of(text, nul), 0}, "", "the file contains a NUL byte: it is not a YAML text file");
    return false;
  }
  std::istringstream stream(text);
  TreeBuilder builder(text, file_name, errors);
  try {
    YAML::Parser parser(stream);
    // The loop reads past the first document only to notice a second one, which the builder refuses.
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const StopReading&) {
    return false;
  } catch (const YAML::Exception& e) {
    errors.add(at(file_name, e.mark), "", "YAML syntax error: " + e.msg);
    return false;
  }
  if (std::optional<Node> root = builder.take_root()) out = std::move(*root);
  return true;
}

// One file of an extends chain. `chain` holds the canonical paths of the files that extend this one.
class ExtendsResolver {
 public:
  explicit ExtendsResolver(ErrorList& errors) : errors_(errors) {}

  // `requested_at`/`key` locate what named the file (an `extends:` or a caller's key); empty for the top file.
  Node load(const std::string& path, const SourceLocation& requested_at, const std::string& key) {
    std::error_code ec;
    const std::string canonical = std::filesystem::weakly_canonical(path, ec).string();
    const bool top = requested_at.file.empty();
    for (std::size_t i = 0; i < chain_.size(); ++i) {
      if (chain_[i] != canonical) continue;
      std::string cycle;
      for (std::size_t j = i; j < names_.size(); ++j) cycle += names_[j] + " -> ";
      errors_.add(requested_at, key, "extends cycle: " + cycle + path);
      return Node::map();
    }
    std::string problem;
    std::optional<std::string> text = read_input_file(path, kMaxYamlFileBytes, problem);
    if (!text) {
      errors_.add(top ? SourceLocation{path, 0, 0} : requested_at, key, problem);
      return Node::map();
    }
    Node root;
    if (!parse_into(std::move(*text), path, errors_, root)) return Node::map();
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
    Node base = load(base_path, extends_at, "extends");
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

Node load_yaml_file(const std::string& path, ErrorList& errors) { return ExtendsResolver(errors).load(path, {}, ""); }

Node load_yaml_file(const std::string& path, ErrorList& errors, const SourceLocation& named_at,
                    const std::string& key) {
  return ExtendsResolver(errors).load(path, named_at, key);
}

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
