#include "sim/config/json_schema.hpp"

#include <cctype>
#include <cstdio>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/config/scalar_text.hpp"

namespace reformsim::config {

namespace {

// A JSON object under construction: members with values already rendered at the object's indentation.
using Members = std::vector<std::pair<std::string, std::string>>;

std::string render(const Members& members, int indent) {
  if (members.empty()) return "{}";
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  std::string out = "{\n";
  for (std::size_t i = 0; i < members.size(); ++i) {
    out += pad + "  " + double_quoted(members[i].first) + ": " + members[i].second;
    out += i + 1 < members.size() ? ",\n" : "\n";
  }
  return out + pad + "}";
}

std::string json_number(double v) { return format_number(v); }

// A default value as JSON, typed by its spec (null spec = untyped: numbers stay numbers).
std::string json_value(const Node& n, const Spec* s) {
  if (n.is_null()) return "null";
  if (n.is_map()) {
    std::string out = "{";
    for (std::size_t i = 0; i < n.entries().size(); ++i) {
      const auto& [k, v] = n.entries()[i];
      const Spec* child = !s ? nullptr : s->type() == ValueType::Object ? s->field(k) : s->item().get();
      out += (i ? ", " : "") + double_quoted(k) + ": " + json_value(v, child);
    }
    return out + "}";
  }
  if (n.is_sequence()) {
    std::string out = "[";
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      out += (i ? ", " : "") + json_value(n.items()[i], s ? s->item().get() : nullptr);
    }
    return out + "]";
  }
  const ValueType t = s ? s->type() : ValueType::Any;
  if (t == ValueType::Boolean) {
    if (const auto b = parse_bool(n.text())) return *b ? "true" : "false";
  }
  const bool numeric = t == ValueType::Integer || t == ValueType::Real || (t == ValueType::Any && !n.quoted());
  if (numeric) {
    if (const auto v = parse_real(n.text())) return json_number(*v);
  }
  return double_quoted(n.text());
}

// Whether a key must be written: absent sections are filled from defaults unless something inside is required.
bool must_be_present(const Spec& s) {
  if (!s.is_required()) return false;
  if (s.type() != ValueType::Object) return true;
  for (const Field& f : s.fields()) {
    if (must_be_present(*f.spec)) return true;
  }
  return false;
}

bool contains_any(const Spec& s) {
  if (s.type() == ValueType::Any) return true;
  if (s.item() && contains_any(*s.item())) return true;
  for (const Field& f : s.fields()) {
    if (contains_any(*f.spec)) return true;
  }
  return false;
}

// A key as a JSON pointer token inside a URI fragment ("~" and "/" escaped, then anything unusual %-encoded).
std::string pointer_token(const std::string& key) {
  std::string out;
  for (const unsigned char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else if (std::isalnum(c) || c == '_' || c == '-' || c == '.') {
      out += static_cast<char>(c);
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    }
  }
  return out;
}

// A key as a literal in a regular expression (valid in ECMA-262 unicode mode and in Python alike).
std::string regex_literal(const std::string& key) {
  std::string out;
  for (const char c : key) {
    if (std::string_view("^$\\.*+?()[]{}|/").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// One key path of the format key-path maps refer to (sim/config/key_path.hpp's grammar).
struct PathEntry {
  std::string key;       // the path ("payment.drg.base_rate_yuan"), or an anchored regex when `pattern`
  bool pattern = false;  // it has a list index or a free-form map key
  bool in_list = false;  // it goes through a list item
  std::string pointer;   // JSON pointer of its declaration below $defs/<format> (empty: below an Any)
  const Spec* spec = nullptr;
};

// Every path below `s`: each object field, each list item ([N]) and map key, and anything below an Any.
void collect_paths(const Spec& s, const std::string& text, const std::string& regex, const std::string& pointer,
                   bool pattern, bool in_list, std::vector<PathEntry>& out) {
  const auto add = [&](const Spec& child, const std::string& child_text, const std::string& child_regex,
                       const std::string& child_pointer, bool child_pattern, bool child_in_list) {
    out.push_back(
        {child_pattern ? "^" + child_regex + "$" : child_text, child_pattern, child_in_list, child_pointer, &child});
    collect_paths(child, child_text, child_regex, child_pointer, child_pattern, child_in_list, out);
  };
  const std::string dot_text = text.empty() ? "" : text + ".";
  const std::string dot_regex = regex.empty() ? "" : regex + "\\.";
  switch (s.type()) {
    case ValueType::Object:
      for (const Field& f : s.fields()) {
        add(*f.spec, dot_text + f.key, dot_regex + regex_literal(f.key),
            pointer + "/properties/" + pointer_token(f.key), pattern, in_list);
      }
      break;
    case ValueType::Array:
      add(*s.item(), text + "[N]", regex + "\\[[0-9]+\\]", pointer + "/items", true, true);
      break;
    case ValueType::Map:
      add(*s.item(), dot_text + "KEY", dot_regex + "[^.\\[\\]]+", pointer + "/additionalProperties", true, in_list);
      break;
    case ValueType::Any:
      // Not declared here: whatever is below is checked by the value's user.
      out.push_back({"^" + (regex.empty() ? std::string(".+") : regex + "[.\\[].*") + "$", true, in_list, "", nullptr});
      break;
    default:
      break;
  }
}

class Writer {
 public:
  explicit Writer(const KeyPathFormat& format) : format_(format) {
    if (format_.spec) collect_paths(*format_.spec, "", "", "", false, false, paths_);
  }

  // The root of a file: `extends` first among the properties, the required keys only for a file without it, and
  // the format key paths refer to, when a key-path map refers to it.
  std::string root(const Spec& s) {
    if (s.type() != ValueType::Object) return schema_of(s, 0, true);
    const SpecPtr extends = Spec::path()->optional()->doc(
        "a file whose keys this file inherits and overrides (relative to this file): maps merge key by key, lists "
        "and scalars replace");
    std::vector<Field> fields = s.fields();
    fields.insert(fields.begin(), Field{"extends", extends});
    std::string body = schema_of(*Spec::object(std::move(fields))->doc(s.description()), 0, true);
    // body ends with "\n}": add members at the end.
    body.erase(body.size() - 2);
    if (const Members required = required_keys(s, 2); !required.empty()) {
      body += ",\n  \"if\": {\"required\": [\"extends\"]},\n  \"else\": " + render(required, 2);
    }
    if (format_used_) {
      Members defs;
      const std::string described =
          "the " + format_.name +
          " format, whose values key paths name (a value given at a key path replaces what is there whole, so a "
          "section's required keys apply)";
      const KeyPathFormat format = format_;
      format_ = {};  // its own key-path maps, if any, stay plain maps
      std::string embedded = schema_of(*format.spec, 4, false);
      format_ = format;
      if (format.spec->description().empty()) {
        const std::string member = "\"description\": " + double_quoted(described);
        embedded = embedded == "{}" ? "{" + member + "}" : "{\n      " + member + "," + embedded.substr(1);
      }
      defs.emplace_back(format_.name, embedded);
      body += ",\n  \"$defs\": " + render(defs, 2);
    }
    return body + "\n}";
  }

 private:
  std::string render(const Members& members, int indent) const {
    if (members.empty()) return "{}";
    if (one_line_) {
      std::string out = "{";
      for (std::size_t i = 0; i < members.size(); ++i) {
        out += (i ? ", " : "") + double_quoted(members[i].first) + ": " + members[i].second;
      }
      return out + "}";
    }
    return config::render(members, indent);
  }

  // `merged`: the value lies where an `extends:` chain merges maps key by key — the root, and what object fields
  // and map values lead to from it (list items are replaced whole). Such objects do not list `required` here: a
  // file with `extends:` may inherit those keys, so the root states them once, for files without it
  // (required_keys()).
  std::string schema_of(const Spec& s, int indent, bool merged) {
    Members m;
    if (!s.description().empty()) {
      m.emplace_back("description", double_quoted(s.description() + (s.unit().empty() ? "" : " [" + s.unit() + "]")));
    }
    switch (s.type()) {
      case ValueType::Integer:
      case ValueType::Real:
        m.emplace_back("type", s.type() == ValueType::Integer ? "\"integer\"" : "\"number\"");
        if (const auto lo = s.lower())
          m.emplace_back(s.lower_exclusive() ? "exclusiveMinimum" : "minimum", json_number(*lo));
        if (const auto hi = s.upper())
          m.emplace_back(s.upper_exclusive() ? "exclusiveMaximum" : "maximum", json_number(*hi));
        break;
      case ValueType::Boolean:
        m.emplace_back("type", "\"boolean\"");
        break;
      case ValueType::String:
      case ValueType::Path:
        m.emplace_back("type", "\"string\"");
        if (s.type() == ValueType::Path || !s.empty_allowed()) m.emplace_back("minLength", "1");
        break;
      case ValueType::Enum: {
        std::string values;
        for (const std::string& v : s.enum_values()) values += (values.empty() ? "" : ", ") + double_quoted(v);
        m.emplace_back("type", "\"string\"");
        m.emplace_back("enum", "[" + values + "]");
        break;
      }
      case ValueType::Object: {
        m.emplace_back("type", "\"object\"");
        m.emplace_back("additionalProperties", "false");
        std::string required;
        Members properties;
        for (const Field& f : s.fields()) {
          if (must_be_present(*f.spec)) required += (required.empty() ? "" : ", ") + double_quoted(f.key);
          properties.emplace_back(f.key, schema_of(*f.spec, indent + 4, merged));
        }
        if (!required.empty() && !merged) m.emplace_back("required", "[" + required + "]");
        m.emplace_back("properties", render(properties, indent + 2));
        break;
      }
      case ValueType::Array:
        m.emplace_back("type", "\"array\"");
        if (s.min_item_count()) m.emplace_back("minItems", std::to_string(*s.min_item_count()));
        if (s.max_item_count()) m.emplace_back("maxItems", std::to_string(*s.max_item_count()));
        m.emplace_back("items", schema_of(*s.item(), indent + 2, false));
        break;
      case ValueType::Map:
        m.emplace_back("type", "\"object\"");
        if (s.key_path_kind() && format_.spec) {
          key_path_map(s, indent, merged, m);
        } else {
          m.emplace_back("additionalProperties", schema_of(*s.item(), indent + 2, merged));
        }
        break;
      case ValueType::Any:
        if (!any_ref_.empty()) m.emplace_back("$ref", double_quoted(any_ref_));
        break;
    }
    if (s.default_value()) m.emplace_back("default", json_value(*s.default_value(), &s));
    return render(m, indent);
  }

  // Keys that are key paths into the format. A value spec with an Any in it (a value, a list of values) becomes a
  // table with one entry per path, the Any standing for the declaration the path names; any other value spec is
  // the same for every key, and propertyNames lists the paths.
  void key_path_map(const Spec& s, int indent, bool merged, Members& m) {
    format_used_ = true;
    std::vector<const PathEntry*> paths;
    for (const PathEntry& p : paths_) {
      const ValueType t = p.spec ? p.spec->type() : ValueType::Any;  // an Any may hold a number
      const bool number = t == ValueType::Integer || t == ValueType::Real || t == ValueType::Any;
      const KeyPaths kind = *s.key_path_kind();
      if (kind == KeyPaths::Any || (number && (kind == KeyPaths::AnyNumbers || !p.in_list))) paths.push_back(&p);
    }
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    if (!contains_any(*s.item())) {
      std::string names, patterns;
      for (const PathEntry* p : paths) {
        if (p->pattern) {
          patterns += ", {\"pattern\": " + double_quoted(p->key) + "}";
        } else {
          names += (names.empty() ? "" : ",\n") + pad + "      " + double_quoted(p->key);
        }
      }
      const std::string enumeration = "{\n" + pad + "    \"enum\": [\n" + names + "\n" + pad + "    ]\n" + pad + "  }";
      m.emplace_back("propertyNames", patterns.empty() ? enumeration : "{\"anyOf\": [" + enumeration + patterns + "]}");
      m.emplace_back("additionalProperties", schema_of(*s.item(), indent + 2, merged));
      return;
    }
    m.emplace_back("additionalProperties", "false");
    Members exact, patterned;
    for (const PathEntry* p : paths) {
      any_ref_ = p->pointer.empty() ? "" : "#/$defs/" + pointer_token(format_.name) + p->pointer;
      ++one_line_;
      std::string entry = schema_of(*s.item(), 0, false);
      --one_line_;
      (p->pattern ? patterned : exact).emplace_back(p->key, entry);
    }
    any_ref_.clear();
    if (!exact.empty()) m.emplace_back("properties", render(exact, indent + 2));
    if (!patterned.empty()) m.emplace_back("patternProperties", render(patterned, indent + 2));
  }

  // The `required` lists schema_of() leaves out of merged objects, nested as the objects are: what a file without
  // `extends:` must write ("required" here, "properties"/"additionalProperties" for the sections below).
  Members required_keys(const Spec& s, int indent) const {
    Members m;
    if (s.type() == ValueType::Map) {
      const Members inside = required_keys(*s.item(), indent + 2);
      if (!inside.empty()) m.emplace_back("additionalProperties", render(inside, indent + 2));
      return m;
    }
    if (s.type() != ValueType::Object) return m;
    std::string required;
    Members properties;
    for (const Field& f : s.fields()) {
      if (must_be_present(*f.spec)) required += (required.empty() ? "" : ", ") + double_quoted(f.key);
      const Members inside = required_keys(*f.spec, indent + 4);
      if (!inside.empty()) properties.emplace_back(f.key, render(inside, indent + 4));
    }
    if (!required.empty()) m.emplace_back("required", "[" + required + "]");
    if (!properties.empty()) m.emplace_back("properties", render(properties, indent + 2));
    return m;
  }

  KeyPathFormat format_;
  std::vector<PathEntry> paths_;
  bool format_used_ = false;
  std::string any_ref_;  // while writing a key-path entry: what its Any stands for
  int one_line_ = 0;     // while writing a key-path entry: objects on one line
};

}  // namespace

std::string to_json_schema(const Spec& spec, const std::string& title, const KeyPathFormat& key_paths) {
  const std::string body = Writer(key_paths).root(spec);
  std::string header =
      "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"title\": " + double_quoted(title);
  // body is "{}" or "{\n  ...\n}": splice the header members in front of the spec's own members.
  if (body == "{}") return header + "\n}\n";
  return header + ",\n" + body.substr(2) + "\n";
}

}  // namespace reformsim::config
