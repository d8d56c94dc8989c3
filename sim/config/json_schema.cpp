#include "sim/config/json_schema.hpp"

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

bool must_be_present(const Spec& s);

// `merged`: the value lies where an `extends:` chain merges maps key by key — the root, and what object fields and
// map values lead to from it (list items are replaced whole). Such objects do not list `required` here: a file
// with `extends:` may inherit those keys, so the root states them once, for files without it (root_required()).
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
      m.emplace_back("additionalProperties", schema_of(*s.item(), indent + 2, merged));
      break;
    case ValueType::Any:
      break;
  }
  if (s.default_value()) m.emplace_back("default", json_value(*s.default_value(), &s));
  return render(m, indent);
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

// The `required` lists schema_of() leaves out of merged objects, nested as the objects are: what a file without
// `extends:` must write ("required" here, "properties"/"additionalProperties" for the sections below).
Members required_keys(const Spec& s, int indent) {
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

// The root of a file: `extends` first among the properties, and the required keys only for a file without it.
std::string root_schema_of(const Spec& s) {
  if (s.type() != ValueType::Object) return schema_of(s, 0, true);
  const SpecPtr extends = Spec::path()->optional()->doc(
      "a file whose keys this file inherits and overrides (relative to this file): maps merge key by key, lists "
      "and scalars replace");
  std::vector<Field> fields = s.fields();
  fields.insert(fields.begin(), Field{"extends", extends});
  std::string body = schema_of(*Spec::object(std::move(fields))->doc(s.description()), 0, true);
  const Members required = required_keys(s, 2);
  if (required.empty()) return body;
  // body ends with "\n}": add the condition as the last members.
  body.erase(body.size() - 2);
  return body + ",\n  \"if\": {\"required\": [\"extends\"]},\n  \"else\": " + render(required, 2) + "\n}";
}

}  // namespace

std::string to_json_schema(const Spec& spec, const std::string& title) {
  const std::string body = root_schema_of(spec);
  std::string header =
      "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"title\": " + double_quoted(title);
  // body is "{}" or "{\n  ...\n}": splice the header members in front of the spec's own members.
  if (body == "{}") return header + "\n}\n";
  return header + ",\n" + body.substr(2) + "\n";
}

}  // namespace reformsim::config
