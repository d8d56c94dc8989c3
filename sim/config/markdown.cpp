#include "sim/config/markdown.hpp"

namespace reformsim::config {

namespace {

// Table cells may not contain '|' or line breaks.
std::string cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string type_word(const Spec& s) {
  switch (s.type()) {
    case ValueType::Integer:
      return "integer";
    case ValueType::Real:
      return "number";
    case ValueType::Boolean:
      return "boolean";
    case ValueType::String:
      return "string";
    case ValueType::Path:
      return "path";
    case ValueType::Enum: {
      std::string v;
      for (const std::string& e : s.enum_values()) v += (v.empty() ? "" : " | ") + e;
      return v;
    }
    case ValueType::Object:
      return "map";
    case ValueType::Array:
      return "list";
    case ValueType::Map:
      return "map";
    case ValueType::Any:
      return "any";
  }
  return "";
}

// docs/parameters.md's tables are compared verbatim with this output (tests/integration/readme_test.cpp): keep the
// symbols stable ("(0, ∞)", "1–∞ items").
std::string range_text(const Spec& s) {
  std::string r;
  if (s.lower() || s.upper()) {
    if (s.lower()) {
      r.append(s.lower_exclusive() ? "(" : "[").append(format_number(*s.lower()));
    } else {
      r.append("(−∞");
    }
    r.append(", ");
    if (s.upper()) {
      r.append(format_number(*s.upper())).append(s.upper_exclusive() ? ")" : "]");
    } else {
      r.append("∞)");
    }
  }
  if (s.min_item_count() || s.max_item_count()) {
    if (!r.empty()) r += "; ";
    r += std::to_string(s.min_item_count().value_or(0)) + "–" +
         (s.max_item_count() ? std::to_string(*s.max_item_count()) : std::string("∞")) + " items";
  }
  return r;
}

std::string default_text(const Spec& s) {
  if (!s.default_value()) return s.is_required() ? "**required**" : "(optional)";
  const Node& d = *s.default_value();
  if (d.is_scalar()) return "`" + d.text() + "`";
  std::string y = d.to_yaml();
  if (y.size() > 60 || y.find('\n') != y.rfind('\n')) return "(see `reformsim schema`)";
  if (!y.empty() && y.back() == '\n') y.pop_back();
  return "`" + y + "`";
}

void rows(const Spec& s, const std::string& path, std::string& out) {
  if (s.type() == ValueType::Object) {
    for (const Field& f : s.fields()) rows(*f.spec, path.empty() ? f.key : path + "." + f.key, out);
    return;
  }
  out += "| `" + path + "` | " + cell(type_word(s)) + " | " + cell(s.unit()) + " | " + cell(default_text(s)) + " | " +
         cell(range_text(s)) + " | " + cell(s.description()) + " |\n";
  if (s.item() && s.item()->type() == ValueType::Object) {
    rows(*s.item(), s.type() == ValueType::Array ? path + "[]" : path + ".<key>", out);
  }
}

}  // namespace

std::string to_markdown_table(const Spec& spec, const std::string& root) {
  std::string out = "| key path | type | unit | default | range | description |\n|---|---|---|---|---|---|\n";
  rows(spec, root, out);
  return out;
}

}  // namespace reformsim::config
