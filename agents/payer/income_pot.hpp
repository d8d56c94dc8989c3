#pragma once
// The pot a bureau sets from the fund's income (以收定支): one rule for the regional global budget and the DIP pot.
#include <optional>

#include "agents/scenario/payment_config.hpp"

namespace reformsim::agents {

/// The pot of a year whose expected contributions are `expected_income_yuan`, given the previous year's pot (none
/// in the first year of the rule): income × (1 − surplus_share) × pot_share + adjustment, capped by growth_cap over
/// the previous pot (when it was positive), and never below zero.
double income_pot_yuan(const IncomePotConfig& rule, double expected_income_yuan,
                       std::optional<double> previous_pot_yuan);

}  // namespace reformsim::agents
