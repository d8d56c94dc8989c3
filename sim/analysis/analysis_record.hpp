#pragma once
// Analyses written back into the results file they were computed from, so a report or a notebook reads the same
// numbers the terminal showed: /sensitivity/<metric>/ holds the latest sensitivity analysis of each metric and
// /discovery/ the latest scenario discovery. The file is updated through a copy that replaces it in one rename:
// a failure leaves it as it was. The run outcomes and their digest are not touched.
#include <string>
#include <vector>

#include "sim/analysis/bootstrap.hpp"
#include "sim/analysis/results_discovery.hpp"
#include "sim/analysis/results_sensitivity.hpp"

namespace reformsim::analysis {

/// Replaces /sensitivity/<metric> for every table (other metrics' analyses stay). output::OutputError on failure.
void record_sensitivity(const std::string& path, const std::vector<SensitivityTable>& tables,
                        const BootstrapSettings& bootstrap);

/// Replaces /discovery with this discovery's trajectory and chosen box. output::OutputError on failure.
void record_discovery(const std::string& path, const Discovery& discovery, const PrimOptions& options);

}  // namespace reformsim::analysis
