#pragma once
// The interface every provider payment method implements; chosen by `payment.method` through the registry.
#include <memory>
#include <string>
#include <vector>

#include "agents/payment/settlement.hpp"
#include "agents/scenario/scenario_config.hpp"

namespace reformsim::agents {

/// A provider payment rule: settles one inpatient claim. Stateless per case; built once per run.
class PaymentRule {
 public:
  virtual ~PaymentRule() = default;
  /// Settles a claim; the fund pays settlement − patient share (never below zero).
  virtual Settlement settle(const Claim& claim) const = 0;
  /// The scenario name of the method ("ffs", "drg").
  virtual const char* name() const = 0;
};

/// Builds the rule for `method` from the scenario's parameters (see payment_registry.cpp).
std::unique_ptr<PaymentRule> make_payment_rule(PaymentMethod method, const ScenarioConfig& scenario);
/// The rule of simulated year `year_index` (new technologies, recalibrated weights); `weight_factor` per group.
std::unique_ptr<PaymentRule> make_payment_rule(PaymentMethod method, const ScenarioConfig& scenario, int year_index,
                                               const std::vector<double>& weight_factor);

/// Fund payment for a settlement amount: the fund pays what the patient did not, and never claws back per case.
double fund_payment_for(double settlement_yuan, double patient_share_yuan);

}  // namespace reformsim::agents
