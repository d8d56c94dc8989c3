#include "sim/experiment/summary_table.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

namespace reformsim::experiment {

MeanInterval mean_interval(const std::vector<double>& values) {
  MeanInterval out;
  double sum = 0;
  for (double v : values) {
    if (std::isfinite(v)) {
      sum += v;
      ++out.n;
    }
  }
  if (out.n == 0) return {std::nan(""), std::nan(""), 0};
  out.mean = sum / static_cast<double>(out.n);
  if (out.n < 2) {
    out.half_width = std::nan("");
    return out;
  }
  double squares = 0;
  for (double v : values) {
    if (std::isfinite(v)) squares += (v - out.mean) * (v - out.mean);
  }
  const double sd = std::sqrt(squares / static_cast<double>(out.n - 1));
  const boost::math::students_t t(static_cast<double>(out.n - 1));
  out.half_width = boost::math::quantile(boost::math::complement(t, 0.025)) * sd / std::sqrt(out.n);
  return out;
}

// Readable numbers: 4 significant digits, with k/M/bn suffixes for large magnitudes (money in yuan).
std::string readable_number(double v) {
  if (!std::isfinite(v)) return "-";
  char buffer[64];
  const double a = std::abs(v);
  if (a >= 1e9)
    std::snprintf(buffer, sizeof buffer, "%.4gbn", v / 1e9);
  else if (a >= 1e6)
    std::snprintf(buffer, sizeof buffer, "%.4gM", v / 1e6);
  else if (a >= 1e4)
    std::snprintf(buffer, sizeof buffer, "%.0f", v);
  else
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
  return buffer;
}

namespace {

std::string cell(const MeanInterval& m) {
  if (m.n == 0) return "-";
  if (!std::isfinite(m.half_width)) return readable_number(m.mean);
  return readable_number(m.mean) + " ± " + readable_number(m.half_width);
}

std::string pad(const std::string& s, std::size_t width) {
  // Width in code points, so the ± sign does not break the alignment.
  std::size_t points = 0;
  for (unsigned char c : s) points += (c & 0xC0) != 0x80;
  return s + std::string(width > points ? width - points : 0, ' ');
}

std::size_t points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string format_summary_table(const ExperimentSpec& spec, const std::vector<RunPlan>& runs,
                                 const std::vector<HeadlineMetric>& metrics,
                                 const std::vector<std::vector<double>>& values) {
  std::ostringstream out;
  std::size_t reference = 0;
  for (std::size_t a = 0; a < spec.arms.size(); ++a) {
    if (spec.arms[a].name == spec.reference_arm) reference = a;
  }
  // A sampled design's points are draws, not cases to compare one by one: its table pools them, so each cell is the
  // mean over the design's distribution of the parameters (the interval then includes their spread).
  const bool pooled = spec.design.kind != DesignKind::Grid;
  std::size_t points_count = 0;
  for (const RunPlan& r : runs) points_count = std::max(points_count, pooled ? 1 : r.point + 1);

  for (std::size_t point = 0; point < points_count; ++point) {
    // by_arm[arm][(point, replicate)] = run index
    std::vector<std::map<std::pair<std::size_t, int>, std::size_t>> by_arm(spec.arms.size());
    const RunPlan* example = nullptr;
    std::set<std::size_t> points_seen;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (!pooled && runs[i].point != point) continue;
      by_arm[runs[i].arm_index][{runs[i].point, runs[i].replicate}] = i;
      points_seen.insert(runs[i].point);
      example = &runs[i];
    }
    if (!example) continue;
    out << "\n";
    if (pooled) {
      out << design_name(spec.design.kind) << " design: " << points_seen.size()
          << " points pooled (`reformsim sensitivity` tells which parameters drive each outcome)\n";
    } else if (!spec.vary.empty()) {
      out << "grid point " << point << ":";
      for (std::size_t k = 0; k < spec.vary.size(); ++k) {
        out << " " << spec.vary[k].key_path << "=" << example->varied_values[k];
      }
      out << "\n";
    }
    const std::size_t n = pooled ? points_seen.size() * static_cast<std::size_t>(spec.replicates)
                                 : static_cast<std::size_t>(spec.replicates);
    std::vector<std::string> header{"metric (mean ± 95% CI, n = " + std::to_string(n) + ")"};
    for (const Arm& a : spec.arms) header.push_back(a.name);
    for (std::size_t a = 0; a < spec.arms.size(); ++a) {
      if (a != reference) header.push_back(spec.arms[a].name + " − " + spec.arms[reference].name + " (paired)");
    }
    std::vector<std::vector<std::string>> rows{header};
    for (const HeadlineMetric& m : metrics) {
      std::vector<std::string> row{m.label};
      for (std::size_t a = 0; a < spec.arms.size(); ++a) {
        std::vector<double> v;
        for (const auto& [rep, run] : by_arm[a]) v.push_back(values[run][m.metric]);
        row.push_back(cell(mean_interval(v)));
      }
      for (std::size_t a = 0; a < spec.arms.size(); ++a) {
        if (a == reference) continue;
        std::vector<double> d;
        for (const auto& [rep, run] : by_arm[a]) {
          auto it = by_arm[reference].find(rep);
          if (it != by_arm[reference].end()) d.push_back(values[run][m.metric] - values[it->second][m.metric]);
        }
        row.push_back(cell(mean_interval(d)));
      }
      rows.push_back(std::move(row));
    }
    std::vector<std::size_t> width(header.size(), 0);
    for (const auto& row : rows) {
      for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], points(row[c]));
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (std::size_t c = 0; c < rows[r].size(); ++c) out << pad(rows[r][c], width[c] + 2);
      out << "\n";
      if (r == 0) {
        std::size_t total = 0;
        for (std::size_t w : width) total += w + 2;
        for (std::size_t i = 0; i < total; ++i) out << "-";
        out << "\n";
      }
    }
  }
  return out.str();
}

}  // namespace reformsim::experiment
