#include "agents/payer/income_pot.hpp"

#include <algorithm>

namespace reformsim::agents {

double income_pot_yuan(const IncomePotConfig& rule, double expected_income_yuan,
                       std::optional<double> previous_pot_yuan) {
  double pot = expected_income_yuan * (1.0 - rule.surplus_share) * rule.pot_share + rule.adjustment_yuan;
  if (rule.growth_cap && previous_pot_yuan) pot = std::min(pot, *previous_pot_yuan * (1.0 + *rule.growth_cap));
  return std::max(0.0, pot);
}

}  // namespace reformsim::agents
