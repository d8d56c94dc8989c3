#pragma once
// Family doctors in a run: contracts signed each January with their fees and follow-ups (priority to the elderly and
// the chronic), chronic-disease management that avoids admissions, primary first contact, and gatekeeping — a
// reimbursement bonus when referred up, a penalty when a contracted resident goes around the primary unit. Built
// only when contracting is on; nothing here draws a random number otherwise.
#include <cstdint>
#include <vector>

#include "agents/payer/fund_books.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// Family-doctor contracting.
class FamilyDoctors final : public Component {
 public:
  FamilyDoctors(RunContext& run, FundBooks& books);
  /// The year's contracts, their fees and the teams' follow-ups.
  void on_year_start(int year, sim::Simulation& sim) override;
  /// Chronic-disease management: an admission of a contracted chronic resident that does not happen.
  bool prevents_admission(std::uint32_t person, std::uint64_t onset, double now) override;
  /// Primary first contact for contracted residents: tier-1 probabilities × exp(utility), renormalised.
  void adjust_choice(std::uint32_t person, std::vector<double>& probabilities) override;
  /// Gatekeeping: the reimbursement ratio moves when a contracted resident is referred up or goes around.
  void route(std::uint32_t person, std::size_t group, double now, Route& route) override;

 private:
  RunContext& run_;
  FundBooks& books_;
  sim::StreamKey key_;
  std::vector<std::uint8_t> contracted_;          ///< per person
  std::vector<std::size_t> team_unit_of_region_;  ///< the tier-1 unit whose teams contract the region's residents
};

}  // namespace reformsim::agents
