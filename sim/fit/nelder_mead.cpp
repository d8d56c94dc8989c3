#include "sim/fit/nelder_mead.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace reformsim::fit {

namespace {

NelderMead::Point clamped(NelderMead::Point p) {
  for (double& x : p) x = std::clamp(x, 0.0, 1.0);
  return p;
}

// NaN sorts as +∞: a point that could not be evaluated is the worst.
double finite_or_inf(double v) { return std::isnan(v) ? INFINITY : v; }

}  // namespace

NelderMead::NelderMead(Point start, double start_value, double step, double min_step) : min_step_(min_step) {
  vertices_.push_back(start);
  values_.push_back(finite_or_inf(start_value));
  for (std::size_t k = 0; k < start.size(); ++k) {
    Point p = start;
    // Step inwards where the outward step would leave the cube.
    p[k] = start[k] + step <= 1.0 ? start[k] + step : start[k] - step;
    pending_.push_back(clamped(p));
  }
}

void NelderMead::sort() {
  std::vector<std::size_t> order(vertices_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values_[a] < values_[b]; });
  std::vector<Point> v;
  std::vector<double> f;
  for (std::size_t i : order) {
    v.push_back(vertices_[i]);
    f.push_back(values_[i]);
  }
  vertices_ = std::move(v);
  values_ = std::move(f);
}

NelderMead::Point NelderMead::along(double t) const {
  Point p = centroid_;
  for (std::size_t k = 0; k < p.size(); ++k) p[k] += t * (centroid_[k] - vertices_.back()[k]);
  return clamped(p);
}

void NelderMead::next_iteration() {
  sort();
  pending_.clear();
  double spread = 0;
  for (const Point& v : vertices_)
    for (std::size_t k = 0; k < v.size(); ++k) spread = std::max(spread, std::abs(v[k] - vertices_.front()[k]));
  if (spread <= min_step_ || vertices_.size() < 2) return;
  const std::size_t n = vertices_.size() - 1;
  centroid_.assign(vertices_.front().size(), 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < centroid_.size(); ++k) centroid_[k] += vertices_[i][k] / static_cast<double>(n);
  stage_ = Stage::Reflect;
  pending_.push_back(along(1.0));
}

void NelderMead::accept(Point p, double value) {
  vertices_.back() = std::move(p);
  values_.back() = value;
  next_iteration();
}

void NelderMead::queue_shrink() {
  stage_ = Stage::Shrink;
  pending_.clear();
  for (std::size_t i = 1; i < vertices_.size(); ++i) {
    Point p = vertices_[i];
    for (std::size_t k = 0; k < p.size(); ++k) p[k] = vertices_[0][k] + 0.5 * (p[k] - vertices_[0][k]);
    pending_.push_back(clamped(p));
  }
}

void NelderMead::tell(const std::vector<double>& raw) {
  if (raw.size() != pending_.size() || pending_.empty()) {
    throw std::invalid_argument("NelderMead::tell: " + std::to_string(raw.size()) + " values for " +
                                std::to_string(pending_.size()) + " asked points");
  }
  std::vector<double> f;
  for (double v : raw) f.push_back(finite_or_inf(v));
  const std::vector<Point> asked = pending_;
  const std::size_t n = vertices_.size() - 1;
  switch (stage_) {
    case Stage::Initial:
      for (std::size_t i = 0; i < asked.size(); ++i) {
        vertices_.push_back(asked[i]);
        values_.push_back(f[i]);
      }
      next_iteration();
      return;
    case Stage::Reflect: {
      const double fr = f[0];
      if (fr < values_.front()) {
        reflected_ = asked[0];
        reflected_value_ = fr;
        stage_ = Stage::Expand;
        pending_ = {along(2.0)};
      } else if (fr < values_[n - 1]) {
        accept(asked[0], fr);
      } else if (fr < values_[n]) {
        reflected_ = asked[0];
        reflected_value_ = fr;
        stage_ = Stage::ContractOutside;
        pending_ = {along(0.5)};
      } else {
        stage_ = Stage::ContractInside;
        pending_ = {along(-0.5)};
      }
      return;
    }
    case Stage::Expand:
      if (f[0] < reflected_value_) {
        accept(asked[0], f[0]);
      } else {
        accept(reflected_, reflected_value_);
      }
      return;
    case Stage::ContractOutside:
      if (f[0] <= reflected_value_) {
        accept(asked[0], f[0]);
      } else {
        queue_shrink();
      }
      return;
    case Stage::ContractInside:
      if (f[0] < values_[n]) {
        accept(asked[0], f[0]);
      } else {
        queue_shrink();
      }
      return;
    case Stage::Shrink:
      for (std::size_t i = 0; i < asked.size(); ++i) {
        vertices_[i + 1] = asked[i];
        values_[i + 1] = f[i];
      }
      next_iteration();
      return;
  }
}

}  // namespace reformsim::fit
