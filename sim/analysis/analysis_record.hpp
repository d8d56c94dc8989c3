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
#include "sim/output/file_stamp.hpp"

namespace reformsim::analysis {

/// Replaces /sensitivity/<metric> for every table (other metrics' analyses stay). `read` is the stamp of the file
/// the tables were computed from, taken before it was read: a file replaced since is not written to. Throws
/// output::OutputError on failure (the file is then as it was).
void record_sensitivity(const std::string& path, const std::vector<SensitivityTable>& tables,
                        const BootstrapSettings& bootstrap, const output::FileStamp& read);

/// Replaces /discovery with this discovery's trajectory and chosen box; `read` and failures as above.
void record_discovery(const std::string& path, const Discovery& discovery, const PrimOptions& options,
                      const output::FileStamp& read);

}  // namespace reformsim::analysis
