#include "sim/config/read.hpp"

#include <charconv>
#include <stdexcept>

namespace reformsim::config {

const Node& get_child(const Node& object, std::string_view key) {
  const Node* n = object.find(key);
  if (!n) throw std::logic_error("configuration key '" + std::string(key) + "' is absent after validation");
  return *n;
}

bool has(const Node& object, std::string_view key) { return object.find(key) != nullptr; }

double as_real(const Node& scalar) {
  const std::string& t = scalar.text();
  double v = 0;
  const char* begin = t.data() + (!t.empty() && t[0] == '+' ? 1 : 0);
  auto [end, ec] = std::from_chars(begin, t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size()) throw std::logic_error("not a number: '" + t + "'");
  return v;
}

std::int64_t as_int(const Node& scalar) {
  const std::string& t = scalar.text();
  std::int64_t v = 0;
  const char* begin = t.data() + (!t.empty() && t[0] == '+' ? 1 : 0);
  auto [end, ec] = std::from_chars(begin, t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size()) throw std::logic_error("not an integer: '" + t + "'");
  return v;
}

double get_real(const Node& object, std::string_view key) { return as_real(get_child(object, key)); }
std::int64_t get_int(const Node& object, std::string_view key) { return as_int(get_child(object, key)); }

bool get_bool(const Node& object, std::string_view key) {
  const std::string& t = get_child(object, key).text();
  return t == "true" || t == "True" || t == "TRUE";
}

const std::string& get_string(const Node& object, std::string_view key) { return get_child(object, key).text(); }

}  // namespace reformsim::config
