#include "sim/config/validate.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "sim/config/closest_name.hpp"
#include "sim/config/scalar_text.hpp"
#include "sim/config/yaml_loader.hpp"

namespace reformsim::config {

namespace {

// "1 item", "3 items".
std::string items(std::size_t n) { return std::to_string(n) + (n == 1 ? " item" : " items"); }

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

// The closest declared key within edit distance 2 (the first in declaration order on ties), or "".
std::string suggestion(const std::string& key, const Spec& s) {
  std::vector<std::string> keys;
  for (const Field& f : s.fields()) keys.push_back(f.key);
  return closest_name(key, keys);
}

std::string describe(const Node& n) {
  switch (n.kind()) {
    case Node::Kind::Null:
      return "nothing";
    case Node::Kind::Map:
      return "a map";
    case Node::Kind::Sequence:
      return "a list";
    case Node::Kind::Scalar:
      return "'" + n.text() + "'";
  }
  return "?";
}

// "in [0, 1]", "in (0, 1]", "> 0", "<= 10".
std::string range_text(const Spec& s) {
  const auto lo = s.lower(), hi = s.upper();
  if (lo && hi) {
    return std::string("in ") + (s.lower_exclusive() ? "(" : "[") + format_number(*lo) + ", " + format_number(*hi) +
           (s.upper_exclusive() ? ")" : "]");
  }
  if (lo) return std::string(s.lower_exclusive() ? "> " : ">= ") + format_number(*lo);
  return std::string(s.upper_exclusive() ? "< " : "<= ") + format_number(*hi);
}

// Why a value that reads well is still rejected: quotes make it a string.
template <typename T>
std::string quoted_hint(const Node& n, const std::optional<T>& parsed_unquoted) {
  return n.quoted() && parsed_unquoted ? " (quoted, so a string: remove the quotes)" : "";
}

bool in_range(const Spec& s, double v) {
  if (const auto lo = s.lower(); lo && (s.lower_exclusive() ? !(v > *lo) : !(v >= *lo))) return false;
  if (const auto hi = s.upper(); hi && (s.upper_exclusive() ? !(v < *hi) : !(v <= *hi))) return false;
  return true;
}

class Validator {
 public:
  explicit Validator(ErrorList& errors) : errors_(errors) {}

  Node check(const Node& n, const Spec& s, const std::string& path) {
    switch (s.type()) {
      case ValueType::Any:
        return n;
      case ValueType::Object:
        return object(n, s, path);
      case ValueType::Array:
        return array(n, s, path);
      case ValueType::Map:
        return map(n, s, path);
      default:
        return scalar(n, s, path);
    }
  }

 private:
  // Input keys are checked in the order they were written (so errors follow the file); the output lists the
  // declared fields in declaration order, then missing keys are reported and defaults filled.
  Node object(const Node& n, const Spec& s, const std::string& path) {
    if (!n.is_map() && !n.is_null()) {
      errors_.add(n.location(), path, "expected a map of keys, got " + describe(n));
      return Node::map(n.location());
    }
    std::vector<std::optional<Node>> given(s.fields().size());
    for (const auto& [key, value] : n.entries()) {
      const auto known =
          std::find_if(s.fields().begin(), s.fields().end(), [&name = key](const Field& f) { return f.key == name; });
      if (known == s.fields().end()) {
        std::string message = "unknown key '" + key + "'";
        if (const std::string best = suggestion(key, s); !best.empty()) message += "; did you mean '" + best + "'?";
        errors_.add(n.key_location(key), join(path, key), message);
        continue;
      }
      const Spec& field = *known->spec;
      if (value.is_null() && field.is_optional() && !field.default_value()) continue;  // null = absent
      given[static_cast<std::size_t>(known - s.fields().begin())] = check(value, field, join(path, key));
    }
    Node out = Node::map(n.location());
    for (std::size_t i = 0; i < s.fields().size(); ++i) {
      const Field& f = s.fields()[i];
      if (given[i]) {
        out.set(f.key, std::move(*given[i]), n.key_location(f.key));
      } else if (f.spec->default_value()) {
        out.set(f.key, check(*f.spec->default_value(), *f.spec, join(path, f.key)));
      } else if (f.spec->type() == ValueType::Object && !f.spec->is_optional()) {
        // An absent section is filled from its defaults; its own missing required keys are reported inside.
        out.set(f.key, check(Node::null(n.location()), *f.spec, join(path, f.key)), n.location());
      } else if (f.spec->is_required()) {
        errors_.add(n.location(), path, "missing required key '" + f.key + "'");
      }
    }
    return out;
  }

  Node array(const Node& n, const Spec& s, const std::string& path) {
    if (!n.is_sequence()) {
      errors_.add(n.location(), path, "expected a list, got " + describe(n));
      return Node::sequence(n.location());
    }
    const std::size_t count = n.items().size();
    if (s.min_item_count() && count < *s.min_item_count()) {
      errors_.add(n.location(), path,
                  "needs at least " + items(*s.min_item_count()) + ", got " + std::to_string(count));
    }
    if (s.max_item_count() && count > *s.max_item_count()) {
      errors_.add(n.location(), path, "takes at most " + items(*s.max_item_count()) + ", got " + std::to_string(count));
    }
    Node out = Node::sequence(n.location());
    for (std::size_t i = 0; i < count; ++i) {
      out.push_back(check(n.items()[i], *s.item(), path + "[" + std::to_string(i) + "]"));
    }
    return out;
  }

  Node map(const Node& n, const Spec& s, const std::string& path) {
    if (!n.is_map() && !n.is_null()) {
      errors_.add(n.location(), path, "expected a map, got " + describe(n));
      return Node::map(n.location());
    }
    Node out = Node::map(n.location());
    for (const auto& [key, value] : n.entries()) {
      if (s.key_check() && !s.key_check()(key)) {
        errors_.add(n.key_location(key), join(path, key), "key must be " + s.key_pattern_description());
      }
      out.set(key, check(value, *s.item(), join(path, key)), n.key_location(key));
    }
    return out;
  }

  void number_in_range(const Node& n, const Spec& s, const std::string& path, double v) {
    if (!in_range(s, v)) errors_.add(n.location(), path, "must be " + range_text(s) + ", got " + n.text());
  }

  Node scalar(const Node& n, const Spec& s, const std::string& path) {
    if (!n.is_scalar()) {
      errors_.add(n.location(), path, "expected " + s.type_name() + ", got " + describe(n));
      return n;
    }
    const std::string& t = n.text();
    switch (s.type()) {
      case ValueType::Integer: {
        const std::optional<std::int64_t> v = n.quoted() ? std::nullopt : parse_int(t);
        if (!v) {
          errors_.add(n.location(), path, "expected an integer, got " + describe(n) + quoted_hint(n, parse_int(t)));
        } else {
          number_in_range(n, s, path, static_cast<double>(*v));
        }
        return n;
      }
      case ValueType::Real: {
        const std::optional<double> v = n.quoted() ? std::nullopt : parse_real(t);
        if (!v) {
          errors_.add(n.location(), path, "expected a number, got " + describe(n) + quoted_hint(n, parse_real(t)));
        } else {
          number_in_range(n, s, path, *v);
        }
        return n;
      }
      case ValueType::Boolean:
        if (n.quoted() || !parse_bool(t)) {
          errors_.add(n.location(), path, "expected true or false, got " + describe(n) + quoted_hint(n, parse_bool(t)));
        }
        return n;
      case ValueType::Enum: {
        const auto& values = s.enum_values();
        if (std::find(values.begin(), values.end(), t) == values.end()) {
          std::string allowed;
          for (const std::string& v : values) allowed += (allowed.empty() ? "" : ", ") + v;
          errors_.add(n.location(), path, "must be one of " + allowed + "; got " + describe(n));
        }
        return n;
      }
      case ValueType::Path:
        if (t.empty()) {
          errors_.add(n.location(), path, "expected a file path, got nothing");
          return n;
        }
        return Node::scalar(normalize_path(t, n.location()), n.location(), true);
      default:  // String
        if (t.empty() && !s.empty_allowed()) errors_.add(n.location(), path, "expected a non-empty string, got \"\"");
        return n;
    }
  }

  ErrorList& errors_;
};

}  // namespace

Node validate(const Node& input, const Spec& spec, ErrorList& errors, const std::string& root_path) {
  return Validator(errors).check(input, spec, root_path);
}

}  // namespace reformsim::config
