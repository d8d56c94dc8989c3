#include "sim/analysis/morris_effects.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace reformsim::analysis {

MorrisEffects morris_effects(const std::vector<std::vector<double>>& x_unit, const std::vector<double>& y,
                             std::size_t factors, const BootstrapSettings& settings) {
  if (factors == 0) throw std::invalid_argument("morris_effects: need at least one factor");
  if (x_unit.size() != y.size())
    throw std::invalid_argument("morris_effects: " + std::to_string(x_unit.size()) + " points but " +
                                std::to_string(y.size()) + " outputs");
  for (std::size_t p = 0; p < x_unit.size(); ++p)
    if (x_unit[p].size() != factors)
      throw std::invalid_argument("morris_effects: point " + std::to_string(p) + " has " +
                                  std::to_string(x_unit[p].size()) + " coordinates, expected " +
                                  std::to_string(factors));
  const std::size_t block = factors + 1;
  if (x_unit.empty() || x_unit.size() % block != 0)
    throw std::invalid_argument("morris_effects: " + std::to_string(x_unit.size()) +
                                " points are not a positive multiple of D+1 = " + std::to_string(block));
  const std::size_t r = x_unit.size() / block;

  // effects[t][j]: the elementary effect of factor j in trajectory t. Every factor must move exactly once per
  // trajectory, since D steps each moving one factor and none twice is what makes it a Morris trajectory.
  std::vector<std::vector<double>> effects(r, std::vector<double>(factors, std::nan("")));
  for (std::size_t t = 0; t < r; ++t) {
    for (std::size_t s = 0; s < factors; ++s) {
      const auto& from = x_unit[t * block + s];
      const auto& to = x_unit[t * block + s + 1];
      std::size_t changed = 0, which = 0;
      for (std::size_t j = 0; j < factors; ++j)
        if (to[j] != from[j]) ++changed, which = j;
      const std::string where = "morris_effects: trajectory " + std::to_string(t) + " step " + std::to_string(s);
      if (changed != 1)
        throw std::invalid_argument(where + " changes " + std::to_string(changed) + " factors, expected exactly one");
      if (!std::isnan(effects[t][which]))
        throw std::invalid_argument(where + " moves factor " + std::to_string(which) + " a second time");
      effects[t][which] = (y[t * block + s + 1] - y[t * block + s]) / (to[which] - from[which]);
    }
  }

  MorrisEffects out;
  out.trajectories = r;
  out.mu.assign(factors, 0);
  out.sigma.assign(factors, std::nan(""));
  for (std::size_t j = 0; j < factors; ++j) {
    for (std::size_t t = 0; t < r; ++t) out.mu[j] += effects[t][j];
    out.mu[j] /= static_cast<double>(r);
    if (r > 1) {
      double squares = 0;
      for (std::size_t t = 0; t < r; ++t) squares += (effects[t][j] - out.mu[j]) * (effects[t][j] - out.mu[j]);
      out.sigma[j] = std::sqrt(squares / static_cast<double>(r - 1));
    }
  }
  out.mu_star = bootstrap(
      r,
      [&](const std::vector<std::size_t>& picked) {
        std::vector<double> mu_star(factors, 0);
        for (std::size_t t : picked)
          for (std::size_t j = 0; j < factors; ++j) mu_star[j] += std::abs(effects[t][j]);
        for (double& m : mu_star) m /= static_cast<double>(picked.size());
        return mu_star;
      },
      settings);
  return out;
}

}  // namespace reformsim::analysis
