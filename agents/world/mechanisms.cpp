#include "agents/world/mechanisms.hpp"

namespace reformsim::agents {

bool has_mechanism(const ScenarioConfig& s, Mechanism m) {
  switch (m) {
    case Mechanism::Referrals:
      return s.network.active();
    case Mechanism::FamilyDoctors:
      return s.family_doctors.active();
    case Mechanism::Behaviour:
      return s.behaviour.any();
    case Mechanism::Supervision:
      return s.supervision.any();
    case Mechanism::Procurement:
      return !s.drugs.empty();
    case Mechanism::GlobalBudget:
      return s.payment.global_budget.mode != BudgetMode::None;
    case Mechanism::Alliances:
      return !s.alliances.empty();
    case Mechanism::Dip:
      return s.payment.uses("dip", s.horizon_years, s.hospitals.size());
  }
  return false;
}

std::string mechanism_setting(Mechanism m) {
  switch (m) {
    case Mechanism::Referrals:
      return "a referral network (network.villages or network.links)";
    case Mechanism::FamilyDoctors:
      return "family-doctor contracting (family_doctors.initial_coverage or coverage_growth above 0)";
    case Mechanism::Behaviour:
      return "provider behaviour (a behaviour.propensity or behaviour.strategy.cost_control_rate above 0)";
    case Mechanism::Supervision:
      return "supervision (a detector, face check or ward round with a rate above 0)";
    case Mechanism::Procurement:
      return "a drug table (drugs)";
    case Mechanism::GlobalBudget:
      return "a global budget (payment.global_budget.mode)";
    case Mechanism::Alliances:
      return "county alliances (alliances)";
    case Mechanism::Dip:
      return "DIP payment (payment.method or a switch to dip)";
  }
  return "";
}

}  // namespace reformsim::agents
