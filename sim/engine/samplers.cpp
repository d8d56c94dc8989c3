#include "sim/engine/samplers.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace reformsim::sim {

namespace {

void require(bool ok, const char* what, double value) {
  if (!ok) throw std::invalid_argument(std::string(what) + " (got " + std::to_string(value) + ")");
}

}  // namespace

double uniform(RandomStream& rng, double a, double b) { return a + (b - a) * rng.next_uniform(); }

double exponential(RandomStream& rng, double rate) {
  require(rate > 0 && std::isfinite(rate), "exponential rate must be > 0", rate);
  return -std::log(rng.next_uniform()) / rate;
}

double normal(RandomStream& rng, double mean, double sd) {
  require(sd >= 0 && std::isfinite(sd), "normal sd must be >= 0", sd);
  for (;;) {
    const double u = 2.0 * rng.next_uniform() - 1.0;
    const double v = 2.0 * rng.next_uniform() - 1.0;
    const double s = u * u + v * v;
    if (s > 0 && s < 1) return mean + sd * u * std::sqrt(-2.0 * std::log(s) / s);
  }
}

std::uint64_t poisson(RandomStream& rng, double mean) {
  require(mean >= 0 && std::isfinite(mean), "poisson mean must be >= 0", mean);
  if (mean == 0) return 0;
  if (mean < 30) {
    // Inversion by sequential search.
    double p = std::exp(-mean), cumulative = p;
    const double u = rng.next_uniform();
    std::uint64_t k = 0;
    while (u > cumulative && k < 1000) {
      ++k;
      p *= mean / static_cast<double>(k);
      cumulative += p;
    }
    return k;
  }
  // PTRS: transformed rejection with squeeze (Hörmann 1993).
  const double slam = std::sqrt(mean), loglam = std::log(mean);
  const double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
  const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const double u = rng.next_uniform() - 0.5, v = rng.next_uniform();
    const double us = 0.5 - std::abs(u);
    const double k = std::floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return static_cast<std::uint64_t>(k);
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (std::log(v) + std::log(inv_alpha) - std::log(a / (us * us) + b) <= -mean + k * loglam - std::lgamma(k + 1)) {
      return static_cast<std::uint64_t>(k);
    }
  }
}

double gamma(RandomStream& rng, double shape, double scale) {
  require(shape > 0 && std::isfinite(shape), "gamma shape must be > 0", shape);
  require(scale > 0 && std::isfinite(scale), "gamma scale must be > 0", scale);
  if (shape < 1) {
    // Boost: G(a) = G(a + 1) × U^(1/a).
    const double g = gamma(rng, shape + 1.0, 1.0);
    return scale * g * std::pow(rng.next_uniform(), 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x, v;
    do {
      x = normal(rng, 0.0, 1.0);
      v = 1.0 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = rng.next_uniform();
    if (u < 1.0 - 0.0331 * x * x * x * x) return scale * d * v;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return scale * d * v;
  }
}

double lognormal_mu_sigma(RandomStream& rng, double mu, double sigma) {
  require(sigma >= 0 && std::isfinite(sigma), "lognormal sigma must be >= 0", sigma);
  return std::exp(normal(rng, mu, sigma));
}

double lognormal_mean_cv(RandomStream& rng, double mean, double cv) {
  require(mean > 0 && std::isfinite(mean), "lognormal mean must be > 0", mean);
  require(cv >= 0 && std::isfinite(cv), "lognormal cv must be >= 0", cv);
  if (cv == 0) return mean;
  const double sigma2 = std::log1p(cv * cv);
  return lognormal_mu_sigma(rng, std::log(mean) - 0.5 * sigma2, std::sqrt(sigma2));
}

double gamma_mean_cv(RandomStream& rng, double mean, double cv) {
  require(mean > 0 && std::isfinite(mean), "gamma mean must be > 0", mean);
  require(cv >= 0 && std::isfinite(cv), "gamma cv must be >= 0", cv);
  if (cv == 0) return mean;
  const double shape = 1.0 / (cv * cv);
  return gamma(rng, shape, mean / shape);
}

bool bernoulli(RandomStream& rng, double p) {
  require(p >= 0 && p <= 1, "bernoulli probability must be in [0, 1]", p);
  return rng.next_uniform() < p;
}

}  // namespace reformsim::sim
