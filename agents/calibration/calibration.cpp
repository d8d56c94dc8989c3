#include "agents/calibration/calibration.hpp"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include <stdexcept>
#include "sim/config/csv_write.hpp"

namespace reformsim::agents {

namespace {

// Linear-interpolation quantile of sorted values.
double quantile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

std::string number(double v, const char* format = "%.6g") {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, v);
  return buffer;
}

}  // namespace

CalibrationResult calibrate(const CaseCatalogue& catalogue, const std::vector<CaseRecord>& cases,
                            const CalibrationOptions& options) {
  std::vector<std::vector<double>> by_group(catalogue.size());
  for (const CaseRecord& c : cases) by_group.at(c.group).push_back(c.bill_yuan);
  CalibrationResult r;
  r.groups.resize(catalogue.size());
  r.cases = cases.size();
  double kept_sum = 0, kept_count = 0;
  for (std::size_t g = 0; g < catalogue.size(); ++g) {
    std::vector<double>& costs = by_group[g];
    GroupEstimate& e = r.groups[g];
    e.cases = costs.size();
    if (costs.empty()) continue;
    std::sort(costs.begin(), costs.end());
    const double q1 = quantile(costs, 0.25), q3 = quantile(costs, 0.75);
    const double low = q1 - options.trim_iqr * (q3 - q1), high = q3 + options.trim_iqr * (q3 - q1);
    std::vector<double> kept;
    for (double c : costs) {
      if (c >= low && c <= high) kept.push_back(c);
    }
    e.kept = kept.size();
    r.trimmed += costs.size() - kept.size();
    const Eigen::Map<const Eigen::ArrayXd> values(kept.data(), static_cast<Eigen::Index>(kept.size()));
    e.mean_cost_yuan = kept.empty() ? 0.0 : values.mean();
    kept_sum += values.sum();
    kept_count += static_cast<double>(kept.size());
  }
  if (kept_count == 0) throw std::invalid_argument("calibration needs at least one base-period case");
  r.overall_mean_cost_yuan = kept_sum / kept_count;

  // Weights: trimmed group mean ÷ overall mean; thin groups keep their prior weight and mean cost.
  double weight_total = 0, score_total = 0, cost_total = 0;
  for (std::size_t g = 0; g < catalogue.size(); ++g) {
    GroupEstimate& e = r.groups[g];
    if (e.kept < options.min_cases) {
      e.kept_prior = true;
      e.weight = catalogue.group(g).weight;
      e.mean_cost_yuan = catalogue.group(g).mean_cost_yuan;
    } else {
      e.weight = e.mean_cost_yuan / r.overall_mean_cost_yuan;
    }
    e.score = e.weight * options.score_scale;
  }
  for (const CaseRecord& c : cases) {
    weight_total += r.groups[c.group].weight;
    score_total += r.groups[c.group].score;
    cost_total += c.bill_yuan;
  }
  r.budget_yuan = options.budget_yuan.value_or(cost_total);
  r.base_rate_yuan = r.budget_yuan / weight_total;
  r.point_value_yuan = r.budget_yuan / score_total;
  return r;
}

std::string calibrated_catalogue_csv(const CaseCatalogue& catalogue, const CalibrationResult& result) {
  std::ostringstream out;
  out << "# Calibrated by reformsim calibrate: weight = trimmed group mean cost / overall mean ("
      << number(result.overall_mean_cost_yuan, "%.2f") << " yuan); base rate " << number(result.base_rate_yuan, "%.2f")
      << " yuan\n";
  out << "code,mdc,adrg,name,kind,weight,frequency,mean_los_days,los_cv,mean_cost_yuan,cost_cv,standard_yuan,basic\n";
  for (std::size_t g = 0; g < catalogue.size(); ++g) {
    const CaseGroup& c = catalogue.group(g);
    const GroupEstimate& e = result.groups[g];
    out << config::csv_field(c.code) << ',' << config::csv_field(c.mdc) << ',' << config::csv_field(c.adrg) << ','
        << config::csv_field(c.name) << ',' << (c.kind == GroupKind::Qy ? "qy" : "normal") << ','
        << number(e.weight, "%.4f") << ',' << number(c.frequency) << ',' << number(c.mean_los_days) << ','
        << number(c.los_cv) << ',' << number(e.mean_cost_yuan, "%.2f") << ',' << number(c.cost_cv) << ','
        << (c.standard_yuan ? number(*c.standard_yuan, "%.2f") : std::string()) << ',' << (c.basic ? 1 : 0) << '\n';
  }
  return out.str();
}

std::string calibrated_dip_csv(const CaseCatalogue& catalogue, const CalibrationResult& result) {
  std::ostringstream out;
  out << "# Calibrated by reformsim calibrate: score = weight x scale; point value "
      << number(result.point_value_yuan, "%.4f") << " yuan\n";
  out << "code,case_group,name,score,mean_cost_yuan,coefficient,basic\n";
  for (std::size_t g = 0; g < catalogue.size(); ++g) {
    const CaseGroup& c = catalogue.group(g);
    const GroupEstimate& e = result.groups[g];
    out << config::csv_field("DIP-" + c.code) << ',' << config::csv_field(c.code) << ',' << config::csv_field(c.name)
        << ',' << number(e.score, "%.4f") << ',' << number(e.mean_cost_yuan, "%.2f") << ",1," << (c.basic ? 1 : 0)
        << '\n';
  }
  return out.str();
}

}  // namespace reformsim::agents
