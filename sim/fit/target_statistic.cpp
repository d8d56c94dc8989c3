#include "sim/fit/target_statistic.hpp"

#include <cmath>

#include "sim/config/closest_name.hpp"

namespace reformsim::fit {

namespace {

const double kNaN = std::nan("");

std::size_t find_metric(const experiment::OutputLayout& layout, const std::string& path, const Target& t,
                        const char* key, config::ErrorList& errors) {
  std::vector<std::string> known;
  for (std::size_t i = 0; i < layout.metrics.size(); ++i) {
    if (layout.metrics[i].path == path) return i;
    known.push_back(layout.metrics[i].path);
  }
  for (const experiment::OutputLayout::Omitted& o : layout.omitted) {
    if (o.path != path) continue;
    errors.add(t.where, t.key_path + "." + key, "output dataset '" + path + "' is not produced: " + o.reason);
    return kNone;
  }
  std::string near = config::closest_name(path, known, 4);
  // A name without its unit suffix ("years/cost_per_case") is a near miss too.
  for (std::size_t i = 0; near.empty() && i < known.size(); ++i)
    if (known[i].rfind(path, 0) == 0) near = known[i];
  errors.add(t.where, t.key_path + "." + key,
             "no output dataset '" + path + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                 "; docs/output.md lists them");
  return kNone;
}

// Row offsets of the metric's cells at one year (or none) and the hospitals, in the hospitals' order.
std::vector<std::size_t> offsets(const experiment::OutputLayout& layout, std::size_t metric, std::optional<int> year,
                                 const std::vector<std::size_t>& hospitals) {
  const experiment::MetricSpec& m = layout.metrics[metric];
  const std::vector<std::size_t> dims = layout.row_dims(metric);
  std::vector<std::size_t> out{0};
  std::size_t stride = 1;
  for (std::size_t a = m.axes.size(); a-- > 0;) {
    if (m.axes[a] == "year") {
      for (std::size_t& o : out) o += static_cast<std::size_t>(*year - 1) * stride;
    } else {  // hospital
      std::vector<std::size_t> expanded;
      for (std::size_t h : hospitals)
        for (std::size_t o : out) expanded.push_back(o + h * stride);
      out = std::move(expanded);
    }
    stride *= dims[a];
  }
  return out;
}

ResolvedTarget resolve(const Target& t, const experiment::OutputLayout& layout,
                       const std::vector<experiment::Arm>& arms, config::ErrorList& errors) {
  ResolvedTarget r;
  for (std::size_t a = 0; a < arms.size(); ++a) {
    if (arms[a].name == t.arm) r.arm = a;
    if (arms[a].name == t.against_arm) r.against_arm = a;
  }
  const std::size_t before = errors.size();
  r.metric = find_metric(layout, t.metric, t, "metric", errors);
  if (r.metric == kNone) return r;
  const experiment::MetricSpec& m = layout.metrics[r.metric];
  bool by_year = false, by_hospital = false;
  for (const std::string& axis : m.axes) {
    if (axis == "year") {
      by_year = true;
    } else if (axis == "hospital") {
      by_hospital = true;
    } else {
      errors.add(t.where, t.key_path + ".metric",
                 "'" + t.metric + "' is over the " + axis +
                     " axis; a target can select only years and hospitals (use a /years, /hospitals or /summary "
                     "dataset)");
    }
  }
  const std::string& key = t.key_path;
  if (by_year && !t.year) errors.add(t.where, key + ".year", "'" + t.metric + "' is per year: give `year`");
  if (!by_year && t.year) errors.add(t.where, key + ".year", "'" + t.metric + "' is not per year");
  if (by_year) {
    const std::size_t years = layout.axis_size("year");
    for (std::optional<int> y : {t.year, t.from_year}) {
      if (y && static_cast<std::size_t>(*y) > years) {
        errors.add(t.where, key + (y == t.year ? ".year" : ".from_year"),
                   "year " + std::to_string(*y) + " is beyond the horizon (" + std::to_string(years) + " years)");
      }
    }
  }
  if (!by_hospital && (!t.hospitals.empty() || !t.weight_by.empty())) {
    errors.add(t.where, key + (t.hospitals.empty() ? ".weight_by" : ".hospitals"),
               "'" + t.metric + "' is not per hospital");
  }
  std::vector<std::size_t> hospitals;
  if (by_hospital) {
    const std::vector<std::string>* labels = nullptr;
    for (const experiment::AxisSpec& axis : layout.axes)
      if (axis.name == "hospital") labels = &axis.labels;
    if (t.hospitals.empty()) {
      for (std::size_t h = 0; h < labels->size(); ++h) hospitals.push_back(h);
    }
    for (std::size_t i = 0; i < t.hospitals.size(); ++i) {
      std::size_t found = kNone;
      for (std::size_t h = 0; h < labels->size(); ++h)
        if ((*labels)[h] == t.hospitals[i]) found = h;
      for (std::size_t j = 0; j < i; ++j) {
        if (t.hospitals[j] == t.hospitals[i]) {
          errors.add(t.where, key + ".hospitals[" + std::to_string(i) + "]",
                     "'" + t.hospitals[i] + "' is listed twice");
        }
      }
      if (found == kNone) {
        const std::string near = config::closest_name(t.hospitals[i], *labels, 4);
        errors.add(
            t.where, key + ".hospitals[" + std::to_string(i) + "]",
            "no hospital is named '" + t.hospitals[i] + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)"));
      }
      hospitals.push_back(found);
    }
  }
  if (!t.weight_by.empty()) {
    r.weight_metric = find_metric(layout, t.weight_by, t, "weight_by", errors);
    if (r.weight_metric != kNone && layout.metrics[r.weight_metric].axes != m.axes) {
      errors.add(t.where, key + ".weight_by", "'" + t.weight_by + "' is not over the same axes as '" + t.metric + "'");
    }
  }
  if (errors.size() > before) return r;
  r.at_year = offsets(layout, r.metric, t.year, hospitals);
  if (t.from_year) r.at_from_year = offsets(layout, r.metric, t.from_year, hospitals);
  return r;
}

double aggregate(const ResolvedTarget& t, const std::vector<std::size_t>& cells, const experiment::RunValues& v) {
  if (cells.empty()) return kNaN;
  const std::vector<double>& values = v.metrics[t.metric];
  double sum = 0, weights = 0;
  for (std::size_t c : cells) {
    const double w = t.weight_metric == kNone ? 1.0 : v.metrics[t.weight_metric][c];
    // A hospital without a value (no cases) carries no weight either.
    if (!std::isfinite(values[c]) || !std::isfinite(w)) continue;
    if (w < 0) return kNaN;  // a weight is a count or an amount: a negative one makes the mean meaningless
    sum += w * values[c];
    weights += w;
  }
  return weights > 0 ? sum / weights : kNaN;
}

}  // namespace

std::vector<ResolvedTarget> resolve_targets(const std::vector<Target>& targets, const experiment::OutputLayout& layout,
                                            const std::vector<experiment::Arm>& arms, config::ErrorList& errors) {
  std::vector<ResolvedTarget> out;
  for (const Target& t : targets) out.push_back(resolve(t, layout, arms, errors));
  return out;
}

std::vector<RunPoint> run_points(const std::vector<ResolvedTarget>& targets, const experiment::RunValues& values) {
  std::vector<RunPoint> out;
  for (const ResolvedTarget& t : targets) {
    out.push_back(
        {aggregate(t, t.at_year, values), t.at_from_year.empty() ? kNaN : aggregate(t, t.at_from_year, values)});
  }
  return out;
}

double replicate_statistic(const Target& target, const RunPoint& arm, const RunPoint* against) {
  const auto change = [&](const RunPoint& p) {
    if (!target.from_year) return p.at_year;
    return target.relative ? p.at_year / p.at_from_year - 1 : p.at_year - p.at_from_year;
  };
  if (!against) return change(arm);
  if (target.relative && !target.from_year) return arm.at_year / against->at_year - 1;
  return change(arm) - change(*against);
}

experiment::MeanInterval target_estimate(const Target& target, const ResolvedTarget& resolved,
                                         const std::vector<std::vector<RunPoint>>& by_arm) {
  const std::vector<RunPoint>& arm = by_arm[resolved.arm];
  std::vector<double> statistics;
  for (std::size_t r = 0; r < arm.size(); ++r) {
    const RunPoint* against = resolved.against_arm == kNone ? nullptr : &by_arm[resolved.against_arm][r];
    statistics.push_back(replicate_statistic(target, arm[r], against));
    // Every trial must average the same replicates, or common random numbers no longer pair them.
    if (!std::isfinite(statistics.back())) return {kNaN, kNaN, 0};
  }
  return experiment::mean_interval(statistics);
}

}  // namespace reformsim::fit
