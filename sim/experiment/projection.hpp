#pragma once
// Projections across replicates: for each arm (and grid point) the percentiles of year-by-year metrics — the fan of
// a fund balance — and the probability that an event (a fund depleted) has happened by each year, from per-run
// scalars holding the year it first happened (NaN: never). Written into the results file and printed as tables.
// Domain-free: the model names the metrics.
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/experiment/output_layout.hpp"
#include "sim/experiment/run_plan.hpp"

namespace reformsim::output {
class Hdf5Writer;
}

namespace reformsim::experiment {

/// One event whose probability by each year is wanted.
struct ProjectedEvent {
  std::string name;    ///< e.g. "depleted": the dataset /projection/p_by_year/<name>
  std::string label;   ///< e.g. "P(fund depleted by year)"
  std::size_t metric;  ///< a scalar metric holding the year (a label of `axis`, as a number) it first happened
};

/// What the model wants projected.
struct ProjectionSpec {
  std::string axis;               ///< the time axis (e.g. "year"); its labels must be numbers
  std::vector<std::size_t> fans;  ///< metrics over exactly that axis whose percentiles are wanted
  std::vector<ProjectedEvent> events;
  bool empty() const { return fans.empty() && events.empty(); }
};

/// The percentiles of a fan, lowest first.
inline const std::vector<double>& projection_quantiles() {
  static const std::vector<double> q{0.05, 0.25, 0.5, 0.75, 0.95};
  return q;
}

/// Collects each run's projected values and summarises them per (grid point, arm) group.
class Projection {
 public:
  Projection(ProjectionSpec spec, const OutputLayout& layout, const std::vector<RunPlan>& runs);
  /// Keeps what the projection needs of one finished run.
  void add(const RunPlan& plan, const RunValues& values);
  /// Writes /projection/*: group labels, the quantiles, each fan [group, year, quantile] and each event's
  /// probability [group, year].
  void write(output::Hdf5Writer& writer) const;
  /// The readable tables: each event's probability by year, and the first fan's median [5%, 95%] by year.
  std::string format_tables() const;
  /// Quantile `q` of fan `f` in `year` for group `g` (linear interpolation between order statistics; NaN values
  /// left out).
  double fan_quantile(std::size_t f, std::size_t g, std::size_t year, double q) const;
  /// Share of group `g`'s runs whose event `e` happened in or before `year`.
  double probability_by(std::size_t e, std::size_t g, std::size_t year) const;
  std::size_t groups() const { return group_labels_.size(); }

 private:
  ProjectionSpec spec_;
  const OutputLayout& layout_;
  std::vector<double> years_;  ///< the axis labels as numbers
  std::vector<std::string> year_labels_;
  std::vector<std::string> group_labels_;                      ///< "arm" or "arm @ point k"
  std::unordered_map<std::size_t, std::size_t> group_of_run_;  ///< run_id → group (a slice's ids need not start at 0)
  std::vector<std::vector<std::vector<double>>> fan_values_;   ///< [fan][group] → runs × years, row-major
  std::vector<std::vector<std::vector<double>>> event_years_;  ///< [event][group] → one value per run
};

}  // namespace reformsim::experiment
