#include "agents/population/case_draws.hpp"

#include "sim/engine/samplers.hpp"

namespace reformsim::agents {

namespace {

std::vector<double> group_frequencies(const CaseCatalogue& catalogue) {
  std::vector<double> f;
  f.reserve(catalogue.size());
  for (const CaseGroup& g : catalogue.groups()) f.push_back(g.frequency);
  return f;
}

// A multiplicative noise with mean 1 and the given coefficient of variation.
double unit_noise(sim::RandomStream& rng, double cv, LosDistribution shape) {
  if (shape == LosDistribution::Exponential) return sim::exponential(rng, 1.0);
  if (cv <= 0) return 1.0;
  return shape == LosDistribution::Gamma ? sim::gamma_mean_cv(rng, 1.0, cv) : sim::lognormal_mean_cv(rng, 1.0, cv);
}

}  // namespace

CaseDraws::CaseDraws(const ScenarioConfig& scenario, sim::StreamKey key)
    : scenario_(scenario), groups_(group_frequencies(*scenario.catalogue)), key_(key) {}

DrawnCase CaseDraws::draw(std::uint64_t onset) const {
  sim::RandomStream rng(key_, onset);
  DrawnCase c;
  c.group = groups_.sample(rng);
  const CaseGroup& g = scenario_.catalogue->group(c.group);
  c.los_noise = unit_noise(rng, g.los_cv, scenario_.case_mix.los_distribution);
  c.cost_noise = unit_noise(rng, g.cost_cv, LosDistribution::Lognormal);
  return c;
}

}  // namespace reformsim::agents
