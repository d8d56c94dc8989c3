#include "sim/config/json_schema.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace reformsim::config {

namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// A default value as JSON, typed by the spec.
std::string json_value(const Node& n, const Spec* s) {
  if (n.is_map()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [k, v] : n.entries()) {
      const Spec* child = nullptr;
      if (s && s->type() == ValueType::Object) {
        for (const Field& f : s->fields()) {
          if (f.key == k) child = f.spec.get();
        }
      }
      out += (first ? "" : ", ") + json_string(k) + ": " + json_value(v, child);
      first = false;
    }
    return out + "}";
  }
  if (n.is_sequence()) {
    std::string out = "[";
    for (std::size_t i = 0; i < n.items().size(); ++i) {
      out += (i ? ", " : "") + json_value(n.items()[i], s && s->item() ? s->item().get() : nullptr);
    }
    return out + "]";
  }
  if (n.is_null()) return "null";
  if (s && (s->type() == ValueType::Integer || s->type() == ValueType::Real || s->type() == ValueType::Boolean)) {
    return n.text() == "True" || n.text() == "TRUE"     ? "true"
           : n.text() == "False" || n.text() == "FALSE" ? "false"
                                                        : n.text();
  }
  // Untyped numbers stay numbers.
  char* end = nullptr;
  std::strtod(n.text().c_str(), &end);
  if (!n.quoted() && !n.text().empty() && end && *end == '\0') return n.text();
  return json_string(n.text());
}

void emit(const Spec& s, std::string& out, int indent);

// Whether a field must be written: sections are filled from defaults unless something inside is required.
bool must_be_present(const Spec& s) {
  if (!s.is_required()) return false;
  if (s.type() != ValueType::Object) return true;
  for (const Field& f : s.fields()) {
    if (must_be_present(*f.spec)) return true;
  }
  return false;
}

void line(std::string& out, int indent, const std::string& text, bool comma = true) {
  out += std::string(static_cast<std::size_t>(indent), ' ') + text + (comma ? ",\n" : "\n");
}

void emit(const Spec& s, std::string& out, int indent) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  out += "{\n";
  const int in = indent + 2;
  if (!s.description().empty()) {
    std::string d = s.description();
    if (!s.unit_name().empty()) d += " [" + s.unit_name() + "]";
    line(out, in, "\"description\": " + json_string(d));
  }
  if (s.default_value()) line(out, in, "\"default\": " + json_value(*s.default_value(), &s));
  switch (s.type()) {
    case ValueType::Integer:
    case ValueType::Real:
      line(out, in, std::string("\"type\": ") + (s.type() == ValueType::Integer ? "\"integer\"" : "\"number\""));
      if (auto lo = s.lower()) {
        line(out, in,
             std::string(s.lower_exclusive() ? "\"exclusiveMinimum\": " : "\"minimum\": ") + format_number(*lo));
      }
      if (auto hi = s.upper()) {
        line(out, in,
             std::string(s.upper_exclusive() ? "\"exclusiveMaximum\": " : "\"maximum\": ") + format_number(*hi));
      }
      break;
    case ValueType::Boolean:
      line(out, in, "\"type\": \"boolean\"");
      break;
    case ValueType::String:
    case ValueType::Path:
      line(out, in, "\"type\": \"string\"");
      break;
    case ValueType::Enum: {
      std::string values;
      for (const std::string& v : s.enum_values()) values += (values.empty() ? "" : ", ") + json_string(v);
      line(out, in, "\"enum\": [" + values + "]");
      break;
    }
    case ValueType::Object: {
      line(out, in, "\"type\": \"object\"");
      line(out, in, "\"additionalProperties\": false");
      std::string required;
      for (const Field& f : s.fields()) {
        if (must_be_present(*f.spec)) required += (required.empty() ? "" : ", ") + json_string(f.key);
      }
      if (!required.empty()) line(out, in, "\"required\": [" + required + "]");
      out += std::string(static_cast<std::size_t>(in), ' ') + "\"properties\": {\n";
      for (std::size_t i = 0; i < s.fields().size(); ++i) {
        out += std::string(static_cast<std::size_t>(in + 2), ' ') + json_string(s.fields()[i].key) + ": ";
        emit(*s.fields()[i].spec, out, in + 2);
        out += i + 1 < s.fields().size() ? ",\n" : "\n";
      }
      out += std::string(static_cast<std::size_t>(in), ' ') + "},\n";
      break;
    }
    case ValueType::Array:
      line(out, in, "\"type\": \"array\"");
      if (s.min_item_count()) line(out, in, "\"minItems\": " + std::to_string(*s.min_item_count()));
      if (s.max_item_count()) line(out, in, "\"maxItems\": " + std::to_string(*s.max_item_count()));
      out += std::string(static_cast<std::size_t>(in), ' ') + "\"items\": ";
      emit(*s.item(), out, in);
      out += ",\n";
      break;
    case ValueType::Map:
      line(out, in, "\"type\": \"object\"");
      out += std::string(static_cast<std::size_t>(in), ' ') + "\"additionalProperties\": ";
      emit(*s.item(), out, in);
      out += ",\n";
      break;
    case ValueType::Any:
      break;
  }
  // Drop the trailing comma of the last member.
  if (out.size() >= 2 && out[out.size() - 2] == ',') out.erase(out.size() - 2, 1);
  out += pad + "}";
}

}  // namespace

std::string to_json_schema(const Spec& spec, const std::string& title) {
  std::string body;
  emit(spec, body, 0);
  // Insert the schema header members after the opening brace.
  const std::string header =
      "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"title\": " + json_string(title) +
      (body.size() > 3 ? ",\n" : "\n");
  return header + body.substr(2) + "\n";
}

}  // namespace reformsim::config
