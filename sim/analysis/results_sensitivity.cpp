#include "sim/analysis/results_sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <stdexcept>

#include "sim/analysis/design_results.hpp"
#include "sim/analysis/morris_effects.hpp"
#include "sim/analysis/rank_regression.hpp"
#include "sim/analysis/sobol_indices.hpp"
#include "sim/output/hdf5_reader.hpp"

namespace reformsim::analysis {

namespace {

[[noreturn]] void refuse(const std::string& path, const std::string& why) {
  throw std::invalid_argument(path + ": " + why);
}

double variance_of(const std::vector<double>& v) {
  if (v.size() < 2) return std::nan("");
  double mean = 0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double s = 0;
  for (double x : v) s += (x - mean) * (x - mean);
  return s / static_cast<double>(v.size() - 1);
}

Interval plain(double v) { return {v, std::nan(""), std::nan("")}; }

}  // namespace

std::vector<SensitivityTable> analyse_results(const std::string& path, const SensitivityRequest& request) {
  const output::Hdf5Reader file(path);
  const DesignResults results = read_design_results(file);
  const std::string& design = results.design;
  const std::vector<std::string>& factors = results.factors;
  const std::size_t d = factors.size();
  const std::vector<std::string>& arms = results.arms;
  const std::vector<std::int64_t>& arm = results.arm;
  const std::vector<std::int64_t>& point = results.point;
  const std::vector<std::int64_t>& replicate = results.replicate;
  const std::size_t runs = results.runs();
  const std::size_t points = results.points();
  const std::vector<std::vector<double>>& values = results.values;
  const std::vector<std::vector<double>>& unit = results.unit;

  std::string outcome;
  std::size_t first = 0, second = 0;
  const bool paired = request.paired.has_value();
  if (paired) {
    // Arm names may hold '-': the split is the one whose both sides name arms.
    const std::string& text = *request.paired;
    bool found = false;
    for (std::size_t at = text.find('-'); at != std::string::npos && !found; at = text.find('-', at + 1)) {
      const std::string a = text.substr(0, at), b = text.substr(at + 1);
      if (std::find(arms.begin(), arms.end(), a) != arms.end() &&
          std::find(arms.begin(), arms.end(), b) != arms.end()) {
        first = results.arm_index(a);
        second = results.arm_index(b);
        found = true;
      }
    }
    std::string known;
    for (const std::string& a : arms) known += (known.empty() ? "" : ", ") + a;
    if (!found) refuse(path, "--paired '" + text + "' is not two arm names joined by '-' (arms: " + known + ")");
    outcome = arms[first] + " − " + arms[second] + " (paired)";
  } else {
    first = results.arm_index(request.arm.value_or(results.reference_arm));
    outcome = "arm " + arms[first];
  }

  std::vector<std::string> metrics = request.metrics;
  if (metrics.empty()) {
    for (const std::string& name : file.children("/summary")) metrics.push_back("summary/" + name);
  }
  std::vector<SensitivityTable> tables;
  for (std::string metric : metrics) {
    const std::vector<double> y = results.per_run_metric(file, metric, &metric);
    // outcome[point][replicate]
    std::vector<std::map<std::int64_t, double>> first_arm(points), second_arm(points);
    for (std::size_t r = 0; r < runs; ++r) {
      const auto p = static_cast<std::size_t>(point[r]);
      if (static_cast<std::size_t>(arm[r]) == first) first_arm.at(p)[replicate[r]] = y[r];
      if (paired && static_cast<std::size_t>(arm[r]) == second) second_arm.at(p)[replicate[r]] = y[r];
    }
    std::vector<double> mean(points, 0);
    double within = 0;
    std::size_t replicates = 0;
    for (std::size_t p = 0; p < points; ++p) {
      std::vector<double> per_replicate;
      for (const auto& [rep, v] : first_arm[p]) {
        if (!paired) {
          per_replicate.push_back(v);
        } else if (second_arm[p].count(rep)) {
          per_replicate.push_back(v - second_arm[p].at(rep));
        }
      }
      if (per_replicate.empty()) refuse(path, "design point " + std::to_string(p) + " has no runs of " + outcome);
      for (double v : per_replicate) mean[p] += v;
      mean[p] /= static_cast<double>(per_replicate.size());
      replicates = per_replicate.size();
      if (per_replicate.size() > 1) within += variance_of(per_replicate) / static_cast<double>(per_replicate.size());
    }
    SensitivityTable t;
    t.metric = metric;
    t.units = file.string_attribute(metric_dataset(metric), "units").value_or("");
    t.outcome = outcome;
    t.factors = factors;
    t.points = points;
    t.replicates = replicates;
    // A metric without a value in some run (NaN: e.g. the year of a depletion that never came) has no variance to
    // apportion: asked for by name it is refused, among every /summary metric it is listed as not analysed. So is
    // an outcome that is the same everywhere (compared exactly: a computed variance of equal values need not be 0).
    const std::size_t missing =
        static_cast<std::size_t>(std::count_if(mean.begin(), mean.end(), [](double v) { return !std::isfinite(v); }));
    if (missing > 0) {
      t.skipped = std::to_string(missing) + " of " + std::to_string(points) +
                  " design points have no finite value (NaN: e.g. an event that never happened)";
      if (!request.metrics.empty()) refuse(path, "'" + metric + "' cannot be analysed: " + t.skipped);
      tables.push_back(std::move(t));
      continue;
    }
    if (std::adjacent_find(mean.begin(), mean.end(), std::not_equal_to<>()) == mean.end()) {
      t.skipped = "the outcome is the same at every design point: no variance to apportion";
      tables.push_back(std::move(t));
      continue;
    }
    t.variance = variance_of(mean);
    // The variance of a replicate mean that noise alone gives, averaged over points, against the variance observed.
    t.noise_share = replicates > 1 ? (within / static_cast<double>(points)) / t.variance : std::nan("");
    if (design == "sobol") {
      const SobolIndices s = sobol_indices(mean, d, request.bootstrap);
      t.method = "Sobol' indices: first order (Saltelli et al. 2010), total (Jansen 1999); 95% bootstrap CIs";
      t.columns = {"S1", "ST"};
      t.index = {s.first_order, s.total};
    } else if (design == "morris") {
      const MorrisEffects m = morris_effects(unit, mean, d, request.bootstrap);
      t.method =
          "Morris elementary effects per unit of each factor's range: mu* (Campolongo et al. 2007) with its "
          "95% bootstrap CI, mu, sigma (Morris 1991)";
      t.columns = {"mu_star", "mu", "sigma"};
      std::vector<Interval> mu, sigma;
      for (std::size_t k = 0; k < d; ++k) {
        mu.push_back(plain(m.mu[k]));
        sigma.push_back(plain(m.sigma[k]));
      }
      t.index = {m.mu_star, mu, sigma};
    } else {
      const RankRegression r = rank_regression(values, mean, request.bootstrap);
      t.method =
          "rank regression: standardised rank regression coefficients and partial rank correlation "
          "coefficients (Saltelli & Marivoet 1990; Marino et al. 2008); 95% bootstrap CIs; rank R² " +
          std::to_string(r.r_squared).substr(0, 5);
      t.columns = {"SRRC", "PRCC"};
      t.index = {r.srrc, r.prcc};
    }
    tables.push_back(std::move(t));
  }
  return tables;
}

std::string format_sensitivity(const std::vector<SensitivityTable>& tables) {
  std::string out;
  char buffer[160];
  const auto number = [&](double v) {
    if (std::isnan(v)) return std::string("—");
    std::snprintf(buffer, sizeof buffer, "%.3f", v);
    return std::string(buffer);
  };
  for (const SensitivityTable& t : tables) {
    out += "\n" + t.metric + (t.units.empty() ? "" : " in " + t.units) + " (" + t.outcome + "; " +
           std::to_string(t.points) + " points × " + std::to_string(t.replicates) + " replicate" +
           (t.replicates == 1 ? "" : "s") + ")\n";
    if (!t.skipped.empty()) {
      out += "not analysed: " + t.skipped + "\n";
      continue;
    }
    out += t.method + "\n";
    if (std::isnan(t.noise_share)) {
      out += "replicate noise: not estimable with one replicate\n";
    } else {
      std::snprintf(buffer, sizeof buffer, "replicate noise: %.1f%% of the variance of the replicate-mean outcome\n",
                    100 * t.noise_share);
      out += buffer;
    }
    std::size_t width = 6;
    for (const std::string& f : t.factors) width = std::max(width, f.size());
    std::snprintf(buffer, sizeof buffer, "%-*s", static_cast<int>(width + 2), "factor");
    out += buffer;
    for (const std::string& c : t.columns) {
      std::snprintf(buffer, sizeof buffer, "%-24s", c.c_str());
      out += buffer;
    }
    out += "\n";
    for (std::size_t k = 0; k < t.factors.size(); ++k) {
      std::snprintf(buffer, sizeof buffer, "%-*s", static_cast<int>(width + 2), t.factors[k].c_str());
      out += buffer;
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const Interval& i = t.index[c][k];
        std::string cell = number(i.estimate);
        if (!std::isnan(i.low)) cell += " [" + number(i.low) + ", " + number(i.high) + "]";
        // Padded by characters, not bytes ("—" is three bytes of UTF-8): continuation bytes take no column.
        const auto shown = static_cast<std::size_t>(std::count_if(
            cell.begin(), cell.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
        out += cell + std::string(shown < 24 ? 24 - shown : 1, ' ');
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace reformsim::analysis
