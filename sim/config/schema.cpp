#include "sim/config/schema.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

namespace reformsim::config {

std::string format_number(double v) {
  // Whole numbers print without exponent or decimals (1000000, not 1e+06).
  if (std::abs(v) < 1e15 && v == std::floor(v)) return std::to_string(static_cast<long long>(v));
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(v);
}

SpecPtr Spec::integer() { return SpecPtr(new Spec(ValueType::Integer)); }
SpecPtr Spec::real() { return SpecPtr(new Spec(ValueType::Real)); }
SpecPtr Spec::boolean() { return SpecPtr(new Spec(ValueType::Boolean)); }
SpecPtr Spec::string() { return SpecPtr(new Spec(ValueType::String)); }
SpecPtr Spec::path() { return SpecPtr(new Spec(ValueType::Path)); }
SpecPtr Spec::any() { return SpecPtr(new Spec(ValueType::Any)); }

SpecPtr Spec::enumeration(std::vector<std::string> values) {
  SpecPtr s(new Spec(ValueType::Enum));
  s->enum_values_ = std::move(values);
  return s;
}

SpecPtr Spec::object(std::vector<Field> fields) {
  SpecPtr s(new Spec(ValueType::Object));
  s->fields_ = std::move(fields);
  return s;
}

SpecPtr Spec::array(SpecPtr item) {
  SpecPtr s(new Spec(ValueType::Array));
  s->item_ = std::move(item);
  return s;
}

SpecPtr Spec::map_of(SpecPtr value) {
  SpecPtr s(new Spec(ValueType::Map));
  s->item_ = std::move(value);
  return s;
}

SpecPtr Spec::doc(std::string one_line) {
  description_ = std::move(one_line);
  return shared_from_this();
}
SpecPtr Spec::unit(std::string u) {
  unit_ = std::move(u);
  return shared_from_this();
}
SpecPtr Spec::min(double v) {
  lower_ = v;
  lower_exclusive_ = false;
  return shared_from_this();
}
SpecPtr Spec::max(double v) {
  upper_ = v;
  upper_exclusive_ = false;
  return shared_from_this();
}
SpecPtr Spec::range(double lo, double hi) {
  min(lo);
  return max(hi);
}
SpecPtr Spec::greater_than(double v) {
  lower_ = v;
  lower_exclusive_ = true;
  return shared_from_this();
}
SpecPtr Spec::less_than(double v) {
  upper_ = v;
  upper_exclusive_ = true;
  return shared_from_this();
}
SpecPtr Spec::min_items(std::size_t n) {
  min_items_ = n;
  return shared_from_this();
}
SpecPtr Spec::max_items(std::size_t n) {
  max_items_ = n;
  return shared_from_this();
}
SpecPtr Spec::def(double v) { return def_node(Node::scalar(format_number(v))); }
SpecPtr Spec::def(std::int64_t v) { return def_node(Node::scalar(std::to_string(v))); }
SpecPtr Spec::def(int v) { return def_node(Node::scalar(std::to_string(v))); }
SpecPtr Spec::def(bool v) { return def_node(Node::scalar(v ? "true" : "false")); }
SpecPtr Spec::def(std::string v) { return def_node(Node::scalar(std::move(v), {}, true)); }
SpecPtr Spec::def(const char* v) { return def(std::string(v)); }
SpecPtr Spec::def_node(Node v) {
  default_ = std::move(v);
  return shared_from_this();
}
SpecPtr Spec::optional() {
  optional_ = true;
  return shared_from_this();
}
SpecPtr Spec::allow_empty() {
  empty_allowed_ = true;
  return shared_from_this();
}
SpecPtr Spec::key_pattern(std::string description, std::function<bool(const std::string&)> ok) {
  key_pattern_description_ = std::move(description);
  key_check_ = std::move(ok);
  return shared_from_this();
}

SpecPtr Spec::key_paths(KeyPaths which) {
  key_paths_ = which;
  return shared_from_this();
}

const Spec* Spec::field(const std::string& key) const {
  for (const Field& f : fields_) {
    if (f.key == key) return f.spec.get();
  }
  return nullptr;
}

std::string Spec::type_name() const {
  switch (type_) {
    case ValueType::Integer:
      return "an integer";
    case ValueType::Real:
      return "a number";
    case ValueType::Boolean:
      return "true or false";
    case ValueType::String:
      return "a string";
    case ValueType::Enum: {
      std::string values;
      for (const std::string& v : enum_values_) values += (values.empty() ? "" : ", ") + v;
      return "one of " + values;
    }
    case ValueType::Path:
      return "a file path";
    case ValueType::Object:
      return "a map of keys";
    case ValueType::Array:
      return "a list";
    case ValueType::Map:
      return "a map";
    case ValueType::Any:
      return "any value";
  }
  return "a value";
}

}  // namespace reformsim::config
