#include "sim/fit/fit_search.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

#include "sim/experiment/latin_hypercube.hpp"
#include "sim/experiment/parallel_runner.hpp"
#include "sim/experiment/run_plan.hpp"
#include "sim/fit/nelder_mead.hpp"
#include "sim/fit/target_statistic.hpp"

namespace reformsim::fit {

namespace {

using Point = std::vector<double>;

std::vector<double> values_at(const FitSpec& fit, const Point& unit) {
  std::vector<double> v;
  for (std::size_t k = 0; k < fit.parameters.size(); ++k) v.push_back(parameter_value(fit.parameters[k], unit[k]));
  return v;
}

std::string describe(const FitSpec& fit, const std::vector<double>& values) {
  std::string s;
  for (std::size_t k = 0; k < values.size(); ++k) {
    s += (k ? ", " : "") + fit.parameters[k].key_path + " = " + parameter_text(fit.parameters[k], values[k]);
  }
  return s.empty() ? "the base scenario" : s;
}

// The runs of a batch of trials: trial t's runs are arms × replicates of (base + arm + parameter values), its
// scenario trees one per arm. Every trial uses the same seeds: common random numbers across trials.
experiment::ExpandedExperiment expand_trials(const FitSpec& fit, const std::vector<std::vector<double>>& values,
                                             config::ErrorList& errors) {
  experiment::ExpandedExperiment batch;
  for (std::size_t t = 0; t < values.size(); ++t) {
    experiment::ExperimentSpec spec = fit.experiment;
    spec.vary.clear();
    for (std::size_t k = 0; k < fit.parameters.size(); ++k) {
      const Parameter& p = fit.parameters[k];
      spec.vary.push_back({p.key_path, {config::Node::scalar(parameter_text(p, values[t][k]), p.where)}});
    }
    experiment::ExpandedExperiment one = experiment::expand(spec, errors);
    const std::size_t scenario_offset = batch.scenarios.size();
    for (config::Node& s : one.scenarios) batch.scenarios.push_back(std::move(s));
    for (experiment::RunPlan plan : one.runs) {
      plan.run_id = batch.runs.size();
      plan.point = t;
      plan.scenario_index += scenario_offset;
      batch.runs.push_back(std::move(plan));
    }
  }
  return batch;
}

// The model prepared for a batch, with the targets resolved against its outputs; errors go to `errors`.
struct PreparedBatch {
  std::unique_ptr<experiment::Model> model;
  experiment::ExpandedExperiment runs;
  std::vector<ResolvedTarget> targets;
};

PreparedBatch prepare_batch(const FitSpec& fit, const ModelFactory& factory,
                            const std::vector<std::vector<double>>& values, config::ErrorList& errors) {
  PreparedBatch b;
  const std::size_t before = errors.size();
  b.runs = expand_trials(fit, values, errors);
  if (errors.size() > before) return b;
  b.model = factory();
  b.model->prepare(b.runs, errors);
  if (errors.size() > before) return b;
  b.targets = resolve_targets(fit.targets, b.model->layout(), fit.experiment.arms, errors);
  return b;
}

class Progress {
 public:
  Progress(std::size_t total_runs, bool enabled) : total_(total_runs), enabled_(enabled), start_(Clock::now()) {}
  void report(std::size_t runs_done, std::size_t trials_done, int max_trials, double best, bool force) {
    if (!enabled_) return;
    const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
    // A line when a trial completes (at most every 2 s), else every 10 s.
    if (!force && (elapsed - last_ < 2.0 || (trials_done == last_trials_ && elapsed - last_ < 10.0))) return;
    last_ = elapsed;
    last_trials_ = trials_done;
    const double eta =
        runs_done > 0 ? elapsed / static_cast<double>(runs_done) * static_cast<double>(total_ - runs_done) : 0.0;
    char distance[32] = "-";  // none evaluable yet
    if (std::isfinite(best)) std::snprintf(distance, sizeof distance, "%.4g", best);
    std::fprintf(stderr, "fit: trial %zu/%d, best distance %s, elapsed %.0f s, ETA ≤ %.0f s\n", trials_done, max_trials,
                 distance, elapsed, eta);
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::size_t total_;
  bool enabled_;
  Clock::time_point start_;
  double last_ = -1e9;
  std::size_t last_trials_ = 0;
};

class Search {
 public:
  Search(const FitSpec& fit, const ModelFactory& factory, const FitOptions& options)
      : fit_(fit),
        factory_(factory),
        options_(options),
        runs_per_trial_(fit.experiment.arms.size() * static_cast<std::size_t>(fit.experiment.replicates)),
        progress_(static_cast<std::size_t>(budget()) * runs_per_trial_, options.progress) {}

  int budget() const { return fit_.parameters.empty() ? 1 : fit_.search.max_trials; }

  // Evaluates the points not evaluated before; returns every point's trial index.
  std::vector<std::size_t> evaluate(const std::vector<Point>& units, const std::vector<int>& phases) {
    std::vector<std::size_t> index(units.size());
    std::vector<std::vector<double>> fresh;
    std::vector<std::size_t> fresh_of;  // point → position in `fresh`
    for (std::size_t i = 0; i < units.size(); ++i) {
      std::vector<double> v = values_at(fit_, units[i]);
      if (auto it = known_.find(v); it != known_.end()) {
        index[i] = it->second;
        continue;
      }
      index[i] = result_.trials.size() + fresh.size();
      known_.emplace(v, index[i]);
      Trial t;
      t.unit = units[i];
      t.values = v;
      t.phase = phases[i];
      pending_.push_back(std::move(t));
      fresh.push_back(std::move(v));
    }
    if (!fresh.empty()) run(fresh);
    return index;
  }

  const FitResult& result() const { return result_; }
  FitResult take() {
    for (std::size_t i = 0; i < result_.trials.size(); ++i)
      if (result_.trials[i].distance < result_.trials[result_.best].distance) result_.best = i;
    return std::move(result_);
  }

 private:
  void run(const std::vector<std::vector<double>>& values) {
    config::ErrorList errors;
    PreparedBatch b = prepare_batch(fit_, factory_, values, errors);
    if (!errors.empty()) {
      // The ranges' corners were checked; some combination inside them breaks a cross-field rule. Name the first.
      std::size_t bad = 0;
      for (config::ErrorList one; bad + 1 < values.size(); ++bad, one = {}) {
        prepare_batch(fit_, factory_, {values[bad]}, one);
        if (!one.empty()) break;
      }
      config::ErrorList located;
      located.add(fit_.parameters.front().where, "parameters",
                  "the scenario is invalid at " + describe(fit_, values[bad]) + " (inside the ranges):");
      located.append(errors);
      throw config::ConfigException(located);
    }
    const std::size_t arms = fit_.experiment.arms.size();
    const auto replicates = static_cast<std::size_t>(fit_.experiment.replicates);
    // points[trial][target][arm][replicate]
    std::vector<std::vector<std::vector<std::vector<RunPoint>>>> points(
        values.size(),
        std::vector<std::vector<std::vector<RunPoint>>>(
            fit_.targets.size(), std::vector<std::vector<RunPoint>>(arms, std::vector<RunPoint>(replicates))));
    experiment::RunnerOptions runner;
    runner.threads = options_.threads;
    runner.progress = false;
    std::size_t done_in_batch = 0;
    experiment::run_all(b.runs.runs, *b.model, runner, [&](const experiment::RunPlan& plan, experiment::RunValues&& v) {
      const std::vector<RunPoint> p = run_points(b.targets, v);
      for (std::size_t k = 0; k < p.size(); ++k)
        points[plan.point][k][plan.arm_index][static_cast<std::size_t>(plan.replicate)] = p[k];
      result_.events += v.events;
      ++result_.runs;
      ++done_in_batch;
      progress_.report(result_.runs, result_.trials.size() + done_in_batch / runs_per_trial_, budget(), best_distance(),
                       false);
    });
    for (std::size_t t = 0; t < values.size(); ++t) {
      Trial trial = std::move(pending_[t]);
      // Accepted only on evidence: a trial with no fitted target is not "within tolerance".
      trial.within_tolerance =
          std::any_of(fit_.targets.begin(), fit_.targets.end(), [](const Target& x) { return x.fitted(); });
      for (std::size_t k = 0; k < fit_.targets.size(); ++k) {
        const Target& target = fit_.targets[k];
        trial.outcomes.push_back(target_estimate(target, b.targets[k], points[t][k]));
        if (target.fitted()) {
          trial.within_tolerance =
              trial.within_tolerance && std::abs(trial.outcomes.back().mean - *target.value) <= target.tolerance;
        }
      }
      trial.distance = fit_distance(fit_.targets, trial.outcomes);
      result_.trials.push_back(std::move(trial));
    }
    pending_.clear();
    progress_.report(result_.runs, result_.trials.size(), budget(), best_distance(), true);
  }

  double best_distance() const {
    double best = INFINITY;
    for (const Trial& t : result_.trials) best = std::min(best, t.distance);
    return best;
  }

  const FitSpec& fit_;
  const ModelFactory& factory_;
  FitOptions options_;
  std::size_t runs_per_trial_;
  Progress progress_;
  FitResult result_;
  std::vector<Trial> pending_;
  std::map<std::vector<double>, std::size_t> known_;  // parameter values → trial
};

void refine(const FitSpec& fit, Search& search) {
  // Start from the best distinct initial points, best first.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < search.result().trials.size(); ++i)
    if (std::isfinite(search.result().trials[i].distance)) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return search.result().trials[a].distance < search.result().trials[b].distance;
  });
  order.resize(std::min(order.size(), static_cast<std::size_t>(fit.search.refine_starts)));
  std::vector<NelderMead> simplices;
  for (std::size_t i : order) {
    const Trial& t = search.result().trials[i];
    simplices.emplace_back(t.unit, t.distance, fit.search.initial_step, fit.search.min_step);
  }
  std::vector<bool> active(simplices.size(), true);
  // Rounds that only revisit known points cost no trials; bound them all the same.
  for (int round = 0; round < 100 * fit.search.max_trials; ++round) {
    // Every active simplex's next points, as long as the trial budget allows (earlier simplices first).
    std::vector<Point> units;
    std::vector<int> phases;
    std::vector<std::size_t> owner;
    std::size_t trials = search.result().trials.size();
    std::map<std::vector<double>, bool> counted;
    for (std::size_t s = 0; s < simplices.size(); ++s) {
      if (!active[s] || simplices[s].converged()) {
        active[s] = false;
        continue;
      }
      std::size_t fresh = 0;
      for (const Point& p : simplices[s].ask()) fresh += counted.emplace(values_at(fit, p), true).second ? 1 : 0;
      // Known points cost nothing; `fresh` over-counts those, which only stops a simplex a little early.
      if (trials + fresh > static_cast<std::size_t>(fit.search.max_trials)) {
        active[s] = false;
        continue;
      }
      trials += fresh;
      for (const Point& p : simplices[s].ask()) {
        units.push_back(p);
        phases.push_back(static_cast<int>(s) + 1);
        owner.push_back(s);
      }
    }
    if (units.empty()) return;
    const std::vector<std::size_t> index = search.evaluate(units, phases);
    for (std::size_t s = 0, i = 0; s < simplices.size(); ++s) {
      if (i >= owner.size() || owner[i] != s) continue;
      std::vector<double> f;
      for (; i < owner.size() && owner[i] == s; ++i) f.push_back(search.result().trials[index[i]].distance);
      simplices[s].tell(f);
    }
  }
}

}  // namespace

double fit_distance(const std::vector<Target>& targets, const std::vector<experiment::MeanInterval>& outcomes) {
  double d = 0;
  for (std::size_t k = 0; k < targets.size(); ++k) {
    const Target& t = targets[k];
    if (!t.fitted()) continue;
    if (!std::isfinite(outcomes[k].mean)) return INFINITY;
    const double z = (outcomes[k].mean - *t.value) / t.tolerance;
    d += t.weight * z * z;
  }
  return d;
}

void check_fit(const FitSpec& fit, const ModelFactory& factory, config::ErrorList& errors) {
  std::vector<std::vector<double>> corners(1);
  if (!fit.parameters.empty()) {
    // The ends of every range, and an interior point: a value between two integers reaches an integer key.
    const std::size_t d = fit.parameters.size();
    corners = {values_at(fit, Point(d, 0.0)), values_at(fit, Point(d, 0.5)), values_at(fit, Point(d, 1.0))};
  }
  config::ErrorList corner_errors;
  prepare_batch(fit, factory, corners, corner_errors);
  errors.append(corner_errors);
  if (corner_errors.empty() || fit.parameters.empty()) return;
  const auto& found = corner_errors.errors();
  if (std::any_of(found.begin(), found.end(),
                  [](const config::ConfigError& e) { return e.key_path.rfind("targets", 0) == 0; }))
    return;  // the targets were reached and checked: checking them again would list each problem twice
  // The targets were not reached: check them against the base scenario's outputs, so that every problem shows.
  FitSpec base = fit;
  base.parameters.clear();
  config::ErrorList base_errors;
  prepare_batch(base, factory, {{}}, base_errors);
  for (const config::ConfigError& e : base_errors.errors()) {
    if (e.key_path.rfind("targets", 0) == 0) errors.add(e.where, e.key_path, e.message);
  }
}

FitResult run_fit(const FitSpec& fit, const ModelFactory& factory, const FitOptions& options) {
  config::ErrorList errors;
  check_fit(fit, factory, errors);
  if (!errors.empty()) throw config::ConfigException(errors);
  Search search(fit, factory, options);
  const std::size_t d = fit.parameters.size();
  if (d == 0) {
    search.evaluate({Point{}}, {0});
    return search.take();
  }
  const auto design =
      experiment::latin_hypercube(static_cast<std::size_t>(fit.search.initial_points), d, fit.search.seed);
  search.evaluate(design, std::vector<int>(design.size(), 0));
  refine(fit, search);
  return search.take();
}

}  // namespace reformsim::fit
