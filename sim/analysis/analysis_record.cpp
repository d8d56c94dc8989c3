#include "sim/analysis/analysis_record.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

#include "sim/output/hdf5_writer.hpp"

namespace reformsim::analysis {

namespace {

using output::DatasetInfo;
using output::Hdf5Writer;

std::int64_t count(std::size_t n) { return static_cast<std::int64_t>(n); }

// Morris's elementary effects are differences of the outcome, so they carry its units; Sobol' indices and rank
// coefficients are pure numbers.
bool in_outcome_units(const std::string& index) { return index == "mu_star" || index == "mu" || index == "sigma"; }

void write_table(Hdf5Writer& w, const SensitivityTable& t, const BootstrapSettings& bootstrap) {
  const std::string group = "/sensitivity/" + t.metric;
  w.remove(group);
  if (!t.skipped.empty()) {
    w.write_int64s(group + "/points", {count(t.points)}, {1}, {"points", "design points of the experiment"});
    w.set_string_attribute(group, "metric", t.metric);
    w.set_string_attribute(group, "outcome", t.outcome);
    w.set_string_attribute(group, "skipped", t.skipped);
    return;
  }
  const std::size_t indices = t.columns.size(), factors = t.factors.size();
  std::vector<double> estimate, low, high;
  for (std::size_t i = 0; i < indices; ++i) {
    for (std::size_t f = 0; f < factors; ++f) {
      estimate.push_back(t.index[i][f].estimate);
      low.push_back(t.index[i][f].low);
      high.push_back(t.index[i][f].high);
    }
  }
  std::vector<std::string> index_units;
  for (const std::string& c : t.columns) index_units.push_back(in_outcome_units(c) ? t.units : "");
  w.write_strings(group + "/factors", t.factors, {"", "varied key paths, the second axis of the index tables"});
  w.write_strings(group + "/indices", t.columns,
                  {"", "index names, the first axis of the index tables (S1, ST; mu_star, mu, sigma; SRRC, PRCC)"});
  w.write_strings(group + "/index_units", index_units, {"", "units of each index (empty: a pure number)", {"indices"}});
  const std::vector<std::size_t> dims{indices, factors};
  w.write_doubles(group + "/estimate", estimate, dims,
                  {"", "index × factor: the estimate (units: index_units)", {"indices", "factors"}});
  w.write_doubles(group + "/low", low, dims,
                  {"",
                   "index × factor: lower bound of the 95% percentile bootstrap interval (NaN: none computed)",
                   {"indices", "factors"}});
  w.write_doubles(group + "/high", high, dims,
                  {"",
                   "index × factor: upper bound of the 95% percentile bootstrap interval (NaN: none computed)",
                   {"indices", "factors"}});
  const std::string squared = t.units.empty() ? "" : "(" + t.units + ")^2";
  w.write_doubles(group + "/variance", {t.variance}, {1},
                  {squared, "variance of the replicate-mean outcome over the design points"});
  w.write_doubles(group + "/noise_share", {t.noise_share}, {1},
                  {"fraction", "share of that variance replicate noise alone gives (NaN: one replicate)"});
  w.write_int64s(group + "/points", {count(t.points)}, {1}, {"points", "design points analysed"});
  w.write_int64s(group + "/replicates", {count(t.replicates)}, {1}, {"", "replicates per point"});
  w.set_string_attribute(group, "metric", t.metric);
  w.set_string_attribute(group, "units", t.units);
  w.set_string_attribute(group, "outcome", t.outcome);
  w.set_string_attribute(group, "method", t.method);
  w.set_string_attribute(group, "bootstrap",
                         std::to_string(bootstrap.resamples) + " resamples, seed " + std::to_string(bootstrap.seed));
}

}  // namespace

void record_sensitivity(const std::string& path, const std::vector<SensitivityTable>& tables,
                        const BootstrapSettings& bootstrap, const output::FileStamp& read) {
  Hdf5Writer w = Hdf5Writer::update(path, &read);
  for (const SensitivityTable& t : tables) write_table(w, t, bootstrap);
  w.commit();
}

void record_discovery(const std::string& path, const Discovery& d, const PrimOptions& options,
                      const output::FileStamp& read) {
  Hdf5Writer w = Hdf5Writer::update(path, &read);
  w.remove("/discovery");
  const PrimResult& r = d.result;
  std::vector<double> coverage, density, mass;
  std::vector<std::int64_t> restricted_factors;
  for (const PrimBox& b : r.trajectory) {
    coverage.push_back(b.coverage);
    density.push_back(b.density);
    mass.push_back(b.mass);
    std::size_t restricted = 0;
    for (const PrimLimit& l : b.limits) restricted += l.restricted ? 1 : 0;
    restricted_factors.push_back(count(restricted));
  }
  const std::vector<std::size_t> steps{r.trajectory.size()};
  w.write_doubles("/discovery/trajectory/coverage", coverage, steps,
                  {"fraction", "share of the runs of interest inside each box of the peeling trajectory", {"step"}});
  w.write_doubles("/discovery/trajectory/density", density, steps,
                  {"fraction", "share of each box's runs that are runs of interest", {"step"}});
  w.write_doubles("/discovery/trajectory/mass", mass, steps,
                  {"fraction", "share of all runs inside each box", {"step"}});
  w.write_int64s("/discovery/trajectory/restricted_factors", restricted_factors, steps,
                 {"factors", "factors each box restricts", {"step"}});
  w.write_int64s("/discovery/chosen", {count(r.chosen)}, {1},
                 {"", "index of the chosen (and pasted) box in the trajectory"});

  const PrimBox& box = r.trajectory[r.chosen];
  std::vector<std::string> names, kept;
  std::vector<std::int64_t> restricted;
  std::vector<double> low, high;
  const double none = std::numeric_limits<double>::quiet_NaN();
  for (const PrimLimit& l : box.limits) {
    const PrimFactor& f = d.input.factors[l.factor];
    names.push_back(f.name);
    restricted.push_back(l.restricted ? 1 : 0);
    low.push_back(f.categorical ? none : l.low);
    high.push_back(f.categorical ? none : l.high);
    std::string categories;
    for (std::size_t c : l.categories) categories += (categories.empty() ? "" : "\n") + f.categories[c];
    kept.push_back(categories);
  }
  const std::vector<std::size_t> factors{names.size()};
  w.write_strings("/discovery/box/factors", names, {"", "the design's factors (key paths)"});
  w.write_int64s("/discovery/box/restricted", restricted, factors,
                 {"", "1 where the chosen box limits the factor", {"factors"}});
  w.write_doubles(
      "/discovery/box/low", low, factors,
      {"", "numeric factor: lowest value inside the box (its own units; NaN for a categorical one)", {"factors"}});
  w.write_doubles(
      "/discovery/box/high", high, factors,
      {"", "numeric factor: highest value inside the box (its own units; NaN for a categorical one)", {"factors"}});
  w.write_strings(
      "/discovery/box/categories", kept,
      {"", "categorical factor: the categories the box keeps, one per line (empty for a numeric one)", {"factors"}});
  w.write_doubles("/discovery/box/coverage", {box.coverage}, {1}, {"fraction", "coverage of the chosen box"});
  w.write_doubles("/discovery/box/density", {box.density}, {1}, {"fraction", "density of the chosen box"});
  w.write_doubles("/discovery/box/mass", {box.mass}, {1}, {"fraction", "mass of the chosen box"});
  w.write_doubles("/discovery/base_density", {r.base_density}, {1},
                  {"fraction", "share of all runs of the arm that are runs of interest"});
  w.write_int64s("/discovery/runs", {count(d.input.y.size())}, {1}, {"runs", "runs of the arm analysed"});
  w.write_int64s("/discovery/hits", {count(r.total_hits)}, {1}, {"runs", "runs of interest"});
  w.set_string_attribute("/discovery", "where", d.condition.text());
  w.set_string_attribute("/discovery", "arm", d.arm);
  w.set_string_attribute("/discovery", "method", "PRIM (Friedman & Fisher 1999), peeling and pasting");
  char options_text[160];
  std::snprintf(options_text, sizeof options_text, "peel_alpha %g, paste_alpha %g, min_mass %g, threshold %g",
                options.peel_alpha, options.paste_alpha, options.min_mass, options.threshold);
  w.set_string_attribute("/discovery", "options", options_text);
  w.commit();
}

}  // namespace reformsim::analysis
