#pragma once
// What a fit leaves behind: the HDF5 file of every trial (docs/calibration.md: Calibration to targets lists its datasets), the
// best-fit overrides as a scenario file that `extends:` the fit's base, and the printed target table.
#include <functional>
#include <string>

#include "sim/fit/fit_search.hpp"
#include "sim/fit/fit_spec.hpp"

namespace reformsim::fit {

/// Writes the fit's results to `path` (atomically: `path.partial` until complete); throws output::OutputError.
/// `before_commit` runs when everything is written but not yet published (e.g. to write a companion file, so that
/// a failure of either leaves neither).
void write_fit_results(const std::string& path, const FitSpec& fit, const FitResult& result,
                       const std::string& command_line, const std::function<void()>& before_commit = {});

/// The best trial's parameter values as a scenario file for `output_path`'s directory: `extends:` the fit's base
/// scenario (relative path) and sets each fitted key. Run it as a scenario, or `extends:` it.
std::string best_fit_yaml(const FitSpec& fit, const FitResult& result, const std::string& output_path,
                          const std::string& command_line);

/// Target | kind | target value | simulated mean (95% CI) | verdict, for one trial.
std::string format_target_table(const FitSpec& fit, const Trial& trial);

/// The same as a Markdown table with the sources: target | source | simulated mean (95% CI) | kind | verdict.
std::string format_target_markdown(const FitSpec& fit, const Trial& trial);

/// "within tolerance"; else "no clear change (CI includes 0)", "right direction, outside tolerance" or "wrong
/// direction". For a direction target: "right direction", "right direction, CI includes 0" or "wrong direction".
std::string verdict(const Target& target, const experiment::MeanInterval& outcome);

}  // namespace reformsim::fit
