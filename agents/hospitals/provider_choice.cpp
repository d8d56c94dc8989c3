#include "agents/hospitals/provider_choice.hpp"

#include <algorithm>
#include <cmath>

#include "agents/primary_care/referral_network.hpp"

namespace reformsim::agents {

namespace {

// Softmax in place, stabilised by the maximum.
void softmax(std::vector<double>& u) {
  const double top = *std::max_element(u.begin(), u.end());
  double sum = 0;
  for (double& x : u) sum += (x = std::exp(x - top));
  for (double& x : u) x /= sum;
}

}  // namespace

double ProviderChoice::base_utility(std::size_t hospital, int region) const {
  const HospitalConfig& h = scenario_.hospitals[hospital];
  return scenario_.provider_choice.tier_preference[h.tier - 1] + scenario_.provider_choice.quality_weight * h.quality +
         (h.region == region ? 0.0 : scenario_.provider_choice.other_region_penalty) +
         travel_utility_[static_cast<std::size_t>(region) * scenario_.hospitals.size() + hospital];
}

ProviderChoice::ProviderChoice(const ScenarioConfig& scenario) : scenario_(scenario) {
  const std::size_t hospitals = scenario.hospitals.size();
  travel_utility_.assign(static_cast<std::size_t>(scenario.population.regions) * hospitals, 0.0);
  if (scenario.network.active() && scenario.network.travel_utility_per_hour != 0) {
    const ReferralNetwork network(scenario);
    for (int r = 0; r < scenario.population.regions; ++r) {
      for (std::size_t h = 0; h < hospitals; ++h) {
        const double minutes = network.region_minutes(r, h);
        // An unreachable hospital is not forbidden, only far: a day's travel.
        travel_utility_[static_cast<std::size_t>(r) * hospitals + h] =
            scenario.network.travel_utility_per_hour * std::min(minutes, 24.0 * 60.0) / 60.0;
      }
    }
  }
  for (int r = 0; r < scenario.population.regions; ++r) {
    std::vector<double> u;
    for (std::size_t h = 0; h < hospitals; ++h) u.push_back(base_utility(h, r));
    softmax(u);
    outpatient_by_region_.emplace_back(u);
  }
}

void ProviderChoice::inpatient_probabilities(std::size_t group, Scheme scheme, int region,
                                             const BenefitYearUsage& usage, std::vector<double>& p) const {
  p.resize(scenario_.hospitals.size());
  if (p.size() == 1) {
    p[0] = 1.0;  // what the softmax of one finite utility gives, without computing it
    return;
  }
  const CaseGroup& g = scenario_.catalogue->group(group);
  for (std::size_t i = 0; i < p.size(); ++i) {
    const HospitalConfig& h = scenario_.hospitals[i];
    const double expected_bill = g.mean_cost_yuan * h.cost_index;
    const double oop = inpatient_share(scenario_.benefits, scheme, h.tier, expected_bill, usage).patient_share_yuan;
    p[i] = base_utility(i, region) + scenario_.provider_choice.oop_per_1000_yuan * oop / 1000.0 +
           (h.tier == 3 ? scenario_.provider_choice.severity_tertiary_weight * g.weight : 0.0);
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
