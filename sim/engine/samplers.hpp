#pragma once
// Samplers over a RandomStream. Parameters are validated (std::invalid_argument) because they come from
// user scenarios; the number of draws per call may vary, which is fine since every stream is private to one use.
#include <cmath>
#include <cstdint>

#include "sim/engine/random_stream.hpp"

namespace reformsim::sim {

/// Uniform on (a, b) (an end only through rounding); a and b finite, a <= b.
double uniform(RandomStream& rng, double a, double b);
namespace detail {
/// Throws std::invalid_argument("<what> (got <value>)"): the cold path of every parameter check.
[[noreturn, gnu::cold, gnu::noinline]] void invalid_sampler_argument(const char* what, double value);
}  // namespace detail

/// Exponential with the given rate (> 0). Inline: it times every onset of every stream.
inline double exponential(RandomStream& rng, double rate) {
  if (!(rate > 0 && std::isfinite(rate))) [[unlikely]]
    detail::invalid_sampler_argument("exponential rate must be > 0", rate);
  return -std::log(rng.next_uniform()) / rate;
}
/// Standard normal quantile function (inverse CDF), Wichura AS 241, for p in (0, 1).
double standard_normal_quantile(double p);
/// Normal with finite mean and sd >= 0, by inversion of one uniform.
double normal(RandomStream& rng, double mean, double sd);
/// Poisson with the given mean (0 ≤ mean ≤ 1e15): inversion below 30, PTRS (Hörmann 1993) above.
std::uint64_t poisson(RandomStream& rng, double mean);
/// Gamma with shape and scale (> 0): Marsaglia–Tsang, boosted for shape < 1.
double gamma(RandomStream& rng, double shape, double scale);
/// Lognormal with finite log-mean mu and log-sd sigma (≥ 0).
double lognormal_mu_sigma(RandomStream& rng, double mu, double sigma);
/// Lognormal with the given mean (> 0) and coefficient of variation (≥ 0); cv 0 returns the mean.
double lognormal_mean_cv(RandomStream& rng, double mean, double cv);
/// Gamma with the given mean (> 0) and coefficient of variation (≥ 0); cv 0 returns the mean.
double gamma_mean_cv(RandomStream& rng, double mean, double cv);
/// True with probability p (in [0, 1]).
bool bernoulli(RandomStream& rng, double p);

}  // namespace reformsim::sim
