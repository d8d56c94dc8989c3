#pragma once
// The rule a payment method puts in force for one simulated year: it settles claims, says whether it pays per case,
// and (agents/payment/payment_year.hpp) takes part in the year's cycle — quotas, points, clearing.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "agents/payment/settlement.hpp"

namespace reformsim::agents {

struct ScenarioConfig;

/// One payment method's rule for one year. settle() is a pure function of the claim (re-settlement of violations,
/// the `settle` and `audit` commands); the rest is the rule's part in a running year.
class PaymentRule {
 public:
  virtual ~PaymentRule() = default;
  /// Settles a claim; the fund pays settlement − patient share (never below zero).
  virtual Settlement settle(const Claim& claim) const = 0;
  /// True when the rule pays per case or per day at a set price rather than per item, so that what a case costs
  /// can exceed what it brings in (patient selection pays only then).
  virtual bool bundles() const = 0;
};

/// The rule of method `name` in simulated year `year_index`, built by the registered method (payment_registry.hpp);
/// `cost_factor` per group is the year's new-technology cost level (weights are recalibrated to it).
std::unique_ptr<PaymentRule> make_payment_rule(std::string_view name, const ScenarioConfig& scenario,
                                               int year_index = 0, const std::vector<double>& cost_factor = {});

/// Fund payment for a settlement amount: the fund pays what the patient did not, and never claws back per case.
double fund_payment_for(double settlement_yuan, double patient_share_yuan);

}  // namespace reformsim::agents
