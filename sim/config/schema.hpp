#pragma once
// Parameter declarations: every key declared once with type, unit, range, default and a one-line
// description. Validation, default filling, the JSON Schema and the Markdown parameter table all derive from them.
//
//   Spec::object({{"beds", Spec::integer()->min(1)->def(100)->unit("beds")->doc("staffed beds")}})
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/config/node.hpp"

namespace reformsim::config {

class Spec;
/// Declarations are shared (a list's item spec, a section reused in several places) and built fluently.
using SpecPtr = std::shared_ptr<Spec>;

/// The kinds of value a declaration can describe. Any = an unchecked subtree (checked later by its user).
enum class ValueType { Integer, Real, Boolean, String, Enum, Path, Object, Array, Map, Any };

/// Which values of another format the keys of a key-path map (Spec::key_paths()) may name.
enum class KeyPaths {
  /// Any declared value: a section, a list, a list item ("hospitals[0]") or a leaf.
  Any,
  /// Numbers (integers and reals) outside lists: what a fit varies.
  Numbers,
  /// Numbers anywhere, list items included ("shocks[1].annual_growth"): what a sampled design draws.
  AnyNumbers,
};

/// One field of an object: the key and its declaration. Required iff the spec has no default and is not optional.
struct Field {
  /// The YAML key.
  std::string key;
  /// What the key holds.
  SpecPtr spec;
};

/// The declaration of one value. Builders modify the spec and return it (shared_from_this), so they chain.
class Spec : public std::enable_shared_from_this<Spec> {
 public:
  /// A whole number (integral reals such as 1e5 are accepted).
  static SpecPtr integer();
  /// A finite number.
  static SpecPtr real();
  /// true or false (also True/False; never yes/no/on/off).
  static SpecPtr boolean();
  /// Any scalar text.
  static SpecPtr string();
  /// One of `values`.
  static SpecPtr enumeration(std::vector<std::string> values);
  /// A file path; validation rewrites it relative to the directory of the file that wrote it.
  static SpecPtr path();
  /// An object with known fields; unknown keys are errors.
  static SpecPtr object(std::vector<Field> fields);
  /// A list whose items are declared by `item`.
  static SpecPtr array(SpecPtr item);
  /// Free-form keys (checked by key_pattern() if given), each value declared by `value`.
  static SpecPtr map_of(SpecPtr value);
  /// Any YAML value, not checked here (whoever uses it validates it later).
  static SpecPtr any();

  /// Sets the one-line description.
  SpecPtr doc(std::string one_line);
  /// Sets the unit ("yuan", "days", "per person-year", "fraction").
  SpecPtr unit(std::string u);
  /// Inclusive lower bound.
  SpecPtr min(double v);
  /// Inclusive upper bound.
  SpecPtr max(double v);
  /// Inclusive bounds [lo, hi].
  SpecPtr range(double lo, double hi);
  /// Exclusive lower bound.
  SpecPtr greater_than(double v);
  /// Exclusive upper bound.
  SpecPtr less_than(double v);
  /// Fewest list items.
  SpecPtr min_items(std::size_t n);
  /// Most list items.
  SpecPtr max_items(std::size_t n);
  /// Default number (printed in shortest round-trip form).
  SpecPtr def(double v);
  /// Default integer.
  SpecPtr def(std::int64_t v);
  /// Default integer.
  SpecPtr def(int v);
  /// Default boolean.
  SpecPtr def(bool v);
  /// Default text (enum value, string, path).
  SpecPtr def(std::string v);
  /// Default text (so a string literal does not pick def(bool)).
  SpecPtr def(const char* v);
  /// Default tree, for lists and objects.
  SpecPtr def_node(Node v);
  /// May be absent with no default; the reader checks presence with has(). An explicit null counts as absent.
  SpecPtr optional();
  /// For strings: "" is a value (free text). Without it a string must not be empty: names, codes and
  /// references mean nothing empty, and an empty prefix would match every code.
  SpecPtr allow_empty();
  /// For map_of: keys must satisfy `ok`; `description` completes "key must be …" in messages.
  SpecPtr key_pattern(std::string description, std::function<bool(const std::string&)> ok);
  /// For map_of: the keys are key paths (sim/config/key_path.hpp) into another format, as an experiment's `set:`
  /// names scenario keys. Validation leaves them to whoever applies them (the other format's validator then
  /// checks the result); the JSON Schema, given that format, admits only the paths it declares, and where the value
  /// spec is Any (or a list of Any), checks each path's value against the declaration it names.
  SpecPtr key_paths(KeyPaths which = KeyPaths::Any);

  /// The kind of value.
  ValueType type() const { return type_; }
  /// The one-line description.
  const std::string& description() const { return description_; }
  /// The unit (empty when unitless).
  const std::string& unit() const { return unit_; }
  /// The unit (same as unit()).
  const std::string& unit_name() const { return unit_; }
  /// Lower bound, if any.
  std::optional<double> lower() const { return lower_; }
  /// Upper bound, if any.
  std::optional<double> upper() const { return upper_; }
  /// The lower bound is exclusive.
  bool lower_exclusive() const { return lower_exclusive_; }
  /// The upper bound is exclusive.
  bool upper_exclusive() const { return upper_exclusive_; }
  /// Fewest list items, if limited.
  std::optional<std::size_t> min_item_count() const { return min_items_; }
  /// Most list items, if limited.
  std::optional<std::size_t> max_item_count() const { return max_items_; }
  /// Allowed values of an enumeration.
  const std::vector<std::string>& enum_values() const { return enum_values_; }
  /// Fields of an object, in declaration order.
  const std::vector<Field>& fields() const { return fields_; }
  /// The spec of an object field, or nullptr.
  const Spec* field(const std::string& key) const;
  /// Item spec of a list, value spec of a map_of (null otherwise).
  const SpecPtr& item() const { return item_; }
  /// The default, if any (its nodes have no source file, so they print as "<default>").
  const std::optional<Node>& default_value() const { return default_; }
  /// Declared optional().
  bool is_optional() const { return optional_; }
  /// A string that may be "" (allow_empty()).
  bool empty_allowed() const { return empty_allowed_; }
  /// Neither a default nor optional: the key must be written (objects may still be filled, see validate()).
  bool is_required() const { return !default_ && !optional_; }
  /// Description of the key pattern of a map_of ("a hospital name").
  const std::string& key_pattern_description() const { return key_pattern_description_; }
  /// The key check of a map_of (empty function = any key).
  const std::function<bool(const std::string&)>& key_check() const { return key_check_; }
  /// For a key-path map: which values of the other format its keys may name (nullopt: free-form keys).
  std::optional<KeyPaths> key_path_kind() const { return key_paths_; }
  /// Human name of the type for messages ("a number", "an integer", "one of fast, slow", …).
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
  bool empty_allowed_ = false;
  std::string key_pattern_description_;
  std::function<bool(const std::string&)> key_check_;
  std::optional<KeyPaths> key_paths_;
};

/// Text of a number as it appears in defaults and messages: whole numbers without exponent (1000000), others in
/// shortest round-trip form (0.1, 2.5e-07).
std::string format_number(double v);

}  // namespace reformsim::config
