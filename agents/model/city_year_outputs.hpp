#pragma once
// Declared outputs of the whole city per year (/years/* care outcomes): what a before/after or
// difference-in-differences evaluation compares, year by year.
#include <vector>

#include "agents/model/declared_metric.hpp"

namespace reformsim::agents {

/// Appends the city-wide yearly care outcomes: volumes, cost and out-of-pocket per case, LOS, CMI, the
/// consumption indices against their reference year, waits and hospital margin.
void add_city_year_metrics(std::vector<outputs::Declared>& d);

}  // namespace reformsim::agents
