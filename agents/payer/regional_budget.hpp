#pragma once
// The regional global budget (总额预算) in a run: at each year end the budget — fixed, last year's inpatient
// spending × (1 + growth cap), or a pot from the year's expected income (agents/payer/income_pot.hpp) — is split over
// the hospitals (by last year's spending, by beds in the first year) and each is settled against its share with surplus
// retention and overspend sharing, in the years of rules without a pot of their own. Built only when
// `payment.global_budget.mode` is set.
#include <optional>
#include <vector>

#include "agents/payer/fund_books.hpp"
#include "agents/payment/payment_cycle.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// Year-end settlement of each hospital against its share of the regional budget.
class RegionalBudget final : public Component {
 public:
  RegionalBudget(RunContext& run, FundBooks& books, const PaymentCycle& payment);
  void on_year_end(int year, double now) override;

 private:
  /// The regional budget of `year`, if one applies.
  std::optional<double> budget_of(int year) const;
  RunContext& run_;
  FundBooks& books_;
  const PaymentCycle& payment_;
  double previous_inpatient_expenditure_yuan_ = 0;  ///< fund inpatient spending of the previous year
  std::vector<double> previous_inpatient_share_;    ///< each hospital's share of it
};

}  // namespace reformsim::agents
