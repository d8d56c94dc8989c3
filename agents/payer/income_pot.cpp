#include "agents/payer/income_pot.hpp"

#include <algorithm>

namespace reformsim::agents {

double income_pot_yuan(const IncomePotConfig& rule, double expected_income_yuan,
                       std::optional<double> previous_pot_yuan) {
  double pot = expected_income_yuan * (1.0 - rule.surplus_share) * rule.pot_share + rule.adjustment_yuan;
  // A previous pot of 0 (income that bought nothing) caps nothing: growth from 0 is not defined.
  if (rule.growth_cap && previous_pot_yuan && *previous_pot_yuan > 0)
    pot = std::min(pot, *previous_pot_yuan * (1.0 + *rule.growth_cap));
  return std::max(0.0, pot);
}

}  // namespace reformsim::agents
