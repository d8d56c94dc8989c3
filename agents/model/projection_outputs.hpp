#pragma once
// Declared outputs of a fund projection: the population year by year (/years/insured, retirees, deaths, …), beds
// and what happened to those who stopped waiting (/years and /hospitals: queue leavers, unmet need, out-of-region
// spending), distressed hospitals, and the per-run years of depletion.
#include <vector>

#include "agents/model/declared_metric.hpp"

namespace reformsim::agents {

/// Appends the population, capacity and unmet-need outputs and the per-run depletion year.
void add_projection_metrics(std::vector<outputs::Declared>& d);

/// True when hospital `h` is distressed in `year`: margin below the scenario's threshold in each of the
/// distress_years years up to and including `year`.
bool distressed(const ScenarioConfig& s, const RunMetrics& m, std::size_t h, std::size_t year);

}  // namespace reformsim::agents
