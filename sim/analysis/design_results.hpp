#pragma once
// What the analyses read from an experiment's results file: the design's factors and points, and which arm, point
// and replicate each run is (docs/output.md).
#include <cstdint>
#include <string>
#include <vector>

#include "sim/output/hdf5_reader.hpp"

namespace reformsim::analysis {

/// The design and the runs of a results file.
struct DesignResults {
  std::string path;
  std::string design;  ///< grid, lhs, sobol, morris
  std::vector<std::string> factors;
  std::vector<bool> numeric;
  std::vector<std::vector<std::string>> categories;  ///< per factor (empty for numeric ones)
  std::vector<std::vector<double>> values;           ///< points × factors (category index for categorical ones)
  std::vector<std::vector<double>> unit;             ///< points × factors (the values for a grid)
  std::vector<std::string> arms;
  std::string reference_arm;
  std::vector<std::int64_t> arm, point, replicate;  ///< per run
  std::size_t runs() const { return arm.size(); }
  std::size_t points() const { return values.size(); }
  /// Index of arm `name`; std::invalid_argument listing the arms when there is none.
  std::size_t arm_index(const std::string& name) const;
  /// The per-run values of a metric: a dataset with one value per run, or one value of each run's array picked by
  /// trailing indices ("years/months_of_reserve_end[4]", "hospitals/margin[0][-1]"; from 0, negative from the
  /// end); std::invalid_argument otherwise. `canonical`, when given, receives the metric's one spelling
  /// ("years/x[4]": no leading '/', indices from 0), under which its analyses are stored.
  std::vector<double> per_run_metric(const output::Hdf5Reader& file, std::string metric,
                                     std::string* canonical = nullptr) const;
};

/// Reads them; std::invalid_argument when the file has no design or failed runs (their outcomes are unknown).
DesignResults read_design_results(const output::Hdf5Reader& file);

/// The dataset a metric names ("years/x[4]" → "/years/x").
std::string metric_dataset(const std::string& metric);

}  // namespace reformsim::analysis
