#include "sim/analysis/rank_regression.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace reformsim::analysis {

namespace {

using Matrix = std::vector<std::vector<double>>;

// Ranks 1..n of `values`, tied values sharing the mean of the ranks they span.
std::vector<double> ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> out(values.size());
  for (std::size_t start = 0; start < order.size();) {
    std::size_t end = start + 1;
    while (end < order.size() && values[order[end]] == values[order[start]]) ++end;
    const double rank = 0.5 * static_cast<double>(start + 1 + end);  // mean of start+1 .. end
    for (std::size_t k = start; k < end; ++k) out[order[k]] = rank;
    start = end;
  }
  return out;
}

// Centres `v` and scales it to unit norm, so that dot products of such vectors are correlations; false when the
// vector is constant (nothing to scale).
bool standardise(std::vector<double>& v) {
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  double norm = 0;
  for (double& e : v) {
    e -= mean;
    norm += e * e;
  }
  norm = std::sqrt(norm);
  // Ranks are integers or half-integers, so a non-constant column has norm ≥ about 0.7: any tiny cut-off works.
  if (!(norm > 1e-9)) return false;
  for (double& e : v) e /= norm;
  return true;
}

double dot(const std::vector<double>& a, const std::vector<double>& b) {
  return std::inner_product(a.begin(), a.end(), b.begin(), 0.0);
}

// The inverse of the symmetric positive semi-definite `m` by Gauss–Jordan elimination with partial pivoting;
// false when a pivot is negligible (the factors' ranks are collinear). A correlation matrix has a unit diagonal,
// so an absolute pivot tolerance is a relative one.
bool invert(Matrix m, Matrix& inverse) {
  const std::size_t k = m.size();
  inverse.assign(k, std::vector<double>(k, 0));
  for (std::size_t i = 0; i < k; ++i) inverse[i][i] = 1;
  for (std::size_t c = 0; c < k; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < k; ++r)
      if (std::abs(m[r][c]) > std::abs(m[pivot][c])) pivot = r;
    if (!(std::abs(m[pivot][c]) > 1e-10)) return false;
    std::swap(m[c], m[pivot]);
    std::swap(inverse[c], inverse[pivot]);
    const double scale = 1 / m[c][c];
    for (std::size_t j = 0; j < k; ++j) {
      m[c][j] *= scale;
      inverse[c][j] *= scale;
    }
    for (std::size_t r = 0; r < k; ++r) {
      if (r == c || m[r][c] == 0) continue;
      const double factor = m[r][c];
      for (std::size_t j = 0; j < k; ++j) {
        m[r][j] -= factor * m[c][j];
        inverse[r][j] -= factor * inverse[c][j];
      }
    }
  }
  return true;
}

// SRRC (D values), PRCC (D values) and R² of the cases `picked` (with repeats, as a resample gives them).
std::vector<double> measures(const std::vector<std::vector<double>>& x, const std::vector<double>& y,
                             const std::vector<std::size_t>& picked) {
  const std::size_t d = x.front().size();
  std::vector<double> out(2 * d + 1, std::nan(""));
  std::vector<double> column(picked.size());
  for (std::size_t i = 0; i < picked.size(); ++i) column[i] = y[picked[i]];
  std::vector<double> ry = ranks(column);
  if (!standardise(ry)) return out;
  std::vector<std::size_t> active;  // the non-constant factors, which alone enter the regression
  std::vector<std::vector<double>> rx;
  for (std::size_t j = 0; j < d; ++j) {
    for (std::size_t i = 0; i < picked.size(); ++i) column[i] = x[picked[i]][j];
    std::vector<double> r = ranks(column);
    if (!standardise(r)) continue;
    active.push_back(j);
    rx.push_back(std::move(r));
  }
  const std::size_t k = active.size();
  if (k == 0) return out;
  Matrix rxx(k, std::vector<double>(k)), q;
  std::vector<double> rxy(k);
  for (std::size_t a = 0; a < k; ++a) {
    rxy[a] = dot(rx[a], ry);
    for (std::size_t b = 0; b <= a; ++b) rxx[a][b] = rxx[b][a] = dot(rx[a], rx[b]);
  }
  if (!invert(rxx, q)) return out;
  std::vector<double> beta(k, 0);
  for (std::size_t a = 0; a < k; ++a)
    for (std::size_t b = 0; b < k; ++b) beta[a] += q[a][b] * rxy[b];
  const double r_squared = std::clamp(dot(beta, rxy), 0.0, 1.0);
  for (std::size_t a = 0; a < k; ++a) {
    out[active[a]] = beta[a];
    // With P the inverse of the correlation matrix of [x, y], block inversion gives P_yy = 1/(1-R²),
    // P_jy = -b_j/(1-R²) and P_jj = Q_jj + b_j²/(1-R²) (Q = R_xx⁻¹), so -P_jy/sqrt(P_jj P_yy) equals this form,
    // which stays finite (±1) for a perfect monotone fit where P does not exist.
    out[d + active[a]] = beta[a] / std::sqrt(beta[a] * beta[a] + (1 - r_squared) * q[a][a]);
  }
  out[2 * d] = r_squared;
  return out;
}

}  // namespace

RankRegression rank_regression(const std::vector<std::vector<double>>& x, const std::vector<double>& y,
                               const BootstrapSettings& settings) {
  if (x.size() != y.size())
    throw std::invalid_argument("rank_regression: " + std::to_string(x.size()) + " cases but " +
                                std::to_string(y.size()) + " outputs");
  const std::size_t d = x.empty() ? 0 : x.front().size();
  if (d == 0) throw std::invalid_argument("rank_regression: need at least one factor");
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i].size() != d)
      throw std::invalid_argument("rank_regression: case " + std::to_string(i) + " has " + std::to_string(x[i].size()) +
                                  " factors, expected " + std::to_string(d));
    if (!std::isfinite(y[i]) || !std::all_of(x[i].begin(), x[i].end(), [](double v) { return std::isfinite(v); }))
      throw std::invalid_argument("rank_regression: case " + std::to_string(i) + " has a non-finite value");
  }
  // The regression has d+1 coefficients with the intercept; fewer cases than d+2 leave no residual freedom.
  if (x.size() <= d + 1)
    throw std::invalid_argument("rank_regression: " + std::to_string(x.size()) + " cases for " + std::to_string(d) +
                                " factors; need more than factors + 1");
  const auto all = bootstrap(
      x.size(), [&](const std::vector<std::size_t>& picked) { return measures(x, y, picked); }, settings);
  RankRegression out;
  out.srrc.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(d));
  out.prcc.assign(all.begin() + static_cast<std::ptrdiff_t>(d), all.begin() + static_cast<std::ptrdiff_t>(2 * d));
  out.r_squared = all[2 * d].estimate;
  return out;
}

}  // namespace reformsim::analysis
