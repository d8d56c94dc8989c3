#pragma once
// The payment rules of a run: for each simulated year, one rule object per method in force (built up front by the
// registered methods) and the rule that pays each hospital — the same for all, or a pilot's for the hospitals a
// switch names — the ones in force from each 1 January, and their part in the month and year ends.
#include <memory>
#include <vector>

#include "agents/payer/fund_books.hpp"
#include "agents/payment/payment_rule.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// The rules in force and their yearly cycle.
class PaymentCycle final : public Component {
 public:
  PaymentCycle(RunContext& run, FundBooks& books);
  /// The rule that pays hospital `hospital` now.
  PaymentRule& rule(std::size_t hospital) { return *year().of_hospital[hospital]; }
  const PaymentRule& rule(std::size_t hospital) const { return *year().of_hospital[hospital]; }
  /// The rule that pays hospital `hospital` in reported year `year`.
  const PaymentRule& rule_of_year(int year, std::size_t hospital) const {
    return *years_[static_cast<std::size_t>(year)].of_hospital[hospital];
  }
  /// True when a rule in force now has a pot of its own (it replaces the regional global budget).
  bool any_rule_has_own_pot() const;

  void on_year_start(int year, sim::Simulation& sim) override;
  void on_month_end(std::size_t month, double now) override;
  void on_year_end(int year, double now) override;
  /// Year 1's rules are used again after a warm-up year: fresh ones, so no year's points or totals carry over.
  void on_warmup_year_end() override;

 private:
  /// The rules of one year: one per method in force, the hospitals each pays, and each hospital's.
  struct YearRules {
    std::vector<std::unique_ptr<PaymentRule>> rules;
    std::vector<std::vector<std::size_t>> paid_by;  ///< per rule, the hospitals it pays
    std::vector<PaymentRule*> of_hospital;
  };
  YearRules rules_for(int year) const;
  const YearRules& year() const { return years_[static_cast<std::size_t>(current_)]; }

  RunContext& run_;
  FundBooks& books_;
  std::vector<YearRules> years_;
  int current_ = 0;
};

}  // namespace reformsim::agents
