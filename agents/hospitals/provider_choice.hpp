#pragma once
// Where a patient goes: a multinomial logit over hospitals with a tier constant,
// perceived quality, the expected out-of-pocket cost of the case, a penalty for leaving one's region and, with a
// referral network, the travel time from the region's village clinics.
#include <cstdint>
#include <vector>

#include "agents/payer/benefit_rules.hpp"
#include "agents/scenario/scenario_config.hpp"
#include "sim/engine/alias_table.hpp"
#include "sim/engine/random_stream.hpp"

namespace reformsim::agents {

/// Choice probabilities for inpatient and outpatient care.
class ProviderChoice {
 public:
  explicit ProviderChoice(const ScenarioConfig& scenario);
  /// Logit probabilities over hospitals for an inpatient case of `group`, written to `probabilities`.
  void inpatient_probabilities(std::size_t group, Scheme scheme, int region, const BenefitYearUsage& usage,
                               std::vector<double>& probabilities) const;
  /// Samples an outpatient hospital for a person of `region` (no price term: the visit ratio is flat).
  std::size_t outpatient_hospital(int region, sim::RandomStream& rng) const;

 private:
  /// Utility of everything but the case: tier, quality, region and travel.
  double base_utility(std::size_t hospital, int region) const;
  const ScenarioConfig& scenario_;
  std::vector<double> travel_utility_;  ///< [region][hospital], zero without a network
  std::vector<sim::AliasTable> outpatient_by_region_;
};

/// Index of the category that a uniform draw `u` in (0,1) selects from `probabilities` (summing to 1);
/// entries with `allowed[i] == false` are excluded and the rest renormalised. Returns size() when none allowed.
std::size_t pick(const std::vector<double>& probabilities, double u, const std::vector<char>* allowed = nullptr);

}  // namespace reformsim::agents
