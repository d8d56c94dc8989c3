#include "sim/experiment/projection.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "sim/experiment/number_format.hpp"
#include "sim/experiment/summary_table.hpp"
#include "sim/output/hdf5_writer.hpp"

namespace reformsim::experiment {

namespace {

// Quantile q of sorted finite values (type-7: linear between order statistics).
double quantile_of_sorted(const std::vector<double>& v, double q) {
  if (v.empty()) return std::nan("");
  const double h = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

Projection::Projection(ProjectionSpec spec, const OutputLayout& layout, const std::vector<RunPlan>& runs)
    : spec_(std::move(spec)), layout_(layout) {
  if (spec_.empty()) return;
  const auto axis =
      std::find_if(layout.axes.begin(), layout.axes.end(), [&](const AxisSpec& a) { return a.name == spec_.axis; });
  if (axis == layout.axes.end()) throw std::logic_error("projection axis '" + spec_.axis + "' is not declared");
  year_labels_ = axis->labels;
  for (const std::string& label : year_labels_) years_.push_back(std::stod(label));
  for (std::size_t f : spec_.fans) {
    if (layout.metrics[f].axes != std::vector<std::string>{spec_.axis})
      throw std::logic_error("projected fan " + layout.metrics[f].path + " is not over axis " + spec_.axis);
  }
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> index;
  std::size_t points = 0;
  for (const RunPlan& r : runs) points = std::max(points, r.point + 1);
  for (const RunPlan& r : runs) {
    auto [it, inserted] = index.emplace(std::make_pair(r.point, r.arm_index), group_labels_.size());
    if (inserted) group_labels_.push_back(points > 1 ? r.arm + " @ point " + std::to_string(r.point) : r.arm);
    group_of_run_[r.run_id] = it->second;
  }
  fan_values_.assign(spec_.fans.size(), std::vector<std::vector<double>>(group_labels_.size()));
  event_years_.assign(spec_.events.size(), std::vector<std::vector<double>>(group_labels_.size()));
}

void Projection::add(const RunPlan& plan, const RunValues& values) {
  if (spec_.empty()) return;
  const std::size_t g = group_of_run_.at(plan.run_id);
  for (std::size_t f = 0; f < spec_.fans.size(); ++f) {
    const std::vector<double>& row = values.metrics[spec_.fans[f]];
    fan_values_[f][g].insert(fan_values_[f][g].end(), row.begin(), row.end());
  }
  for (std::size_t e = 0; e < spec_.events.size(); ++e)
    event_years_[e][g].push_back(values.metrics[spec_.events[e].metric][0]);
}

double Projection::fan_quantile(std::size_t f, std::size_t g, std::size_t year, double q) const {
  const std::vector<double>& all = fan_values_[f][g];
  const std::size_t years = years_.size();
  std::vector<double> v;
  for (std::size_t i = year; i < all.size(); i += years) {
    if (std::isfinite(all[i])) v.push_back(all[i]);
  }
  std::sort(v.begin(), v.end());
  return quantile_of_sorted(v, q);
}

double Projection::probability_by(std::size_t e, std::size_t g, std::size_t year) const {
  const std::vector<double>& v = event_years_[e][g];
  if (v.empty()) return std::nan("");
  const double by = static_cast<double>(std::count_if(v.begin(), v.end(), [&](double x) { return x <= years_[year]; }));
  return by / static_cast<double>(v.size());
}

void Projection::write(output::Hdf5Writer& w) const {
  if (spec_.empty()) return;
  const std::size_t groups = group_labels_.size(), years = years_.size();
  const std::vector<double>& q = projection_quantiles();
  w.write_strings("/projection/groups", group_labels_,
                  {"", "the groups of runs summarised: one per arm (and grid point), all its replicates"});
  w.write_strings("/projection/" + spec_.axis, year_labels_, {"", "the projection's time axis"});
  w.write_doubles("/projection/quantiles", q, {q.size()}, {"fraction", "the percentiles of each fan"});
  for (std::size_t f = 0; f < spec_.fans.size(); ++f) {
    const MetricSpec& m = layout_.metrics[spec_.fans[f]];
    std::vector<double> out;
    for (std::size_t g = 0; g < groups; ++g) {
      for (std::size_t y = 0; y < years; ++y) {
        for (double p : q) out.push_back(fan_quantile(f, g, y, p));
      }
    }
    w.write_doubles("/projection/" + m.path, out, {groups, years, q.size()},
                    {m.units,
                     "percentiles across replicates [group, " + spec_.axis + ", quantile] of " + m.description,
                     {"groups", spec_.axis, "quantiles"}});
  }
  for (std::size_t e = 0; e < spec_.events.size(); ++e) {
    std::vector<double> out;
    for (std::size_t g = 0; g < groups; ++g) {
      for (std::size_t y = 0; y < years; ++y) out.push_back(probability_by(e, g, y));
    }
    w.write_doubles("/projection/p_by_year/" + spec_.events[e].name, out, {groups, years},
                    {"fraction",
                     spec_.events[e].label + " [group, " + spec_.axis + "]: share of the group's runs",
                     {"groups", spec_.axis}});
  }
}

std::string Projection::format_tables() const {
  if (spec_.empty()) return "";
  std::size_t width = 8;
  for (const std::string& g : group_labels_) width = std::max(width, g.size() + 2);
  auto header = [&](const std::string& title) {
    std::string s = "\n" + title + "\n" + std::string(width, ' ');
    for (const std::string& y : year_labels_) {
      char cell[16];
      std::snprintf(cell, sizeof cell, "%9s", y.c_str());
      s += cell;
    }
    return s + "\n";
  };
  std::string out;
  for (std::size_t e = 0; e < spec_.events.size(); ++e) {
    out += header(spec_.events[e].label);
    for (std::size_t g = 0; g < group_labels_.size(); ++g) {
      out += group_labels_[g] + std::string(width - group_labels_[g].size(), ' ');
      for (std::size_t y = 0; y < years_.size(); ++y) {
        char cell[16];
        std::snprintf(cell, sizeof cell, "%8.0f%%", 100.0 * probability_by(e, g, y));
        out += cell;
      }
      out += "\n";
    }
  }
  for (std::size_t f = 0; f < spec_.fans.size(); ++f) {
    const MetricSpec& m = layout_.metrics[spec_.fans[f]];
    out += header(m.description + " (" + m.units + "): 5th percentile, median, 95th percentile across replicates");
    for (std::size_t g = 0; g < group_labels_.size(); ++g) {
      for (double q : {0.05, 0.5, 0.95}) {
        const std::string name = q == 0.05 ? group_labels_[g] : "";
        std::string row = name + std::string(width - name.size(), ' ');
        for (std::size_t y = 0; y < years_.size(); ++y) {
          char cell[32];
          std::snprintf(cell, sizeof cell, "%9s", format_value(fan_quantile(f, g, y, q), m.units).c_str());
          row += cell;
        }
        out += row + "\n";
      }
    }
  }
  return out;
}

}  // namespace reformsim::experiment
