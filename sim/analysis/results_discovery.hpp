#pragma once
// Scenario discovery on an experiment's results file (docs/experiments.md: Scenario discovery): every run of one arm is a case,
// its design point's parameter values the case's coordinates, a condition on a per-run metric ("summary/
// months_of_reserve_end < 6") marks the cases of interest, and PRIM finds the box of parameter values where they
// concentrate.
#include <cstddef>
#include <optional>
#include <string>

#include "sim/analysis/prim.hpp"

namespace reformsim::analysis {

/// A condition on a per-run metric: METRIC OP NUMBER with OP one of < <= > >=.
struct Condition {
  std::string metric;
  std::string op;
  double value = 0;
  bool holds(double v) const;
  std::string text() const;
};

/// Parses "summary/x < 6" (blanks optional); std::invalid_argument saying what is wrong.
Condition parse_condition(const std::string& text);

/// What to explain.
struct DiscoveryRequest {
  std::string where;
  std::optional<std::string> arm;  ///< default: the reference arm
  PrimOptions options;
};

/// The cases, the trajectory and the chosen box.
struct Discovery {
  Condition condition;
  std::string arm;
  PrimInput input;
  PrimResult result;
};

/// Runs it; std::invalid_argument (or output::InputFileError) naming what is wrong.
Discovery discover_results(const std::string& path, const DiscoveryRequest& request);

/// The trajectory's coverage/density trade-off and the chosen box's limits, as text.
std::string format_discovery(const Discovery& discovery);

}  // namespace reformsim::analysis
