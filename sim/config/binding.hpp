#pragma once
// Declarations that also say where each value goes. A Binding<T> declares the fields of one YAML object
// — key, Spec (type, unit, range, default, one-line description) — and binds each to a member of T. From that one
// declaration come validation and defaults (spec()), the JSON Schema and the parameter table (spec() again), and
// the typed load into the struct (load()): a parameter is one declaration, one field and its use.
//
//   Binding<Ward>("Ward")
//       .field("beds", &Ward::beds, Spec::integer()->min(1)->def(10)->unit("beds")->doc("staffed beds"))
//       .field("when_full", &Ward::when_full, kWhenFull.spec()->def("queue")->doc("…"), kWhenFull)
//       .list("rooms", &Ward::rooms, room_binding(), [](SpecPtr s) { return s->min_items(1); });
//
// A field's YAML key is its member's name unless member() says otherwise, so the struct's doc comments can be
// checked against the declarations (see BindingInfo). Domain-free.
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "sim/config/node.hpp"
#include "sim/config/read.hpp"
#include "sim/config/scalar_text.hpp"
#include "sim/config/schema.hpp"
#include "sim/config/validate.hpp"

namespace reformsim::config {

/// A closed set of names for the values of an enum: the one table that both parses and names them.
template <class E>
class Choices {
 public:
  /// The options in the order they are listed in schemas and messages.
  Choices(std::initializer_list<std::pair<const char*, E>> options) {
    for (const auto& [name, value] : options) options_.emplace_back(name, value);
  }
  /// No options yet (add them with add()).
  Choices() = default;
  /// Adds an option (for choices known only at run time, e.g. registered names).
  void add(std::string name, E value) { options_.emplace_back(std::move(name), std::move(value)); }
  /// An enumeration Spec of the names (add def()/doc() to it).
  SpecPtr spec() const { return Spec::enumeration(names()); }
  /// The names, in order.
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& o : options_) out.push_back(o.first);
    return out;
  }
  /// The value named `name`; throws std::logic_error for a name validation should have refused.
  E parse(const std::string& name) const {
    for (const auto& [n, v] : options_) {
      if (n == name) return v;
    }
    throw std::logic_error("'" + name + "' is none of the declared choices (was the tree validated?)");
  }
  /// The name of `value`.
  const std::string& name(E value) const {
    for (const auto& [n, v] : options_) {
      if (v == value) return n;
    }
    throw std::logic_error("an enum value without a declared name");
  }

 private:
  std::vector<std::pair<std::string, E>> options_;
};

struct BindingInfo;

/// What a binding says of one of its fields (for documentation checks).
struct BoundField {
  std::string key;                            ///< the YAML key
  std::string member;                         ///< the struct member it fills (the key unless set otherwise)
  SpecPtr spec;                               ///< its declaration
  std::shared_ptr<const BindingInfo> nested;  ///< for objects and lists of objects: their binding
};

/// The declared shape of one bound struct: its name and fields.
struct BindingInfo {
  std::string type_name;
  std::vector<BoundField> fields;
};

namespace detail {

template <class M>
struct is_optional : std::false_type {};
template <class M>
struct is_optional<std::optional<M>> : std::true_type {};
template <class M>
struct is_vector : std::false_type {};
template <class M>
struct is_vector<std::vector<M>> : std::true_type {};
template <class M>
struct is_array : std::false_type {};
template <class M, std::size_t N>
struct is_array<std::array<M, N>> : std::true_type {};

/// The value of a validated scalar as an M (number, integer, boolean or text).
template <class M>
M scalar_as(const Node& n) {
  if constexpr (std::is_same_v<M, bool>) {
    const auto v = parse_bool(n.text());
    if (!v) throw std::logic_error("not a boolean: '" + n.text() + "' (was the tree validated?)");
    return *v;
  } else if constexpr (std::is_integral_v<M>) {
    return static_cast<M>(as_int(n));
  } else if constexpr (std::is_floating_point_v<M>) {
    return static_cast<M>(as_real(n));
  } else if constexpr (std::is_same_v<M, std::string>) {
    return n.text();
  } else {
    static_assert(sizeof(M) == 0, "no conversion from a scalar to this member type: bind it with custom()");
  }
}

/// A validated value (scalar, list of scalars, fixed array of scalars or optional scalar) as an M.
template <class M>
void assign(const Node& n, M& out) {
  if constexpr (is_optional<M>::value) {
    out = scalar_as<typename M::value_type>(n);
  } else if constexpr (is_vector<M>::value) {
    out.clear();
    for (const Node& item : n.items()) out.push_back(scalar_as<typename M::value_type>(item));
  } else if constexpr (is_array<M>::value) {
    if (n.items().size() != out.size()) {
      throw std::logic_error("expected " + std::to_string(out.size()) + " items at " + n.location().to_string() +
                             " (was the tree validated?)");
    }
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = scalar_as<typename M::value_type>(n.items()[i]);
  } else {
    out = scalar_as<M>(n);
  }
}

}  // namespace detail

/// The fields of one YAML object and the members of T they fill.
template <class T>
class Binding {
 public:
  /// Writes the value of its key (present after validation, or absent for an optional key) into a T.
  using Writer = std::function<void(const Node* value, T& out)>;

  /// `type_name` names T in documentation checks ("WageConfig").
  explicit Binding(std::string type_name) : info_(std::make_shared<BindingInfo>()) {
    info_->type_name = std::move(type_name);
  }

  /// A scalar member (number, integer, boolean, text), a list or fixed array of scalars, or an optional scalar
  /// (declare the spec optional(): an absent key leaves the member empty).
  template <class M>
  Binding& field(std::string key, M T::*member, SpecPtr spec) {
    return add(std::move(key), std::move(spec), nullptr, [member](const Node* v, T& out) {
      if (v && !v->is_null()) detail::assign(*v, out.*member);
    });
  }

  /// An enum member named by `choices` (its spec is choices.spec() with a default and a doc added).
  template <class E>
  Binding& field(std::string key, E T::*member, SpecPtr spec, const Choices<E>& choices) {
    return add(std::move(key), std::move(spec), nullptr, [member, choices](const Node* v, T& out) {
      if (v && !v->is_null()) out.*member = choices.parse(v->text());
    });
  }

  /// A nested object member bound by `nested`; `decorate` may add a doc or make it optional.
  template <class M>
  Binding& field(std::string key, M T::*member, const Binding<M>& nested,
                 const std::function<SpecPtr(SpecPtr)>& decorate = {}) {
    SpecPtr spec = nested.spec();
    if (decorate) spec = decorate(spec);
    return add(std::move(key), spec, nested.info(), [member, nested](const Node* v, T& out) {
      if (v && !v->is_null()) nested.load(*v, out.*member);
    });
  }

  /// A list of objects, each bound by `item`; `decorate` sets the list's limits, default and doc.
  template <class M>
  Binding& list(std::string key, std::vector<M> T::*member, const Binding<M>& item,
                const std::function<SpecPtr(SpecPtr)>& decorate = {}) {
    SpecPtr spec = Spec::array(item.spec());
    if (decorate) spec = decorate(spec);
    return add(std::move(key), spec, item.info(), [member, item](const Node* v, T& out) {
      (out.*member).clear();
      if (!v) return;
      for (const Node& n : v->items()) (out.*member).push_back(item.load(n));
    });
  }

  /// A field whose value needs code to land (a name resolved later, two members from one key): `write` gets the
  /// validated value, or nullptr when an optional key is absent.
  Binding& custom(std::string key, SpecPtr spec, Writer write) {
    return add(std::move(key), std::move(spec), nullptr, std::move(write));
  }
  /// The same for a value that another binding describes (its fields are documented by `nested`).
  Binding& custom(std::string key, SpecPtr spec, std::shared_ptr<const BindingInfo> nested, Writer write) {
    return add(std::move(key), std::move(spec), std::move(nested), std::move(write));
  }

  /// The member the last field fills, when its name differs from the key (for documentation checks).
  Binding& member(std::string name) {
    info_->fields.back().member = std::move(name);
    return *this;
  }

  /// The object declaration of all fields, in order.
  SpecPtr spec() const {
    std::vector<Field> fields;
    for (const BoundField& f : info_->fields) fields.push_back({f.key, f.spec});
    return Spec::object(std::move(fields));
  }

  /// Fills `out` from a tree validated against spec().
  void load(const Node& validated, T& out) const {
    for (std::size_t i = 0; i < writers_.size(); ++i) writers_[i](validated.find(info_->fields[i].key), out);
  }
  /// A T filled from a tree validated against spec().
  T load(const Node& validated) const {
    T out{};
    load(validated, out);
    return out;
  }

  /// The declared fields, for documentation checks.
  std::shared_ptr<const BindingInfo> info() const { return info_; }

 private:
  Binding& add(std::string key, SpecPtr spec, std::shared_ptr<const BindingInfo> nested, Writer write) {
    BoundField f;
    f.member = key;
    f.key = std::move(key);
    f.spec = std::move(spec);
    f.nested = std::move(nested);
    info_->fields.push_back(std::move(f));
    writers_.push_back(std::move(write));
    return *this;
  }

  std::shared_ptr<BindingInfo> info_;
  std::vector<Writer> writers_;
};

/// A T with every field at its declared default; throws std::logic_error when a field has no default.
template <class T>
T defaults_of(const Binding<T>& binding) {
  ErrorList errors;
  const Node validated = validate(Node::map(), *binding.spec(), errors);
  if (!errors.empty()) throw std::logic_error("no defaults for every field: " + errors.to_string());
  return binding.load(validated);
}

}  // namespace reformsim::config
