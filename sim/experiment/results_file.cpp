#include "sim/experiment/results_file.hpp"

#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <set>
#include <stdexcept>

#include "sim/output/hdf5_writer.hpp"

#ifndef REFORMSIM_VERSION
#define REFORMSIM_VERSION "0.0.0"
#endif
namespace reformsim::experiment {

// Defined in the build tree's generated/git_revision.cpp (cmake/write_git_revision.cmake), rewritten at build time.
const char* built_git_revision();

using output::DatasetInfo;

std::string tool_version() { return REFORMSIM_VERSION; }
std::string git_revision() { return built_git_revision(); }

namespace {

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

// The design: its kind, sizes and seed in /meta, its points in /design (docs/output.md has the layout).
void write_design(output::Hdf5Writer& w, const ExperimentSpec& spec, const DesignTable& design) {
  std::vector<std::string> paths;
  for (const DesignFactor& f : design.factors) paths.push_back(f.key_path);
  w.write_strings("/meta/varied_parameters", paths, {"", "scenario key paths varied by the design (its factors)"});
  const DesignSettings& d = spec.design;
  w.write_strings("/meta/design", {design_name(d.kind)}, {"", "grid, lhs, sobol or morris"});
  const auto count = [](std::size_t n) { return static_cast<std::int64_t>(n); };
  w.write_int64s("/meta/design_points", {count(design.points())}, {1},
                 {"points", "design points (each run per arm and replicate)"});
  w.write_int64s("/meta/design_samples", {count(d.kind == DesignKind::Morris ? d.trajectories : d.samples)}, {1},
                 {"", "lhs: points; sobol: base samples N (N (D + 2) points); morris: trajectories; grid: 0"});
  w.write_int64s("/meta/design_levels", {d.kind == DesignKind::Morris ? d.levels : 0}, {1},
                 {"levels", "morris: grid levels; 0 otherwise"});
  w.write_int64s("/meta/design_seed", {static_cast<std::int64_t>(d.seed)}, {1}, {"", "seed of the design's points"});
  if (design.factors.empty()) return;
  std::vector<double> values, unit;
  for (std::size_t p = 0; p < design.points(); ++p) {
    values.insert(values.end(), design.value[p].begin(), design.value[p].end());
    if (!design.unit.empty()) unit.insert(unit.end(), design.unit[p].begin(), design.unit[p].end());
  }
  const std::vector<std::size_t> dims{design.points(), design.factors.size()};
  w.write_strings("/design/factors", paths, {"", "column names of /design/values and /design/unit"});
  w.write_doubles("/design/values", values, dims,
                  {"",
                   "points × factors: the value of each numeric factor, the index into /design/categories/<key> "
                   "of each categorical one",
                   {"point", "factors"}});
  if (!unit.empty()) {
    w.write_doubles("/design/unit", unit, dims,
                    {"",
                     "points × factors: the point's coordinates in the unit cube the design was drawn in",
                     {"point", "factors"}});
  }
  std::vector<std::int64_t> numeric;
  for (const DesignFactor& f : design.factors) {
    numeric.push_back(f.numeric ? 1 : 0);
    if (!f.numeric)
      w.write_strings("/design/categories/" + f.key_path, f.categories, {"", "values of a categorical factor"});
  }
  w.write_int64s("/design/numeric", numeric, {numeric.size()}, {"", "1: numeric factor; 0: categorical", {"factors"}});
}

}  // namespace

ResultsFile::ResultsFile(const std::string& path, const ExperimentSpec& spec, const ExpandedExperiment& experiment,
                         const OutputLayout& layout, const RunContext& context)
    : writer_(std::make_unique<output::Hdf5Writer>(output::Hdf5Writer::create(path))),
      spec_(spec),
      layout_(layout),
      design_(experiment.design) {
  output::Hdf5Writer& w = *writer_;
  w.write_strings("/meta/tool_version", {tool_version()}, {"", "reformsim version that wrote the file"});
  w.write_strings("/meta/git_revision", {git_revision()}, {"", "source revision of the binary"});
  w.write_strings("/meta/command_line", {context.command_line}, {"", "the command that wrote the file"});
  w.write_strings("/meta/created_utc", {utc_now()}, {"ISO 8601", "when the run started"});
  w.write_strings("/meta/experiment_name", {spec.name}, {"", "experiment name"});
  w.write_strings("/meta/experiment_file", {spec.source_file}, {"", "experiment or scenario file"});
  w.write_strings("/meta/experiment_text", {spec.source_text}, {"", "text of the experiment or scenario file"});
  w.write_strings("/meta/scenarios", context.resolved_scenarios,
                  {"",
                   "validated scenario (defaults filled) of each grid point and arm, as YAML; "
                   "/runs/scenario_index points here"});
  std::vector<std::string> arm_names;
  for (const Arm& a : spec.arms) arm_names.push_back(a.name);
  w.write_strings("/meta/arms", arm_names, {"", "arm names in arm_index order"});
  w.write_strings("/meta/reference_arm", {spec.reference_arm}, {"", "arm that paired differences are taken against"});
  write_design(w, spec, experiment.design);
  const ExperimentIdentity& id = context.identity;
  w.write_strings("/meta/experiment_sha256", {id.experiment_sha256},
                  {"SHA-256", "experiment file text and its expansion into runs (seeds, arms, points, replicates)"});
  w.write_strings("/meta/scenarios_sha256", {id.scenarios_sha256}, {"SHA-256", "every validated scenario"});
  std::vector<std::string> input_paths;
  std::vector<std::string> input_hashes;
  for (const config::InputRecord& input : id.inputs) {
    input_paths.push_back(input.path);
    input_hashes.push_back(input.sha256);
  }
  w.write_strings("/meta/input_files", input_paths, {"", "every file read (experiment, scenarios, catalogues)"});
  w.write_strings("/meta/input_sha256", input_hashes, {"SHA-256", "contents of each /meta/input_files entry"});
  w.write_strings("/meta/binary_id", {id.binary_id}, {"", "GNU build ID (or SHA-256) of the binary that ran"});
  w.write_int64s("/meta/run_selection",
                 {static_cast<std::int64_t>(id.selection.first), static_cast<std::int64_t>(id.selection.end),
                  static_cast<std::int64_t>(id.total_runs)},
                 {3},
                 {"run id", "runs in this file [first, end) and the experiment's total; a whole run is [0, N, N]"});
  w.write_strings("/meta/identity", {id.to_text()}, {"", "the above as one text (what --resume and merge compare)"});
  w.write_int64s("/meta/seed", {static_cast<std::int64_t>(spec.seed)}, {1}, {"", "master seed"});
  std::vector<std::string> headline_paths, headline_labels;
  for (const HeadlineMetric& h : context.headline) {
    headline_paths.push_back(layout.metrics.at(h.metric).path);
    headline_labels.push_back(h.label);
  }
  w.write_strings("/meta/headline_metrics", headline_paths,
                  {"", "the metrics of the printed summary table, in its order (the analysis tools use the same)"});
  w.write_strings("/meta/headline_labels", headline_labels,
                  {"", "the table's label of each headline metric", {"headline_metrics"}});
  w.write_int64s("/meta/replicates", {spec.replicates}, {1}, {"", "replicates per arm and grid point"});

  // Every axis is a coordinate at the root, where netCDF-4 readers (xarray, R) find it from every group; /axes keeps
  // the older names as links.
  for (const AxisSpec& axis : layout.axes) {
    w.write_strings("/" + axis.name, axis.labels, {"", axis.description});
    w.link("/axes/" + axis.name, "/" + axis.name);
  }

  // The runs of this file: chunks of 2,048 rows for a file of 1 run would be allocated, filled and compressed for
  // nothing, dataset after dataset.
  w.expect_rows(id.selection.end - id.selection.first);
  const std::vector<std::string> run_dim{"run"};
  w.create_rows_int64("/run", {}, {"", "run index: the first dimension of every per-run dataset", run_dim});
  w.create_rows_int64("/runs/run_id", {}, {"", "run index (row of every /summary, /monthly, ... dataset)", run_dim});
  w.create_rows_string("/runs/arm", {"", "policy arm name", run_dim});
  w.create_rows_int64("/runs/arm_index", {}, {"", "index into /meta/arms", run_dim});
  w.create_rows_int64("/runs/point", {}, {"", "grid point index of the varied parameters", run_dim});
  w.create_rows_int64("/runs/replicate", {},
                      {"", "replicate; runs with equal replicate share random numbers", run_dim});
  w.create_rows_int64("/runs/seed", {}, {"", "master seed", run_dim});
  w.create_rows_int64("/runs/scenario_index", {}, {"", "index into /meta/scenarios", run_dim});
  w.create_rows_count("/runs/events", {}, {"events", "events processed by the simulation kernel", run_dim});
  w.create_rows_string("/runs/status",
                       {"", "'complete', or 'failed' (its metrics NaN, the reason in /runs/message)", run_dim});
  w.create_rows_string("/runs/message", {"", "why the run failed; empty when complete", run_dim});
  for (const DesignFactor& f : experiment.design.factors) {
    const DatasetInfo info{"", "value of the varied parameter " + f.key_path, run_dim};
    if (f.numeric) {
      w.create_rows_double("/runs/param/" + f.key_path, {}, info);
    } else {
      w.create_rows_string("/runs/param/" + f.key_path, info);
    }
  }
  // Each group of per-run metrics links its coordinates in (the axes' labels, and arm, replicate and point along
  // the run dimension), because a netCDF reader of one group (xarray's open_dataset(group="monthly")) sees only the
  // variables stored or linked there.
  std::map<std::string, std::set<std::string>> group_axes;
  for (std::size_t i = 0; i < layout.metrics.size(); ++i) {
    const MetricSpec& m = layout.metrics[i];
    std::vector<std::string> dims{"run"};
    dims.insert(dims.end(), m.axes.begin(), m.axes.end());
    is_count_.push_back(counts_whole_things(m.units));
    if (is_count_.back()) {
      w.create_rows_count("/" + m.path, layout.row_dims(i), {m.units, m.description, dims});
    } else {
      w.create_rows_double("/" + m.path, layout.row_dims(i), {m.units, m.description, dims});
    }
    w.set_string_attribute("/" + m.path, "coordinates", "arm replicate point");
    if (const std::size_t slash = m.path.rfind('/'); slash != std::string::npos)
      group_axes["/" + m.path.substr(0, slash)].insert(dims.begin(), dims.end());
  }
  for (const auto& [group, axes] : group_axes) {
    for (const std::string& axis : axes) w.link(group + "/" + axis, "/" + axis);
    for (const char* coordinate : {"arm", "replicate", "point"}) {
      w.link(group + "/" + coordinate, std::string("/runs/") + coordinate);
    }
  }
}

ResultsFile::~ResultsFile() = default;

void ResultsFile::append(const RunPlan& plan, const RunOutcome& outcome) {
  output::Hdf5Writer& w = *writer_;
  const bool failed = outcome.status == RunStatus::failed;
  RunValues missing;
  if (failed) {
    ++failed_;
    for (std::size_t i = 0; i < layout_.metrics.size(); ++i)
      missing.metrics.emplace_back(layout_.row_size(i), std::nan(""));
  }
  const RunValues& values = failed ? missing : outcome.values;
  if (values.metrics.size() != layout_.metrics.size()) {
    throw std::logic_error("run produced " + std::to_string(values.metrics.size()) + " metrics, layout declares " +
                           std::to_string(layout_.metrics.size()));
  }
  for (std::size_t i = 0; i < layout_.metrics.size(); ++i) {
    if (values.metrics[i].size() != layout_.row_size(i)) {
      throw std::logic_error("metric " + layout_.metrics[i].path + " has the wrong number of values");
    }
    if (is_count_[i]) {
      w.append_row_count("/" + layout_.metrics[i].path, values.metrics[i].data());
    } else {
      w.append_row_double("/" + layout_.metrics[i].path, values.metrics[i].data());
    }
  }
  for (std::size_t k = 0; k < design_.factors.size(); ++k) {
    const std::string path = "/runs/param/" + design_.factors[k].key_path;
    if (design_.factors[k].numeric) {
      w.append_row_double(path, &design_.value.at(plan.point)[k]);
    } else {
      w.append_row_string(path, plan.varied_values[k]);
    }
  }
  const std::int64_t run_id = static_cast<std::int64_t>(plan.run_id);
  const std::int64_t arm_index = static_cast<std::int64_t>(plan.arm_index);
  const std::int64_t point = static_cast<std::int64_t>(plan.point);
  const std::int64_t replicate = plan.replicate;
  const std::int64_t seed = static_cast<std::int64_t>(plan.seed);
  const std::int64_t scenario_index = static_cast<std::int64_t>(plan.scenario_index);
  w.append_row_int64("/run", &run_id);
  w.append_row_int64("/runs/run_id", &run_id);
  w.append_row_string("/runs/arm", plan.arm);
  w.append_row_int64("/runs/arm_index", &arm_index);
  w.append_row_int64("/runs/point", &point);
  w.append_row_int64("/runs/replicate", &replicate);
  w.append_row_int64("/runs/seed", &seed);
  w.append_row_int64("/runs/scenario_index", &scenario_index);
  w.append_row_count("/runs/events", &values.events);
  w.append_row_string("/runs/message", outcome.message);
  w.append_row_string("/runs/status", status_name(outcome.status));
  results_digest_.update(encode_outcome(outcome));
}

void ResultsFile::write_projection(const Projection& projection) { projection.write(*writer_); }

void ResultsFile::commit() {
  writer_->write_strings("/meta/results_sha256", {results_digest_.hex_digest()},
                         {"SHA-256", "every run's outcome in run order: equal for equal results however computed"});
  writer_->write_int64s("/meta/failed_runs", {static_cast<std::int64_t>(failed_)}, {1},
                        {"runs", "runs that failed (status 'failed' in /runs/status)"});
  writer_->commit();
}

}  // namespace reformsim::experiment
