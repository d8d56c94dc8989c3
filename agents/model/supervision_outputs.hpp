#pragma once
// Declared outputs of provider behaviour, supervision and the quality/access indicators.
#include <vector>

#include "agents/model/declared_metric.hpp"

namespace reformsim::agents {

/// Appends the supervision/… datasets, the monthly indicators and their final-year summaries.
void add_supervision_metrics(std::vector<outputs::Declared>& d);

}  // namespace reformsim::agents
