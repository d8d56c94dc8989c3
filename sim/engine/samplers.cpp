#include "sim/engine/samplers.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace reformsim::sim {

namespace detail {

void invalid_sampler_argument(const char* what, double value) {
  throw std::invalid_argument(std::string(what) + " (got " + std::to_string(value) + ")");
}

}  // namespace detail

namespace {

// Inline with its throw out of line: every variate checks its parameters, and the check must cost next to nothing.
inline void require(bool ok, const char* what, double value) {
  if (!ok) [[unlikely]]
    detail::invalid_sampler_argument(what, value);
}

}  // namespace

double uniform(RandomStream& rng, double a, double b) {
  require(std::isfinite(a), "uniform lower bound must be finite", a);
  require(std::isfinite(b) && b >= a, "uniform upper bound must be finite and >= the lower bound", b);
  return a + (b - a) * rng.next_uniform();
}

double standard_normal_quantile(double p) {
  require(p > 0 && p < 1, "normal quantile needs a probability in (0, 1)", p);
  // Wichura (1988), algorithm AS 241 (PPND16): relative accuracy about 1e-16.
  const double q = p - 0.5;
  if (std::abs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q *
           (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
                45921.953931549871457) *
                   r +
               13731.693765509461125) *
                  r +
              1971.5909503065514427) *
                 r +
             133.14166789178437745) *
                r +
            3.387132872796366608) /
           (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
                21213.794301586595867) *
                   r +
               5394.1960214247511077) *
                  r +
              687.1870074920579083) *
                 r +
             42.313330701600911252) *
                r +
            1.0);
  }
  double r = q < 0 ? p : 1.0 - p;
  r = std::sqrt(-std::log(r));
  double x;
  if (r <= 5.0) {
    r -= 1.6;
    x = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
             1.27045825245236838258) *
                r +
            3.64784832476320460504) *
               r +
           5.7694972214606914055) *
              r +
          4.6303378461565452959) *
             r +
         1.42343711074968357734) /
        (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
             0.14810397642748007459) *
                r +
            0.68976733498510000455) *
               r +
           1.6763848301838038494) *
              r +
          2.05319162663775882187) *
             r +
         1.0);
  } else {
    r -= 5.0;
    x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
             0.026532189526576123093) *
                r +
            0.29656057182850489123) *
               r +
           1.7848265399172913358) *
              r +
          5.4637849111641143699) *
             r +
         6.6579046435011037772) /
        (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
             7.868691311456132591e-4) *
                r +
            0.0148753612908506148525) *
               r +
           0.13692988092273580531) *
              r +
          0.59983220655588793769) *
             r +
         1.0);
  }
  return q < 0 ? -x : x;
}

double normal(RandomStream& rng, double mean, double sd) {
  require(std::isfinite(mean), "normal mean must be finite", mean);
  require(sd >= 0 && std::isfinite(sd), "normal sd must be >= 0", sd);
  // Inversion: exactly one uniform per normal, so a stream's later draws never shift with rejection luck.
  return mean + sd * standard_normal_quantile(rng.next_uniform());
}

std::uint64_t poisson(RandomStream& rng, double mean) {
  // The upper bound keeps every count exactly representable in a double and in the result.
  require(mean >= 0 && mean <= 1e15, "poisson mean must be in [0, 1e15]", mean);
  if (mean == 0) return 0;
  if (mean < 30) {
    // Inversion by sequential search from 0: one uniform per draw, about mean + 1 steps.
    double p = std::exp(-mean), cumulative = p;
    const double u = rng.next_uniform();
    std::uint64_t k = 0;
    while (u > cumulative) {
      ++k;
      p *= mean / static_cast<double>(k);
      // Far in the tail the terms no longer change the rounded sum; a u above that sum (within 1e-15 of 1)
      // would otherwise loop for ever.
      if (cumulative + p == cumulative) break;
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
      x = standard_normal_quantile(rng.next_uniform());
      v = 1.0 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = rng.next_uniform();
    if (u < 1.0 - 0.0331 * x * x * x * x) return scale * d * v;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return scale * d * v;
  }
}

double lognormal_mu_sigma(RandomStream& rng, double mu, double sigma) {
  require(std::isfinite(mu), "lognormal mu must be finite", mu);
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
  const double shape = 1.0 / (cv * cv);
  // cv 0, or so small that 1/cv² overflows: a point mass at the mean, to double precision.
  if (!std::isfinite(shape)) return mean;
  return gamma(rng, shape, mean / shape);
}

bool bernoulli(RandomStream& rng, double p) {
  require(p >= 0 && p <= 1, "bernoulli probability must be in [0, 1]", p);
  return rng.next_uniform() < p;
}

}  // namespace reformsim::sim
