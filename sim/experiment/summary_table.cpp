#include "sim/experiment/summary_table.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "sim/experiment/number_format.hpp"

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

namespace {

std::string cell(const MeanInterval& m, const std::string& units, bool difference) {
  if (m.n == 0) return "-";
  return format_estimate(m.mean, m.half_width, units, difference);
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

// Prints `rows` (the first is the header, the first column the labels) in blocks of at most kTableWidth columns,
// each repeating the label column: a table with many arms wraps instead of running off the terminal.
std::string format_blocks(const std::vector<std::vector<std::string>>& rows) {
  const std::size_t columns = rows.front().size();
  std::vector<std::size_t> width(columns, 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], points(row[c]));
  }
  std::ostringstream out;
  for (std::size_t first = 1; first < columns || first == 1;) {
    std::size_t last = first, used = width[0] + 2;
    while (last < columns && (last == first || used + width[last] + 2 <= kTableWidth)) used += width[last++] + 2;
    if (first > 1) out << "\n";
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::string line = pad(rows[r][0], width[0] + 2);
      for (std::size_t c = first; c < last; ++c) line += pad(rows[r][c], width[c] + 2);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << "\n";
      if (r == 0) out << std::string(used - 2, '-') << "\n";
    }
    if (last == first) break;
    first = last;
  }
  return out.str();
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
    std::vector<std::string> header{n > 1 ? "metric (mean ± 95% CI, n = " + std::to_string(n) + ")"
                                          : "metric (one run per arm)"};
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
        row.push_back(cell(mean_interval(v), m.units, false));
      }
      for (std::size_t a = 0; a < spec.arms.size(); ++a) {
        if (a == reference) continue;
        std::vector<double> d;
        for (const auto& [rep, run] : by_arm[a]) {
          auto it = by_arm[reference].find(rep);
          if (it != by_arm[reference].end()) d.push_back(values[run][m.metric] - values[it->second][m.metric]);
        }
        row.push_back(cell(mean_interval(d), m.units, true));
      }
      rows.push_back(std::move(row));
    }
    out << format_blocks(rows);
  }
  return out.str();
}

}  // namespace reformsim::experiment
