#pragma once
// Parameter declarations (habit 6): every key declared once with type, unit, range, default and a one-line
// description. Validation, default filling, the JSON Schema and the Markdown parameter table derive from them.
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/config/node.hpp"

namespace reformsim::config {

class Spec;
using SpecPtr = std::shared_ptr<Spec>;

enum class ValueType { Integer, Real, Boolean, String, Enum, Path, Object, Array, Map, Any };

/// One field of an object: the key and its declaration. Required iff the spec has no default and is not optional.
struct Field {
  std::string key;
  SpecPtr spec;
};

/// The declaration of one value. Builders return the same SpecPtr so they chain.
class Spec : public std::enable_shared_from_this<Spec> {
 public:
  static SpecPtr integer();
  static SpecPtr real();
  static SpecPtr boolean();
  static SpecPtr string();
  static SpecPtr enumeration(std::vector<std::string> values);
  /// A file path; validation rewrites it relative to the file that wrote it.
  static SpecPtr path();
  /// An object with known fields; unknown keys are errors.
  static SpecPtr object(std::vector<Field> fields);
  static SpecPtr array(SpecPtr item);
  /// Free-form keys, each value validated by `value`.
  static SpecPtr map_of(SpecPtr value);
  /// Any YAML value, checked later by whoever uses it.
  static SpecPtr any();

  SpecPtr doc(std::string one_line);
  SpecPtr unit(std::string u);
  SpecPtr min(double v);
  SpecPtr max(double v);
  SpecPtr range(double lo, double hi);
  SpecPtr greater_than(double v);
  SpecPtr less_than(double v);
  SpecPtr min_items(std::size_t n);
  SpecPtr max_items(std::size_t n);
  SpecPtr def(double v);
  SpecPtr def(std::int64_t v);
  SpecPtr def(int v);
  SpecPtr def(bool v);
  SpecPtr def(std::string v);
  SpecPtr def(const char* v);
  SpecPtr def_node(Node v);
  SpecPtr optional();
  SpecPtr key_pattern(std::string description, std::function<bool(const std::string&)> ok);

  ValueType type() const { return type_; }
  const std::string& description() const { return description_; }
  const std::string& unit_name() const { return unit_; }
  std::optional<double> lower() const { return lower_; }
  std::optional<double> upper() const { return upper_; }
  bool lower_exclusive() const { return lower_exclusive_; }
  bool upper_exclusive() const { return upper_exclusive_; }
  std::optional<std::size_t> min_item_count() const { return min_items_; }
  std::optional<std::size_t> max_item_count() const { return max_items_; }
  const std::vector<std::string>& enum_values() const { return enum_values_; }
  const std::vector<Field>& fields() const { return fields_; }
  const SpecPtr& item() const { return item_; }
  const std::optional<Node>& default_value() const { return default_; }
  bool is_optional() const { return optional_; }
  bool is_required() const { return !default_ && !optional_; }
  const std::string& key_pattern_description() const { return key_pattern_description_; }
  const std::function<bool(const std::string&)>& key_check() const { return key_check_; }
  /// Human name of the type for messages ("a number", "an integer", …).
  std::string type_name() const;

 private:
  explicit Spec(ValueType t) : type_(t) {}
  ValueType type_;
  std::string description_;
  std::string unit_;
  std::optional<double> lower_, upper_;
  bool lower_exclusive_ = false, upper_exclusive_ = false;
  std::optional<std::size_t> min_items_, max_items_;
  std::vector<std::string> enum_values_;
  std::vector<Field> fields_;
  SpecPtr item_;
  std::optional<Node> default_;
  bool optional_ = false;
  std::string key_pattern_description_;
  std::function<bool(const std::string&)> key_check_;
};

/// Text of a number as it appears in defaults and messages (shortest round-trip form).
std::string format_number(double v);

}  // namespace reformsim::config
