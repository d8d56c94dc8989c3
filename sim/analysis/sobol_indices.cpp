#include "sim/analysis/sobol_indices.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace reformsim::analysis {

namespace {

// Indices of the rows `rows` (with repeats, as a resample gives them): D first-order values, then D totals.
std::vector<double> indices_of_rows(const std::vector<double>& y, std::size_t d, const std::vector<std::size_t>& rows,
                                    double* variance_out) {
  const std::size_t stride = d + 2;
  const auto n = static_cast<double>(rows.size());
  // V pools f(A) and f(B): both are samples of the output at independent inputs, so twice the data for V.
  double sum = 0;
  for (std::size_t i : rows) sum += y[i * stride] + y[i * stride + d + 1];
  const double mean = sum / (2 * n);
  double squares = 0;
  for (std::size_t i : rows) {
    const double a = y[i * stride] - mean, b = y[i * stride + d + 1] - mean;
    squares += a * a + b * b;
  }
  const double variance = squares / (2 * n - 1);
  if (variance_out) *variance_out = variance;
  std::vector<double> out(2 * d, std::nan(""));
  if (!(variance > 0)) return out;
  for (std::size_t j = 0; j < d; ++j) {
    double first = 0, total = 0;
    for (std::size_t i : rows) {
      // Centred outputs: the estimator's expectation ignores the mean of f, but its variance grows with the
      // mean², which for a simulator output (a rate near 0.6 moving by 0.01) would swamp the signal. SALib centres
      // likewise.
      const double fa = y[i * stride] - mean, fab = y[i * stride + 1 + j] - mean, fb = y[i * stride + d + 1] - mean;
      first += fb * (fab - fa);
      total += (fa - fab) * (fa - fab);
    }
    out[j] = first / n / variance;
    out[d + j] = total / n / 2 / variance;
  }
  return out;
}

}  // namespace

SobolIndices sobol_indices(const std::vector<double>& y, std::size_t factors, const BootstrapSettings& settings) {
  if (factors == 0) throw std::invalid_argument("sobol_indices: need at least one factor");
  const std::size_t stride = factors + 2;
  if (y.size() % stride != 0)
    throw std::invalid_argument("sobol_indices: " + std::to_string(y.size()) +
                                " outputs are not a multiple of D+2 = " + std::to_string(stride));
  const std::size_t n = y.size() / stride;
  if (n < 2) throw std::invalid_argument("sobol_indices: need at least 2 base samples, got " + std::to_string(n));
  for (std::size_t k = 0; k < y.size(); ++k)
    if (!std::isfinite(y[k]))
      throw std::invalid_argument("sobol_indices: output " + std::to_string(k) + " is not finite");

  SobolIndices out;
  out.base_samples = n;
  const auto all = bootstrap(
      n, [&](const std::vector<std::size_t>& rows) { return indices_of_rows(y, factors, rows, nullptr); }, settings);
  std::vector<std::size_t> rows(n);
  for (std::size_t i = 0; i < n; ++i) rows[i] = i;
  indices_of_rows(y, factors, rows, &out.variance);
  out.first_order.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(factors));
  out.total.assign(all.begin() + static_cast<std::ptrdiff_t>(factors), all.end());
  return out;
}

}  // namespace reformsim::analysis
