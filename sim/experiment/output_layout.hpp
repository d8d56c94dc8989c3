#pragma once
// Declared outputs of a model: labelled axes and metrics over them. The results file creates one
// dataset per metric, shaped [runs, axes...], with `units` and `description` attributes. Domain-free.
#include <cstddef>
#include <string>
#include <vector>

namespace reformsim::experiment {

/// A labelled dimension of the output (e.g. "month" with labels "2024-01", …).
struct AxisSpec {
  std::string name;
  std::vector<std::string> labels;
  std::string description;
};

/// Whether values in `units` count whole things ("cases", "visits", "persons", ...): such metrics are stored as
/// integers. Expected or averaged quantities have other units ("deaths" expected, "days", "fraction").
bool counts_whole_things(const std::string& units);

/// One output metric: `path` like "monthly/balance_yuan", shaped [runs] + the named axes.
struct MetricSpec {
  std::string path;
  std::vector<std::string> axes;
  std::string units;
  std::string description;
};

/// All axes and metrics of an experiment's output.
struct OutputLayout {
  std::vector<AxisSpec> axes;
  std::vector<MetricSpec> metrics;
  /// A metric the model can produce but these runs do not, and why (e.g. the mechanism behind it is off in every
  /// run): no dataset is created for it, and a reference to it is answered with the reason.
  struct Omitted {
    std::string path;
    std::string reason;
  };
  std::vector<Omitted> omitted;
  /// Length of axis `name`; throws std::out_of_range if undeclared.
  std::size_t axis_size(const std::string& name) const;
  /// Number of values one run writes for metric `i` (product of its axis sizes).
  std::size_t row_size(std::size_t i) const;
  /// Row dimensions of metric `i` (without the run dimension).
  std::vector<std::size_t> row_dims(std::size_t i) const;
  /// Index of the metric with this path; throws std::out_of_range.
  std::size_t metric_index(const std::string& path) const;
};

/// The values one run produced: one row-major array per declared metric, in declaration order,
/// each exactly row_size() long (NaN where a run has no value, e.g. a shorter horizon).
struct RunValues {
  std::vector<std::vector<double>> metrics;
  double events = 0;  ///< events processed by the kernel
};

}  // namespace reformsim::experiment
