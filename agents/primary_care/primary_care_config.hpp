#pragma once
// Primary care of a scenario: the referral network, family-doctor contracting and county alliances (医共体), from
// the `network:`, `family_doctors:` and `alliances:` sections (primary_care_declarations.cpp). With none of them
// configured nothing changes.
#include <cstddef>
#include <string>
#include <vector>

namespace reformsim::agents {

/// A village clinic (村卫生室): the first contact of the patients of its region.
struct VillageClinic {
  std::string name;      ///< village clinic name (unique)
  int region;            ///< region of its patients
  std::string township;  ///< the tier-1 hospital it belongs to
  double minutes;        ///< travel to the township
};

/// An undirected road between two hospitals.
struct NetworkLink {
  std::string from;  ///< hospital name
  std::string to;    ///< hospital name
  double minutes;    ///< travel time
};

struct NetworkConfig {
  std::vector<VillageClinic> villages;  ///< village clinics (村卫生室): where a region's patients start
  std::vector<NetworkLink> links;       ///< roads between hospitals (undirected): township → county → city
  double travel_utility_per_hour;       ///< choice utility per hour of travel from the region's village clinics
  /// cases at least this heavy admitted at a tier-1 unit are referred to the nearest higher-tier hospital (0: never)
  double refer_up_weight;
  /// share of tier-2/3 discharges referred down for a follow-up at the nearest tier-1 unit
  double refer_down_share;
  double follow_up_cost_yuan;  ///< bill of that follow-up visit
  bool active() const { return !villages.empty() || !links.empty(); }
};

struct FamilyDoctorConfig {
  double initial_coverage;             ///< share of the insured contracted in year 1
  double coverage_growth;              ///< coverage added each year (1–3 points in the 2022 guidance)
  double max_coverage;                 ///< the coverage target (≥ 75% by 2035); at most 100%
  double priority_weight;              ///< the elderly (60+) and the chronic sign up this many times as readily
  double annual_fee_yuan;              ///< contract fee per resident
  double fund_share;                   ///< part of the fee the insurance fund pays (capitation)
  double public_health_share;          ///< part paid from public-health funds; the resident pays the rest
  double team_pay_share;               ///< part of the fee pool that goes to the team's pay
  int follow_ups_per_year;             ///< follow-ups of each contracted elderly or chronic resident
  double chronic_admission_reduction;  ///< contracted chronic residents' admission rate falls by this
  double primary_first_utility;        ///< choice utility of tier-1 units for contracted residents (first contact)
  double referred_ratio_bonus;         ///< reimbursement ratio added when a contracted resident is referred up
  /// reimbursement ratio taken off when a contracted resident goes to a tier-2/3 hospital without referral
  double bypass_ratio_penalty;
  bool active() const { return initial_coverage > 0 || coverage_growth > 0; }
};

/// A county alliance: a lead hospital and its members, paid a per-capita global budget.
struct AllianceConfig {
  std::string name;                       ///< alliance name (unique)
  std::string lead;                       ///< the lead (county) hospital
  std::vector<std::string> members;       ///< member hospitals besides the lead
  std::vector<int> regions;               ///< regions whose insured the budget is per head of
  double per_capita_budget_yuan;          ///< the fund's yearly budget for the members' fund payments, per insured
  double surplus_retention;               ///< share of an under-spend the alliance keeps
  double overspend_share;                 ///< share of an overspend the alliance bears
  double outreach_quality;                ///< specialist outreach: perceived quality added at member tier-1 units
  int outreach_beds;                      ///< … and beds added at each of them
  std::vector<std::size_t> hospital_ids;  ///< resolved from lead and members, lead first
};

}  // namespace reformsim::agents
