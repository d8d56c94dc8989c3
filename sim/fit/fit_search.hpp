#pragma once
// The calibration search: a Latin hypercube over the parameters' (log-)ranges, every point run as all arms ×
// replicates under common random numbers (the same replicate seeds for every trial, so two trials differ by their
// parameters, not their luck), then Nelder–Mead simplices from the best points, advancing in lockstep so that their
// runs share the thread pool. Distance = Σ weight × ((simulated − value) ÷ tolerance)² over the fitted targets.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/config/errors.hpp"
#include "sim/experiment/model.hpp"
#include "sim/experiment/summary_table.hpp"
#include "sim/fit/fit_spec.hpp"

namespace reformsim::fit {

/// One evaluated parameter point.
struct Trial {
  std::vector<double> unit;                        ///< coordinates in the unit cube
  std::vector<double> values;                      ///< the parameters' values (what the runs used)
  std::vector<experiment::MeanInterval> outcomes;  ///< per target: mean and 95% CI over replicates
  double distance = 0;                             ///< +∞ when a fitted target has no value
  bool within_tolerance = false;                   ///< every fitted target within its tolerance
  int phase = 0;                                   ///< 0: initial design; k: refinement simplex k
};

/// Everything a fit produced.
struct FitResult {
  std::vector<Trial> trials;  ///< in evaluation order
  std::size_t best = 0;       ///< lowest distance (the first on ties)
  double events = 0;
  std::size_t runs = 0;
};

/// A fresh model for each batch of trials (a model is prepared once for the scenarios it runs).
using ModelFactory = std::function<std::unique_ptr<experiment::Model>()>;

struct FitOptions {
  int threads = 0;       ///< 0 = all cores
  bool progress = true;  ///< trials done, best distance, elapsed and ETA on stderr
};

/// Checks what needs the model: the scenario at the lowest, the middle and the highest value of every parameter,
/// and the targets against the outputs. Problems go to `errors`.
void check_fit(const FitSpec& fit, const ModelFactory& factory, config::ErrorList& errors);

/// Runs the search (check_fit first; throws config::ConfigException on its errors). Without parameters it
/// evaluates the base scenario once. Identical for any thread count.
FitResult run_fit(const FitSpec& fit, const ModelFactory& factory, const FitOptions& options);

/// The distance of one trial's outcomes (+∞ when a fitted target's mean is not finite).
double fit_distance(const std::vector<Target>& targets, const std::vector<experiment::MeanInterval>& outcomes);

}  // namespace reformsim::fit
