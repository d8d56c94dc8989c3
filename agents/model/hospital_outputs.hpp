#pragma once
// Declared outputs per hospital and year (/hospitals/*): care, money, budgets and settlements.
#include <vector>

#include "agents/model/declared_metric.hpp"

namespace reformsim::agents {

/// Appends the /hospitals datasets of care, revenue and cost, budgets, DIP and special cases.
void add_hospital_metrics(std::vector<outputs::Declared>& d);

}  // namespace reformsim::agents
