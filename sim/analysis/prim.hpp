#pragma once
// The Patient Rule Induction Method (Friedman & Fisher 1999) for scenario discovery, as the EMA Workbench uses it
// (Bryant & Lempert 2010; Kwakkel 2017): starting from the whole sampled space, a box is peeled one small slice at a
// time, always the slice whose removal leaves the densest box, recording every box until its mass falls below a
// minimum; the box chosen from that trajectory is then pasted (widened again) while that does not lower its density.
// Peeling maximises density directly (not EMA's default "lenient" objective) and all ties break deterministically.
#include <cstddef>
#include <string>
#include <vector>

namespace reformsim::analysis {

/// One uncertain factor of the sampled space.
struct PrimFactor {
  std::string name;
  /// A categorical factor's x values are indices into `categories`; a numeric factor's are the numbers themselves.
  bool categorical = false;
  std::vector<std::string> categories;
};

/// The cases to explain.
struct PrimInput {
  std::vector<PrimFactor> factors;
  /// Cases × factors.
  std::vector<std::vector<double>> x;
  /// Whether each case is a case of interest.
  std::vector<bool> y;
};

/// PRIM's tuning; the defaults are EMA Workbench's.
struct PrimOptions {
  /// Share of the box's cases one peel removes, in (0, 0.5).
  double peel_alpha = 0.05;
  /// Share of the box's cases one paste adds, in (0, 0.5).
  double paste_alpha = 0.05;
  /// Peeling stops before a box would hold less than this share of all cases, in (0, 1).
  double min_mass = 0.05;
  /// The density a box must reach to be chosen for its coverage, in [0, 1].
  double threshold = 0.8;
};

/// A box's limit on one factor.
struct PrimLimit {
  std::size_t factor = 0;
  /// Numeric: low or high lies inside the range observed over all cases; categorical: some category is dropped.
  bool restricted = false;
  /// Numeric: inclusive bounds, both observed values of the factor.
  double low = 0, high = 0;
  /// Categorical: the kept category indices, ascending.
  std::vector<std::size_t> categories;
};

/// A box and how well it describes the cases of interest.
struct PrimBox {
  /// One per factor, in factor order.
  std::vector<PrimLimit> limits;
  /// Hits in the box / all hits; hits / cases in the box; cases in the box / all cases.
  double coverage = 0, density = 0, mass = 0;
  std::size_t cases = 0, hits = 0;
};

/// The peeling trajectory and the chosen box.
struct PrimResult {
  /// trajectory[0] is the whole space, then one box per peel; trajectory[chosen] is the chosen box after pasting
  /// (so it may hold more cases than the peeled box it replaced).
  std::vector<PrimBox> trajectory;
  /// Among boxes of density ≥ threshold the one of highest coverage, else the densest (ties → higher coverage).
  std::size_t chosen = 0;
  /// Share of all cases that are of interest.
  double base_density = 0;
  std::size_t total_hits = 0;
};

/// Runs PRIM; std::invalid_argument when the input is malformed (no cases, ragged rows, y of the wrong size, no case
/// or only cases of interest, a non-finite x, a categorical x that is not a category index) or an option is out of
/// range.
PrimResult prim(const PrimInput& input, const PrimOptions& options);

}  // namespace reformsim::analysis
