#pragma once
// The payment rules of a run: one rule object per simulated year, built up front by the registered methods, the one
// in force from each 1 January, and its part in the month and year ends.
#include <memory>
#include <vector>

#include "agents/payer/fund_books.hpp"
#include "agents/payment/payment_rule.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// The rule in force and its yearly cycle.
class PaymentCycle final : public Component {
 public:
  PaymentCycle(RunContext& run, FundBooks& books);
  /// The rule in force.
  PaymentRule& rule() { return *rule_; }
  const PaymentRule& rule() const { return *rule_; }
  /// The rule of reported year `year`.
  const PaymentRule& rule_of_year(int year) const { return *rules_[static_cast<std::size_t>(year)]; }

  void on_year_start(int year, sim::Simulation& sim) override;
  void on_month_end(std::size_t month, double now) override;
  void on_year_end(int year, double now) override;
  /// Year 1's rule is used again after a warm-up year: a fresh one, so no year's points or totals carry over.
  void on_warmup_year_end() override;

 private:
  std::unique_ptr<PaymentRule> rule_for(int year) const;
  RunContext& run_;
  FundBooks& books_;
  std::vector<std::unique_ptr<PaymentRule>> rules_;
  PaymentRule* rule_ = nullptr;
};

}  // namespace reformsim::agents
