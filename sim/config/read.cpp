#include "sim/config/read.hpp"

#include <stdexcept>

#include "sim/config/scalar_text.hpp"

namespace reformsim::config {

namespace {

const std::string& scalar_text(const Node& n, const char* wanted) {
  if (!n.is_scalar()) {
    throw std::logic_error(std::string("expected ") + wanted + " at " + n.location().to_string() +
                           ", found a non-scalar (was the tree validated?)");
  }
  return n.text();
}

[[noreturn]] void not_a(const char* wanted, const Node& n) {
  throw std::logic_error(std::string("not ") + wanted + ": '" + n.text() + "' at " + n.location().to_string() +
                         " (was the tree validated?)");
}

}  // namespace

const Node& get_child(const Node& object, std::string_view key) {
  const Node* n = object.find(key);
  if (!n) throw std::logic_error("configuration key '" + std::string(key) + "' is absent after validation");
  return *n;
}

bool has(const Node& object, std::string_view key) { return object.find(key) != nullptr; }

double as_real(const Node& scalar) {
  const auto v = parse_real(scalar_text(scalar, "a number"));
  if (!v) not_a("a number", scalar);
  return *v;
}

std::int64_t as_int(const Node& scalar) {
  const auto v = parse_int(scalar_text(scalar, "an integer"));
  if (!v) not_a("an integer", scalar);
  return *v;
}

double get_real(const Node& object, std::string_view key) { return as_real(get_child(object, key)); }

std::int64_t get_int(const Node& object, std::string_view key) { return as_int(get_child(object, key)); }

bool get_bool(const Node& object, std::string_view key) {
  const Node& n = get_child(object, key);
  const auto v = parse_bool(scalar_text(n, "true or false"));
  if (!v) not_a("a boolean", n);
  return *v;
}

const std::string& get_string(const Node& object, std::string_view key) {
  return scalar_text(get_child(object, key), "a string");
}

}  // namespace reformsim::config
