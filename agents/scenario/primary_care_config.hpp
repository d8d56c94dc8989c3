#pragma once
// Primary care (DOMAIN.md §9): the referral network, family-doctor contracting and county alliances (医共体), as
// plain structs filled from the `network:`, `family_doctors:` and `alliances:` declarations
// (primary_care_schema.cpp). With none of them configured nothing changes.
#include <string>
#include <vector>

namespace reformsim::agents {

/// A village clinic (村卫生室): the first contact of the patients of its region.
struct VillageClinic {
  std::string name;
  int region = 0;
  std::string township;  ///< the tier-1 hospital it hangs off
  double minutes = 0;    ///< travel time to it
};

/// An undirected road between two hospitals.
struct NetworkLink {
  std::string from, to;
  double minutes = 0;
};

struct NetworkConfig {
  std::vector<VillageClinic> villages;
  std::vector<NetworkLink> links;
  double travel_utility_per_hour = 0;  ///< choice utility per hour of travel from home (negative: aversion)
  double refer_up_weight = 0;          ///< cases this heavy admitted at a primary unit go up (0: never)
  double refer_down_share = 0;         ///< share of tier-2/3 discharges referred down for a follow-up visit
  double follow_up_cost_yuan = 80;     ///< bill of that visit at the primary unit
  bool active() const { return !villages.empty() || !links.empty(); }
};

struct FamilyDoctorConfig {
  double initial_coverage = 0;  ///< share contracted in year 1 (0 with no growth: no family doctors)
  double coverage_growth = 0;   ///< added each year
  double max_coverage = 0.75;   ///< 2035 target (≥ 75%)
  double priority_weight = 3;   ///< the elderly (60+) and the chronic sign up this many times as readily
  double annual_fee_yuan = 120;
  double fund_share = 0.5;  ///< of the fee; public health pays public_health_share, the resident the rest
  double public_health_share = 0.3;
  double team_pay_share = 0.7;             ///< of the fee pool, to the team
  int follow_ups_per_year = 4;             ///< for contracted elderly and chronic residents
  double chronic_admission_reduction = 0;  ///< contracted chronic residents' admissions × (1 − this)
  double primary_first_utility = 0;        ///< choice utility of primary units for contracted residents
  double referred_ratio_bonus = 0;         ///< reimbursement ratio + this when referred up
  double bypass_ratio_penalty = 0;         ///< − this when a contracted resident skips the primary unit
  bool active() const { return initial_coverage > 0 || coverage_growth > 0; }
};

/// A county alliance: a lead hospital and its members, paid a per-capita global budget.
struct AllianceConfig {
  std::string name;
  std::string lead;
  std::vector<std::string> members;   ///< besides the lead
  std::vector<int> regions;           ///< whose insured the budget is per head of
  double per_capita_budget_yuan = 0;  ///< a year, for the members' fund payments
  double surplus_retention = 1;       ///< share of an under-spend the alliance keeps
  double overspend_share = 1;         ///< share of an overspend the alliance bears
  double outreach_quality = 0;        ///< specialist outreach: perceived quality added at member primary units
  int outreach_beds = 0;              ///< … and beds
  // Resolved at load time.
  std::vector<std::size_t> hospital_ids;  ///< lead first
};

}  // namespace reformsim::agents
