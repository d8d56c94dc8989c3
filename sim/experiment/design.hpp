#pragma once
// An experiment's design: which points of the varied parameters are run. A grid runs every combination of listed
// values; a Latin hypercube, a Sobol'/Saltelli design or Morris trajectories sample numeric ranges (and lists, as
// categorical factors) from the unit cube; a design file lists the points (docs/experiments.md: Research designs).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/config/errors.hpp"
#include "sim/config/node.hpp"

namespace reformsim::experiment {

enum class DesignKind { Grid, Lhs, Sobol, Morris, File };

/// "grid", "lhs", "sobol", "morris", "file".
const char* design_name(DesignKind kind);

/// The design's kind and sizes.
struct DesignSettings {
  DesignKind kind = DesignKind::Grid;
  std::size_t samples = 0;       ///< lhs: points; sobol: base samples N (N (D + 2) points)
  std::size_t trajectories = 0;  ///< morris: trajectories ((D + 1) points each)
  int levels = 4;                ///< morris: grid levels
  std::size_t maximin_candidates = 1;
  std::uint64_t seed = 1;  ///< of the design's points (default: the experiment's seed)
};

/// A design read from CSV: one column per scenario key path, one row per point.
struct DesignFile {
  std::string path;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> cells;  ///< rows × columns
  std::vector<int> lines;                       ///< the file line of each row
};

/// A numeric range a sampled design draws a parameter from.
struct RangeFactor {
  std::string key_path;
  double min = 0, max = 1;
  bool log_scale = false;  ///< even in the logarithm
  bool integer = false;    ///< every integer of [min, max] equally likely
  config::SourceLocation where;
};

/// One varied parameter of the expanded design.
struct DesignFactor {
  std::string key_path;
  bool numeric = true;                  ///< false: a categorical factor (values stored as text)
  std::vector<std::string> categories;  ///< the listed values' text (lists only)
};

/// Every design point: the unit-cube coordinates (sampled designs), the values and the nodes applied to scenarios.
struct DesignTable {
  std::vector<DesignFactor> factors;
  std::vector<std::vector<double>> unit;   ///< points × factors; empty for a grid
  std::vector<std::vector<double>> value;  ///< points × factors: the number, or the category's index
  std::vector<std::vector<config::Node>> nodes;
  std::size_t points() const { return value.size(); }
};

/// The design as CSV: a header of the factors' key paths, then one row per point with each value as it is applied to
/// the scenarios (numbers in shortest round-trip form, a categorical factor's value as listed).
std::string design_csv(const DesignTable& design);

/// The text of a value as it is applied to a scenario and stored: shortest round-trip form.
std::string design_value_text(double value);

}  // namespace reformsim::experiment
