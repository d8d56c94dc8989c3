#pragma once
// One declared output metric and the builders of the common shapes (summary, monthly, per hospital and year,
// per group): its spec and how to fill one run's row of it from the raw metrics.
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "agents/scenario/scenario_config.hpp"
#include "agents/world/mechanisms.hpp"
#include "agents/world/run_metrics.hpp"
#include "sim/experiment/output_layout.hpp"

namespace reformsim::agents::outputs {

using experiment::MetricSpec;
using experiment::OutputLayout;

inline const double kNaN = std::nan("");

/// numerator ÷ denominator, NaN when the denominator is not positive.
inline double ratio(double numerator, double denominator) { return denominator > 0 ? numerator / denominator : kNaN; }

struct Declared {
  MetricSpec spec;
  // Fills `row` (already sized and NaN-filled) for one run.
  std::function<void(const ScenarioConfig&, const RunMetrics&, std::vector<double>& row, const OutputLayout&)> fill;
  // The mechanisms that produce it (empty: every run does): declared only when some run has one of them.
  std::vector<Mechanism> needs = {};
};

/// Marks d[first..] as produced only by the mechanisms `needs`.
inline void produced_by(std::vector<Declared>& d, std::size_t first, std::vector<Mechanism> needs) {
  for (std::size_t i = first; i < d.size(); ++i) d[i].needs = needs;
}

using Fill = decltype(Declared::fill);

inline Declared scalar(std::string name, std::string units, std::string description,
                       std::function<double(const ScenarioConfig&, const RunMetrics&)> f) {
  return {{"summary/" + name, {}, std::move(units), std::move(description)},
          [f](const ScenarioConfig& s, const RunMetrics& m, std::vector<double>& row, const OutputLayout&) {
            row[0] = f(s, m);
          }};
}

inline Declared monthly(std::string name, std::string units, std::string description,
                        std::function<double(const MonthMetrics&)> f) {
  return {{"monthly/" + name, {"month"}, std::move(units), std::move(description)},
          [f](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout&) {
            for (std::size_t i = 0; i < m.months.size() && i < row.size(); ++i) row[i] = f(m.months[i]);
          }};
}

inline Declared hospital_year(std::string name, std::string units, std::string description,
                              std::function<double(const HospitalYearMetrics&, const HospitalConfig&)> f) {
  return {{"hospitals/" + name, {"hospital", "year"}, std::move(units), std::move(description)},
          [f](const ScenarioConfig& s, const RunMetrics& m, std::vector<double>& row, const OutputLayout& layout) {
            const std::size_t years = layout.axis_size("year");
            for (std::size_t h = 0; h < m.hospital_years.size(); ++h) {
              for (std::size_t y = 0; y < m.hospital_years[h].size() && y < years; ++y) {
                row[h * years + y] = f(m.hospital_years[h][y], s.hospitals[h]);
              }
            }
          }};
}

/// /years/<name> from a per-year vector of the run's records.
inline Declared per_year(std::string name, std::string units, std::string description,
                         std::vector<double> RunMetrics::*field) {
  return {{"years/" + std::move(name), {"year"}, std::move(units), std::move(description)},
          [field](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout&) {
            const std::vector<double>& v = m.*field;
            for (std::size_t y = 0; y < v.size() && y < row.size(); ++y) row[y] = v[y];
          }};
}

inline Declared group(std::string name, std::string units, std::string description,
                      std::function<double(const GroupMetrics&)> f) {
  return {{"groups/" + name, {"group"}, std::move(units), std::move(description)},
          [f](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout&) {
            for (std::size_t g = 0; g < m.groups.size() && g < row.size(); ++g) row[g] = f(m.groups[g]);
          }};
}

}  // namespace reformsim::agents::outputs
