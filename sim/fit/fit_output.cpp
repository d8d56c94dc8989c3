#include "sim/fit/fit_output.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>

#include "sim/config/key_path.hpp"
#include "sim/experiment/results_file.hpp"
#include "sim/output/hdf5_writer.hpp"

namespace reformsim::fit {

namespace {

using output::DatasetInfo;

std::string number(double v) {
  if (std::isnan(v)) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.4g", v);
  return buffer;
}

// Column widths count characters, not UTF-8 bytes.
std::size_t char_count(const std::string& s) {
  std::size_t chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  return chars;
}

std::string padded(const std::string& s, std::size_t width) {
  const std::size_t chars = char_count(s);
  return s + std::string(width > chars ? width - chars : 0, ' ');
}

std::string wanted_text(const Target& t) {
  return t.value ? number(*t.value) + " ± " + number(t.tolerance)
                 : (t.direction == Direction::Increase ? "> 0" : "< 0");
}

std::string simulated_text(const experiment::MeanInterval& o) {
  return number(o.mean) + " (" + number(o.mean - o.half_width) + ", " + number(o.mean + o.half_width) + ")";
}

}  // namespace

std::string verdict(const Target& target, const experiment::MeanInterval& outcome) {
  if (!std::isfinite(outcome.mean)) return "no value";
  if (target.direction != Direction::None) {
    const double sign = target.direction == Direction::Increase ? 1.0 : -1.0;
    if (sign * outcome.mean <= 0) return "wrong direction";
    if (!std::isfinite(outcome.half_width)) return "right direction (no CI: one replicate)";
    return std::abs(outcome.mean) > outcome.half_width ? "right direction" : "right direction, CI includes 0";
  }
  if (std::abs(outcome.mean - *target.value) <= target.tolerance) return "within tolerance";
  // A target of no change has no direction to be right in.
  if (*target.value == 0) return "outside tolerance";
  if (std::isfinite(outcome.half_width) && std::abs(outcome.mean) <= outcome.half_width) {
    return "no clear change (CI includes 0)";
  }
  return outcome.mean * *target.value > 0 ? "right direction, outside tolerance" : "wrong direction";
}

std::string format_target_table(const FitSpec& fit, const Trial& trial) {
  std::vector<std::vector<std::string>> rows{{"target", "kind", "target value", "simulated (95% CI)", "verdict"}};
  for (std::size_t k = 0; k < fit.targets.size(); ++k) {
    const Target& t = fit.targets[k];
    const experiment::MeanInterval& o = trial.outcomes[k];
    rows.push_back({t.name, t.fitted() ? "fitted" : "out-of-sample", wanted_text(t), simulated_text(o), verdict(t, o)});
  }
  std::vector<std::size_t> width(rows.front().size(), 0);
  for (const auto& r : rows)
    for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], char_count(r[c]));
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t c = 0; c < r.size(); ++c) line += c + 1 < r.size() ? padded(r[c], width[c] + 2) : r[c];
    out += line + "\n";
  }
  return out;
}

std::string format_target_markdown(const FitSpec& fit, const Trial& trial) {
  std::string out =
      "| target | source | target value | simulated mean (95% CI) | kind | verdict |\n"
      "|---|---|---|---|---|---|\n";
  for (std::size_t k = 0; k < fit.targets.size(); ++k) {
    const Target& t = fit.targets[k];
    const experiment::MeanInterval& o = trial.outcomes[k];
    out += "| `" + t.name + "` | " + t.source + " | " + wanted_text(t) + " | " + simulated_text(trial.outcomes[k]) +
           " | " + (t.fitted() ? "fitted" : "out-of-sample") + " | " + verdict(t, o) + " |\n";
  }
  return out;
}

void write_fit_results(const std::string& path, const FitSpec& fit, const FitResult& result,
                       const std::string& command_line, const std::function<void()>& before_commit) {
  output::Hdf5Writer w = output::Hdf5Writer::create(path);
  const experiment::ExperimentSpec& e = fit.experiment;
  w.write_strings("/meta/tool_version", {experiment::tool_version()}, {"", "reformsim version that wrote the file"});
  w.write_strings("/meta/git_revision", {experiment::git_revision()}, {"", "source revision of the binary"});
  w.write_strings("/meta/command_line", {command_line}, {"", "the command that wrote the file"});
  w.write_strings("/meta/fit_name", {e.name}, {"", "fit name"});
  w.write_strings("/meta/fit_file", {e.source_file}, {"", "the fit file"});
  w.write_strings("/meta/fit_text", {e.source_text}, {"", "text of the fit file"});
  std::vector<std::string> arms;
  for (const experiment::Arm& a : e.arms) arms.push_back(a.name);
  w.write_strings("/meta/arms", arms, {"", "arms every trial runs"});
  w.write_int64s("/meta/replicates", {e.replicates}, {1},
                 {"runs", "replicates per arm and trial (same seeds in every trial)"});
  w.write_int64s("/meta/seed", {static_cast<std::int64_t>(e.seed)}, {1}, {"", "master seed of every run"});

  const std::size_t d = fit.parameters.size(), m = fit.targets.size(), n = result.trials.size();
  std::vector<std::string> keys, scales;
  std::vector<double> lo, hi;
  for (const Parameter& p : fit.parameters) {
    keys.push_back(p.key_path);
    scales.push_back(p.scale == Scale::Log ? "log" : "linear");
    lo.push_back(p.min);
    hi.push_back(p.max);
  }
  w.write_strings("/fit/parameters", keys, {"", "fitted scenario key paths (the parameter axis)"});
  w.write_strings("/fit/parameter_scale", scales, {"", "linear or log", {"parameters"}});
  w.write_doubles("/fit/parameter_min", lo, {d}, {"", "lowest value tried", {"parameters"}});
  w.write_doubles("/fit/parameter_max", hi, {d}, {"", "highest value tried", {"parameters"}});

  std::vector<std::string> names, metrics, sources, kinds;
  std::vector<double> values, tolerances, weights;
  for (const Target& t : fit.targets) {
    names.push_back(t.name);
    metrics.push_back(t.metric);
    sources.push_back(t.source);
    kinds.push_back(t.fitted() ? "fitted" : "out-of-sample");
    values.push_back(t.value.value_or(std::nan("")));
    tolerances.push_back(t.value ? t.tolerance : std::nan(""));
    weights.push_back(t.weight);
  }
  w.write_strings("/fit/targets", names, {"", "target names (the target axis)"});
  w.write_strings("/fit/target_metric", metrics, {"", "output dataset each target reads", {"targets"}});
  w.write_strings("/fit/target_source", sources, {"", "where each target value comes from", {"targets"}});
  w.write_strings("/fit/target_kind", kinds, {"", "fitted (weight > 0) or out-of-sample (reported only)", {"targets"}});
  w.write_doubles("/fit/target_value", values, {m}, {"", "target value (NaN for a direction target)", {"targets"}});
  w.write_doubles("/fit/target_tolerance", tolerances, {m}, {"", "tolerance of each target value", {"targets"}});
  w.write_doubles("/fit/target_weight", weights, {m}, {"", "weight in the distance", {"targets"}});

  std::vector<double> unit, parameter_values, mean, half, distance;
  std::vector<std::int64_t> phase, within, accepted;
  for (std::size_t i = 0; i < n; ++i) {
    const Trial& t = result.trials[i];
    unit.insert(unit.end(), t.unit.begin(), t.unit.end());
    parameter_values.insert(parameter_values.end(), t.values.begin(), t.values.end());
    for (const experiment::MeanInterval& o : t.outcomes) {
      mean.push_back(o.mean);
      half.push_back(o.half_width);
    }
    distance.push_back(t.distance);
    phase.push_back(t.phase);
    within.push_back(t.within_tolerance ? 1 : 0);
    if (t.within_tolerance) accepted.push_back(static_cast<std::int64_t>(i));
  }
  w.write_doubles("/fit/trials/values", parameter_values, {n, d},
                  {"", "parameter values of each trial [trial, parameter]", {"trial", "parameters"}});
  w.write_doubles("/fit/trials/unit", unit, {n, d},
                  {"", "the same in the unit cube of the (log-)ranges [trial, parameter]", {"trial", "parameters"}});
  w.write_doubles("/fit/trials/outcome_mean", mean, {n, m},
                  {"", "simulated statistic, mean over replicates [trial, target]", {"trial", "targets"}});
  w.write_doubles("/fit/trials/outcome_ci_half_width", half, {n, m},
                  {"", "half-width of its 95% Student-t confidence interval [trial, target]", {"trial", "targets"}});
  w.write_doubles("/fit/trials/distance", distance, {n},
                  {"", "Σ weight × ((simulated − value) ÷ tolerance)² over the fitted targets", {"trial"}});
  w.write_int64s("/fit/trials/phase", phase, {n},
                 {"", "0: initial Latin hypercube; k: Nelder–Mead simplex k", {"trial"}});
  w.write_int64s("/fit/trials/within_tolerance", within, {n},
                 {"", "1 when every fitted target is within tolerance", {"trial"}});
  w.write_int64s("/fit/best_trial", {static_cast<std::int64_t>(result.best)}, {1}, {"", "trial of lowest distance"});
  const Trial& best = result.trials[result.best];
  w.write_doubles("/fit/best_values", best.values, {d}, {"", "parameter values of the best trial", {"parameters"}});
  w.write_int64s("/fit/accepted_trials", accepted, {accepted.size()},
                 {"", "the accepted set: trials with every fitted target within tolerance"});
  if (before_commit) before_commit();
  w.commit();
}

std::string best_fit_yaml(const FitSpec& fit, const FitResult& result, const std::string& output_path,
                          const std::string& command_line) {
  const Trial& best = result.trials[result.best];
  namespace fs = std::filesystem;
  // Resolved through symbolic links, as the file system will resolve `extends:` from where the file really is.
  std::error_code ec;
  fs::path written = fs::weakly_canonical(fs::absolute(output_path), ec);
  if (ec) written = fs::absolute(output_path).lexically_normal();
  fs::path base_file = fs::weakly_canonical(fs::absolute(fit.experiment.base_file), ec);
  if (ec) base_file = fs::absolute(fit.experiment.base_file).lexically_normal();
  const std::string base = base_file.lexically_relative(written.parent_path()).generic_string();
  config::Node root = config::Node::map();
  root.set("extends", config::Node::scalar(base));
  for (std::size_t k = 0; k < fit.parameters.size(); ++k) {
    config::set_at_path(root, fit.parameters[k].key_path,
                        config::Node::scalar(parameter_text(fit.parameters[k], best.values[k])));
  }
  char summary[256];
  std::snprintf(summary, sizeof summary,
                "# Trial %zu of %zu, distance %.6g; every fitted target within tolerance: %s\n", result.best,
                result.trials.size(), best.distance, best.within_tolerance ? "yes" : "no");
  return "# Best fit of " + fit.experiment.source_file + " (reformsim " + experiment::tool_version() + ", " +
         experiment::git_revision() + "), written by: " + command_line + "\n" + summary +
         "# The base scenario with the fitted values; run it, or `extends:` it.\n" + root.to_yaml();
}

}  // namespace reformsim::fit
