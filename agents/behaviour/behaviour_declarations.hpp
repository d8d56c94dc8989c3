#pragma once
// Declarations of the `behaviour:` section, bound to BehaviourConfig. Every default switches the mechanisms off, so
// a scenario without the section runs exactly as before it existed.
#include <functional>
#include <string>

#include "agents/behaviour/behaviour_config.hpp"
#include "sim/config/binding.hpp"
#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"

namespace reformsim::agents {

/// The `behaviour:` section.
config::Binding<BehaviourConfig> behaviour_binding();
/// Its `strategy:` object.
config::Binding<StrategyConfig> strategy_binding();
/// Cross-field rules of the section (thresholds in order); `root` is the validated scenario.
void check_behaviour(const config::Node& root, const BehaviourConfig& behaviour, config::ErrorList& errors);

/// A field of one value per violation type, keyed by the violations' names, read into a PerViolation<T>.
template <class T, class Owner>
config::Binding<Owner>& per_violation_field(config::Binding<Owner>& binding, const std::string& key,
                                            PerViolation<T> Owner::*member,
                                            const std::function<config::SpecPtr(Violation)>& item, std::string doc) {
  std::vector<config::Field> fields;
  for (Violation v : all_violations()) fields.push_back({std::string(violation_name(v)), item(v)});
  return binding.custom(key, config::Spec::object(std::move(fields))->doc(std::move(doc)),
                        [member](const config::Node* value, Owner& out) {
                          for (Violation v : all_violations()) {
                            config::detail::assign(*value->find(violation_name(v)), (out.*member)[index_of(v)]);
                          }
                        });
}

/// Reports `upper_path` when `lower` exceeds `upper`: two thresholds in the wrong order.
void check_order(const config::Node& root, const std::string& lower_path, double lower, const std::string& upper_path,
                 double upper, config::ErrorList& errors);

}  // namespace reformsim::agents
