#pragma once
// Small builders shared by the scenario declarations: default values as Node trees, per-tier lists and per-scheme
// pairs.
#include <string>
#include <utility>
#include <vector>

#include "agents/scenario/scenario_config.hpp"
#include "sim/config/binding.hpp"
#include "sim/config/node.hpp"
#include "sim/config/schema.hpp"

namespace reformsim::agents::schema {

using config::Binding;
using config::Field;
using config::Node;
using config::Spec;
using config::SpecPtr;

inline Node scalar(const std::string& text) { return Node::scalar(text); }

inline Node map_of(std::vector<std::pair<std::string, std::string>> entries) {
  Node m = Node::map();
  for (auto& [k, v] : entries) m.set(k, scalar(v));
  return m;
}

inline Node list_of(std::vector<Node> items) {
  Node s = Node::sequence();
  for (auto& n : items) s.push_back(std::move(n));
  return s;
}

inline Node numbers(std::vector<std::string> values) {
  Node s = Node::sequence();
  for (auto& v : values) s.push_back(scalar(v));
  return s;
}

inline SpecPtr per_tier(SpecPtr item, std::vector<std::string> defaults, std::string doc, std::string unit) {
  return Spec::array(item)
      ->min_items(3)
      ->max_items(3)
      ->def_node(numbers(std::move(defaults)))
      ->doc(std::move(doc) + " (tiers 1, 2, 3)")
      ->unit(std::move(unit));
}

/// An `{employee: …, resident: …}` object of two numbers (a generic pair: its docs are the two specs').
inline Binding<PerScheme<double>> per_scheme(SpecPtr employee, SpecPtr resident) {
  return Binding<PerScheme<double>>("")
      .field("employee", &PerScheme<double>::employee, std::move(employee))
      .field("resident", &PerScheme<double>::resident, std::move(resident));
}

/// A probability in [0, 1] with a default.
inline SpecPtr probability(double def, std::string doc) {
  return Spec::real()->range(0, 1)->def(def)->unit("probability")->doc(std::move(doc));
}

}  // namespace reformsim::agents::schema
