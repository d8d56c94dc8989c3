#include "sim/analysis/results_discovery.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "sim/analysis/design_results.hpp"

namespace reformsim::analysis {

bool Condition::holds(double v) const {
  if (op == "<") return v < value;
  if (op == "<=") return v <= value;
  if (op == ">") return v > value;
  return v >= value;
}

std::string Condition::text() const {
  char buffer[64];
  // The shortest of 15 or 17 digits that reads back as the same number: 6 stays "6", a median keeps every digit.
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  if (std::strtod(buffer, nullptr) != value) std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return metric + " " + op + " " + buffer;
}

Condition parse_condition(const std::string& text) {
  const std::size_t at = text.find_first_of("<>");
  if (at == std::string::npos) {
    throw std::invalid_argument("--where '" + text + "': expected METRIC < NUMBER (or <=, >, >=)");
  }
  Condition c;
  const auto trim = [](std::string s) {
    const std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  };
  c.metric = trim(text.substr(0, at));
  const bool or_equal = at + 1 < text.size() && text[at + 1] == '=';
  c.op = std::string(1, text[at]) + (or_equal ? "=" : "");
  const std::string number = trim(text.substr(at + c.op.size()));
  std::size_t used = 0;
  try {
    c.value = std::stod(number, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (c.metric.empty()) throw std::invalid_argument("--where '" + text + "': no metric before '" + c.op + "'");
  if (number.empty() || used != number.size() || !std::isfinite(c.value)) {
    throw std::invalid_argument("--where '" + text + "': '" + number + "' is not a number");
  }
  return c;
}

Discovery discover_results(const std::string& path, const DiscoveryRequest& request) {
  Discovery out;
  out.condition = parse_condition(request.where);
  const output::Hdf5Reader file(path);
  const DesignResults results = read_design_results(file);
  const std::size_t arm = results.arm_index(request.arm.value_or(results.reference_arm));
  out.arm = results.arms[arm];
  const std::vector<double> y = results.per_run_metric(file, out.condition.metric, &out.condition.metric);
  for (std::size_t k = 0; k < results.factors.size(); ++k) {
    out.input.factors.push_back({results.factors[k], !results.numeric[k], results.categories[k]});
  }
  std::size_t hits = 0;
  for (std::size_t r = 0; r < results.runs(); ++r) {
    if (static_cast<std::size_t>(results.arm[r]) != arm) continue;
    out.input.x.push_back(results.values[static_cast<std::size_t>(results.point[r])]);
    const bool hit = out.condition.holds(y[r]);
    out.input.y.push_back(hit);
    hits += hit ? 1 : 0;
  }
  if (hits == 0 || hits == out.input.y.size()) {
    throw std::invalid_argument(path + ": '" + out.condition.text() + "' holds in " + (hits == 0 ? "no" : "every") +
                                " run of arm " + out.arm + ": there is nothing to tell apart");
  }
  out.result = prim(out.input, request.options);
  return out;
}

std::string format_discovery(const Discovery& d) {
  std::string out;
  char buffer[256];
  const PrimResult& r = d.result;
  std::snprintf(buffer, sizeof buffer, "%s in arm %s: %zu of %zu runs (%.1f%%)\n", d.condition.text().c_str(),
                d.arm.c_str(), r.total_hits, d.input.y.size(), 100 * r.base_density);
  out += buffer;
  out +=
      "PRIM (Friedman & Fisher 1999) peeling trajectory: box, coverage (share of those runs inside), density (share "
      "of the box's runs that are such runs), mass (share of all runs inside)\n";
  const std::size_t step = std::max<std::size_t>(1, r.trajectory.size() / 12);
  for (std::size_t i = 0; i < r.trajectory.size(); ++i) {
    if (i % step != 0 && i != r.chosen && i + 1 != r.trajectory.size()) continue;
    const PrimBox& b = r.trajectory[i];
    std::snprintf(buffer, sizeof buffer, "  %3zu  coverage %5.1f%%  density %5.1f%%  mass %5.1f%%%s\n", i,
                  100 * b.coverage, 100 * b.density, 100 * b.mass, i == r.chosen ? "  <- chosen (pasted)" : "");
    out += buffer;
  }
  const PrimBox& chosen = r.trajectory[r.chosen];
  // Each limit with what it does: the share of the factor's observed range (or categories) it keeps, and the box's
  // density without it. A limit that keeps nearly all of the range, or without which the density hardly falls, is
  // a by-product of peeling rather than part of the explanation.
  const auto inside = [&](const std::vector<double>& x, const PrimLimit& l) {
    const PrimFactor& f = d.input.factors[l.factor];
    const double v = x[l.factor];
    if (!f.categorical) return v >= l.low && v <= l.high;
    return std::find(l.categories.begin(), l.categories.end(), static_cast<std::size_t>(v)) != l.categories.end();
  };
  const auto density_without = [&](std::size_t dropped) {
    std::size_t cases = 0, hits = 0;
    for (std::size_t c = 0; c < d.input.x.size(); ++c) {
      bool in = true;
      for (const PrimLimit& l : chosen.limits) {
        if (l.restricted && l.factor != dropped && !inside(d.input.x[c], l)) in = false;
      }
      if (!in) continue;
      ++cases;
      hits += d.input.y[c] ? 1 : 0;
    }
    return cases ? static_cast<double>(hits) / static_cast<double>(cases) : 0.0;
  };
  std::snprintf(buffer, sizeof buffer,
                "chosen box (density %.1f%%; per limit: share of the factor's range kept, "
                "density without the limit):\n",
                100 * chosen.density);
  out += buffer;
  bool any = false;
  for (const PrimLimit& limit : chosen.limits) {
    if (!limit.restricted) continue;
    any = true;
    const PrimFactor& f = d.input.factors[limit.factor];
    double kept_share = 0;
    std::string text;
    if (f.categorical) {
      for (std::size_t c : limit.categories) text += (text.empty() ? "" : ", ") + f.categories[c];
      text = f.name + " in {" + text + "}";
      kept_share = static_cast<double>(limit.categories.size()) / static_cast<double>(f.categories.size());
    } else {
      double lo = limit.low, hi = limit.high;
      for (const std::vector<double>& x : d.input.x) {
        lo = std::min(lo, x[limit.factor]);
        hi = std::max(hi, x[limit.factor]);
      }
      kept_share = hi > lo ? (limit.high - limit.low) / (hi - lo) : 1.0;
      std::snprintf(buffer, sizeof buffer, "%.6g <= %s <= %.6g", limit.low, f.name.c_str(), limit.high);
      text = buffer;
    }
    std::snprintf(buffer, sizeof buffer, "  %-70s keeps %5.1f%%, without it %5.1f%%\n", text.c_str(), 100 * kept_share,
                  100 * density_without(limit.factor));
    out += buffer;
  }
  if (!any) out += "  (no factor restricted: the condition is not explained by the varied parameters)\n";
  std::string free;
  for (const PrimLimit& limit : chosen.limits) {
    if (!limit.restricted) free += (free.empty() ? "" : ", ") + d.input.factors[limit.factor].name;
  }
  if (!free.empty() && any) out += "  unrestricted: " + free + "\n";
  return out;
}

}  // namespace reformsim::analysis
