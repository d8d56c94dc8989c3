#pragma once
// Referrals along the network (基层首诊、双向转诊): a severe case admitted at a primary unit goes up to the nearest
// higher-tier hospital, and a share of tier-2/3 discharges is referred down for a follow-up visit at the nearest
// primary unit. Built only when the scenario has a referral network.
#include <cstdint>
#include <memory>

#include "agents/hospitals/inpatient_care.hpp"
#include "agents/hospitals/outpatient_care.hpp"
#include "agents/primary_care/referral_network.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// Referrals up and down the Boost.Graph network.
class Referrals final : public Component {
 public:
  Referrals(RunContext& run, const InpatientCare& inpatient, OutpatientCare& outpatient);
  /// A severe case at a primary unit is referred up (never into a suspended hospital).
  void route(std::uint32_t person, std::size_t group, double now, Route& route) override;
  /// A share of tier-2/3 discharges gets a follow-up at the nearest primary unit a week later.
  void on_discharge(sim::Simulation& sim, const ActiveCase& c) override;
  /// Event kFollowUp: the follow-up visit (an outpatient visit for the books and the drug table).
  void on_follow_up(const sim::Event& e, sim::Simulation& sim);

 private:
  RunContext& run_;
  const InpatientCare& inpatient_;
  OutpatientCare& outpatient_;
  ReferralNetwork network_;
  sim::StreamKey key_;
};

}  // namespace reformsim::agents
