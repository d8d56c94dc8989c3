// Primary care: every default leaves it off, so a scenario without these sections runs as before.
#include "agents/scenario/primary_care_schema.hpp"

#include "agents/scenario/schema_helpers.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;

SpecPtr share(double def, std::string doc) {
  return Spec::real()->range(0, 1)->def(def)->unit("fraction")->doc(std::move(doc));
}

}  // namespace

config::SpecPtr network_spec() {
  return Spec::object({
      {"villages", Spec::array(Spec::object({
                                   {"name", Spec::string()->doc("village clinic name (unique)")},
                                   {"region", Spec::integer()->range(0, 1000)->doc("region of its patients")},
                                   {"township", Spec::string()->doc("the tier-1 hospital it belongs to")},
                                   {"minutes", Spec::real()->min(0)->unit("minutes")->doc("travel to the township")},
                               }))
                       ->def_node(Node::sequence())
                       ->doc("village clinics (村卫生室): where a region's patients start")},
      {"links", Spec::array(Spec::object({
                                {"from", Spec::string()->doc("hospital name")},
                                {"to", Spec::string()->doc("hospital name")},
                                {"minutes", Spec::real()->greater_than(0)->unit("minutes")->doc("travel time")},
                            }))
                    ->def_node(Node::sequence())
                    ->doc("roads between hospitals (undirected): township → county → city")},
      {"travel_utility_per_hour", Spec::real()->range(-100, 0)->def(0.0)->unit("1/hour")->doc(
                                      "choice utility per hour of travel from the region's village clinics")},
      {"refer_up_weight", Spec::real()->min(0)->def(0.0)->unit("weight")->doc(
                              "cases at least this heavy admitted at a tier-1 unit are referred to the nearest "
                              "higher-tier hospital (0: never)")},
      {"refer_down_share", share(0.0,
                                 "share of tier-2/3 discharges referred down for a follow-up at the nearest "
                                 "tier-1 unit")},
      {"follow_up_cost_yuan", Spec::real()->min(0)->def(80.0)->unit("yuan")->doc("bill of that follow-up visit")},
  });
}

config::SpecPtr family_doctor_spec() {
  return Spec::object({
      {"initial_coverage", share(0.0, "share of the insured contracted in year 1")},
      {"coverage_growth", Spec::real()
                              ->range(0, 1)
                              ->def(0.0)
                              ->unit("fraction/year")
                              ->doc("coverage added each year (1–3 points in the 2022 guidance)")},
      {"max_coverage", share(0.75, "the coverage target (≥ 75% by 2035); at most 100%")},
      {"priority_weight", Spec::real()->range(1, 100)->def(3.0)->unit("ratio")->doc(
                              "the elderly (60+) and the chronic sign up this many times as readily")},
      {"annual_fee_yuan", Spec::real()->min(0)->def(120.0)->unit("yuan/year")->doc("contract fee per resident")},
      {"fund_share", share(0.5, "part of the fee the insurance fund pays (capitation)")},
      {"public_health_share", share(0.3, "part paid from public-health funds; the resident pays the rest")},
      {"team_pay_share", share(0.7, "part of the fee pool that goes to the team's pay")},
      {"follow_ups_per_year", Spec::integer()
                                  ->range(0, 52)
                                  ->def(4)
                                  ->unit("visits/year")
                                  ->doc("follow-ups of each contracted elderly or chronic resident")},
      {"chronic_admission_reduction", share(0.0, "contracted chronic residents' admission rate falls by this")},
      {"primary_first_utility", Spec::real()->range(-10, 10)->def(0.0)->unit("utility")->doc(
                                    "choice utility of tier-1 units for contracted residents (first contact)")},
      {"referred_ratio_bonus", share(0.0, "reimbursement ratio added when a contracted resident is referred up")},
      {"bypass_ratio_penalty", share(0.0,
                                     "reimbursement ratio taken off when a contracted resident goes to a "
                                     "tier-2/3 hospital without referral")},
  });
}

config::SpecPtr alliance_spec() {
  return Spec::object({
      {"name", Spec::string()->doc("alliance name (unique)")},
      {"lead", Spec::string()->doc("the lead (county) hospital")},
      {"members", Spec::array(Spec::string())->def_node(Node::sequence())->doc("member hospitals besides the lead")},
      {"regions", Spec::array(Spec::integer()->range(0, 1000))
                      ->min_items(1)
                      ->doc("regions whose insured the budget is per head of")},
      {"per_capita_budget_yuan", Spec::real()
                                     ->greater_than(0)
                                     ->unit("yuan/person/year")
                                     ->doc("the fund's yearly budget for the members' fund payments, per insured")},
      {"surplus_retention", share(1.0, "share of an under-spend the alliance keeps")},
      {"overspend_share", share(1.0, "share of an overspend the alliance bears")},
      {"outreach_quality", Spec::real()->range(0, 1)->def(0.0)->unit("quality")->doc(
                               "specialist outreach: perceived quality added at member tier-1 units")},
      {"outreach_beds",
       Spec::integer()->range(0, 10000)->def(0)->unit("beds")->doc("… and beds added at each of them")},
  });
}

}  // namespace reformsim::agents
