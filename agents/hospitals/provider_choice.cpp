#include "agents/hospitals/provider_choice.hpp"

#include <algorithm>
#include <cmath>

namespace reformsim::agents {

namespace {

double base_utility(const ScenarioConfig& s, const HospitalConfig& h, int region) {
  return s.choice.tier_preference[h.tier - 1] + s.choice.quality_weight * h.quality +
         (h.region == region ? 0.0 : s.choice.other_region_penalty);
}

// Softmax in place, stabilised by the maximum.
void softmax(std::vector<double>& u) {
  const double top = *std::max_element(u.begin(), u.end());
  double sum = 0;
  for (double& x : u) sum += (x = std::exp(x - top));
  for (double& x : u) x /= sum;
}

}  // namespace

ProviderChoice::ProviderChoice(const ScenarioConfig& scenario) : scenario_(scenario) {
  for (int r = 0; r < scenario.population.regions; ++r) {
    std::vector<double> u;
    for (const HospitalConfig& h : scenario.hospitals) u.push_back(base_utility(scenario, h, r));
    softmax(u);
    outpatient_by_region_.emplace_back(u);
  }
}

void ProviderChoice::inpatient_probabilities(std::size_t group, Scheme scheme, int region,
                                             const BenefitYearUsage& usage, std::vector<double>& p) const {
  const CaseGroup& g = scenario_.catalogue->group(group);
  p.resize(scenario_.hospitals.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    const HospitalConfig& h = scenario_.hospitals[i];
    const double expected_bill = g.mean_cost_yuan * h.cost_index;
    const double oop = inpatient_share(scenario_.benefits, scheme, h.tier, expected_bill, usage).patient_share_yuan;
    p[i] = base_utility(scenario_, h, region) + scenario_.choice.oop_per_1000_yuan * oop / 1000.0 +
           (h.tier == 3 ? scenario_.choice.severity_tertiary_weight * g.weight : 0.0);
  }
  softmax(p);
}

std::size_t ProviderChoice::outpatient_hospital(int region, sim::RandomStream& rng) const {
  return outpatient_by_region_[static_cast<std::size_t>(region)].sample(rng);
}

std::size_t pick(const std::vector<double>& probabilities, double u, const std::vector<char>* allowed) {
  double total = 0;
  for (std::size_t i = 0; i < probabilities.size(); ++i) {
    if (!allowed || (*allowed)[i]) total += probabilities[i];
  }
  if (total <= 0) return probabilities.size();
  double target = u * total;
  std::size_t last = probabilities.size();
  for (std::size_t i = 0; i < probabilities.size(); ++i) {
    if (allowed && !(*allowed)[i]) continue;
    last = i;
    target -= probabilities[i];
    if (target < 0) return i;
  }
  return last;  // rounding: the last allowed category
}

}  // namespace reformsim::agents
