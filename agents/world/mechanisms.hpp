#pragma once
// Which optional mechanisms a scenario switches on: the World builds a component for each, and the output layout
// declares the datasets of a mechanism only when some run of the experiment has it.
#include <string>

#include "agents/scenario/scenario_config.hpp"

namespace reformsim::agents {

/// An optional mechanism with its own component (or, for DIP, its own payment rule) and outputs.
enum class Mechanism {
  Referrals,      ///< the referral network: village clinics, roads, referrals up and follow-ups down
  FamilyDoctors,  ///< family-doctor contracting and gatekeeping
  Behaviour,      ///< providers' gaming and cost control
  Supervision,    ///< detectors, audits, ward rounds and penalties
  Procurement,    ///< the drug table and volume-based procurement
  GlobalBudget,   ///< a regional global budget
  Alliances,      ///< county alliances paid a per-capita budget
  Dip,            ///< DIP (按病种分值付费) in force in some year at some hospital
};

/// True when `s` switches `m` on.
bool has_mechanism(const ScenarioConfig& s, Mechanism m);

/// The scenario setting that switches `m` on, for messages ("supervision detectors or provider behaviour").
std::string mechanism_setting(Mechanism m);

}  // namespace reformsim::agents
