#pragma once
// The rule a payment method puts in force for one simulated year: it settles claims, says whether it pays per case,
// and takes part in the year's cycle — quotas, points, clearing — through PaymentCycle.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/payment/settlement.hpp"

namespace reformsim::agents {

struct ScenarioConfig;
class RunContext;
class FundBooks;

/// What a rule needs at a month end or year end of a run: the period, the run's records and the fund's books.
struct PaymentPeriod {
  int year = 0;           ///< simulated year (0-based)
  std::size_t month = 0;  ///< month index from the start
  RunContext& run;
  FundBooks& books;
  const std::vector<std::size_t>& hospitals;  ///< the hospitals this rule pays this year
};

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
  /// What a claim lacks for this rule to settle it meaningfully (e.g. a length of stay where stays are paid by
  /// the day), or "" when it can be settled. A simulated claim always has what it needs; claims files are checked.
  virtual std::string claim_problem(const Claim& /*claim*/) const { return ""; }

  // Rules that pay claims in points at a floating point value (DIP, or a rule passing cases to it): what
  // `settle --point-value / --total-points / --clear` act on.
  /// True when some claims are paid in points.
  virtual bool pays_points() const { return false; }
  /// The point value the year's pot gives `total_points` (points × coefficients), or none when it has no pot.
  virtual std::optional<double> cleared_point_value(double /*total_points*/) const { return std::nullopt; }
  /// The same rule with its points valued at `point_value_yuan` (nullptr when it pays no points).
  virtual std::unique_ptr<PaymentRule> valued_at(double /*point_value_yuan*/) const { return nullptr; }

  // The rule's part in a running year (PaymentCycle calls these; each year has its own rule object).
  /// Settles a claim of `hospital` as paid: a quota the rule keeps decides `claim.special_case_allowed`, points
  /// accumulate. Default: settle().
  virtual Settlement pay(Claim& claim, std::size_t /*hospital*/) { return settle(claim); }
  /// Points an audit found undue leave the year's pool (DIP).
  virtual void withdraw_points(std::size_t /*hospital*/, double /*points*/) {}
  /// True when the rule comes with its own yearly pot, so no global budget applies in its years (DIP).
  virtual bool has_own_pot() const { return false; }
  /// Each month end (before December's year end): the rule's monthly records.
  virtual void on_month_end(PaymentPeriod& /*period*/) {}
  /// December, before the settlement: year-end clearing and what the hospitals keep.
  virtual void close_year(PaymentPeriod& /*period*/) {}
};

/// The rule of method `name` in simulated year `year_index`, built by the registered method (payment_registry.hpp);
/// `cost_factor` per group is the year's new-technology cost level (weights are recalibrated to it).
std::unique_ptr<PaymentRule> make_payment_rule(std::string_view name, const ScenarioConfig& scenario,
                                               int year_index = 0, const std::vector<double>& cost_factor = {});

/// Fund payment for a settlement amount: the fund pays what the patient did not, and never claws back per case.
double fund_payment_for(double settlement_yuan, double patient_share_yuan);

}  // namespace reformsim::agents
