#pragma once
// A provider payment method as a plug-in: its name, its scenario section `payment.<name>` and the rule
// it puts in force each simulated year. Adding a method is one file pair implementing this interface, one line in
// payment_registry.cpp and one test file; the schema, the `--method` of `settle` and `audit`, and the docs list the
// registered methods.
#include <memory>
#include <string>
#include <vector>

#include "agents/payment/payment_rule.hpp"
#include "agents/scenario/scenario_config.hpp"
#include "sim/config/binding.hpp"
#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"
#include "sim/config/schema.hpp"

namespace reformsim::agents {

/// One payment method.
class PaymentMethod {
 public:
  virtual ~PaymentMethod() = default;
  /// The scenario name ("ffs", "drg", …).
  virtual std::string name() const = 0;
  /// One line for `--help`, the schema and the docs.
  virtual std::string description() const = 0;
  /// The declaration of `payment.<name>`, or nullptr when the method has no parameters.
  virtual config::SpecPtr section() const { return nullptr; }
  /// The binding of that section's fields, for documentation checks (nullptr when there is no section).
  virtual std::shared_ptr<const config::BindingInfo> section_fields() const { return nullptr; }
  /// The parameters read from the validated section (only called when section() is not null).
  virtual std::shared_ptr<MethodParameters> load(const config::Node& /*section*/) const { return nullptr; }
  /// Completes and checks the parameters once the case catalogue is loaded (group codes, data files); `used` says
  /// whether the method is in force in some year. Errors are located in `root`, the validated scenario.
  virtual void resolve(const config::Node& /*root*/, ScenarioConfig& /*scenario*/, bool /*used*/,
                       config::ErrorList& /*errors*/) const {}
  /// What the scenario lacks for this method to be used (e.g. a data file), or "" when it can be.
  virtual std::string missing(const ScenarioConfig& /*scenario*/) const { return ""; }
  /// Names of settlement types this method adds to the core ones (they extend the settlement_type output axis).
  virtual std::vector<std::string> settlement_types() const { return {}; }
  /// The rule in force in simulated year `year_index`.
  virtual std::unique_ptr<PaymentRule> rule(const ScenarioConfig& scenario, int year_index,
                                            const std::vector<double>& cost_factor) const = 0;
};

}  // namespace reformsim::agents
