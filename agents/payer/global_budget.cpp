#include "agents/payer/global_budget.hpp"

#include <algorithm>

namespace reformsim::agents {

double banded_share(double ratio, const std::vector<ShareBand>& bands) {
  double total = 0;
  for (const ShareBand& b : bands) {
    const double overlap = std::min(ratio, b.to) - b.from;
    if (overlap > 0) total += b.share * overlap;
  }
  return total;
}

BudgetSettlement settle_against_budget(double budget_yuan, double actual_yuan, const GlobalBudgetConfig& config) {
  BudgetSettlement s;
  s.budget_yuan = budget_yuan;
  s.actual_yuan = actual_yuan;
  if (budget_yuan <= 0) return s;
  if (actual_yuan < budget_yuan) {
    const double surplus = budget_yuan - actual_yuan;
    s.retained_surplus_yuan = banded_share(surplus / budget_yuan, config.surplus_retention) * budget_yuan;
  } else if (actual_yuan > budget_yuan) {
    const double overspend = actual_yuan - budget_yuan;
    s.fund_covered_overspend_yuan = banded_share(overspend / budget_yuan, config.overspend_sharing) * budget_yuan;
    s.hospital_borne_overspend_yuan = overspend - s.fund_covered_overspend_yuan;
  }
  return s;
}

}  // namespace reformsim::agents
