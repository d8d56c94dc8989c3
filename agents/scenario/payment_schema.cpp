// Declarations of the `payment:` section (DOMAIN.md §3): the method and its timed switches, CHS-DRG with its outlier,
// special-case and new-technology rules, DIP with its floating point value, and the regional global budget.
#include "agents/scenario/payment_schema.hpp"

#include "agents/scenario/schema_helpers.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;

Node default_high_bands() {
  return list_of({map_of({{"max_weight", "1"}, {"factor", "3"}}), map_of({{"max_weight", "3"}, {"factor", "2"}}),
                  map_of({{"factor", "1.5"}})});
}

SpecPtr drg_spec() {
  return Spec::object({
      {"base_rate_yuan", Spec::real()->greater_than(0)->def(8811.0)->unit("yuan")->doc(
                             "DRG base rate (费率): standard = weight × base rate × coefficient")},
      {"tier_coefficient", per_tier(Spec::real()->greater_than(0)->max(10), {"1", "1", "1"},
                                    "hospital-level coefficient (等级系数)", "ratio")},
      {"basic_group_coefficient", Spec::real()->greater_than(0)->max(10)->def(1.0)->unit("ratio")->doc(
                                      "coefficient of basic groups (同病同价) at every level")},
      {"high_multiple_bands",
       Spec::array(Spec::object({
                       {"max_weight", Spec::real()->greater_than(0)->optional()->unit("weight")->doc(
                                          "upper weight of the band (omit in the last band)")},
                       {"factor", Spec::real()->greater_than(1)->max(100)->unit("ratio")->doc(
                                      "a case is high-multiple when cost > factor × standard")},
                   }))
           ->min_items(1)
           ->def_node(default_high_bands())
           ->doc("high-multiple (高倍率) thresholds by weight band, ascending")},
      {"high_multiple_excess_share",
       Spec::real()
           ->range(0, 1)
           ->def(1.0)
           ->unit("fraction")
           ->doc("high-multiple settlement = standard + share × (cost − standard); 1 = paid by items")},
      {"low_multiple_factor", Spec::real()->range(0, 1)->def(0.4)->unit("ratio")->doc(
                                  "a case is low-multiple (低倍率, paid by items) when cost < factor × standard")},
      {"qy_ratio", Spec::real()
                       ->greater_than(0)
                       ->max(1)
                       ->def(0.8)
                       ->unit("fraction")
                       ->doc("QY/ungroupable (歧义组) cases are paid this share of items")},
      {"long_stay_days",
       Spec::real()->greater_than(0)->def(60.0)->unit("days")->doc("cases with LOS above this are paid by items")},
      {"special_case_multiple", Spec::real()->greater_than(1)->max(1000)->optional()->unit("ratio")->doc(
                                    "special-case review (特例单议): cases costing more than this × standard are paid "
                                    "by items while the hospital's yearly quota lasts")},
      {"new_technologies",
       Spec::array(
           Spec::object({
               {"group", Spec::string()->doc("case-catalogue group of the new technology")},
               {"from_year", Spec::integer()->range(1, 1000)->doc("first simulated year of the special payment")},
               {"years", Spec::integer()->range(1, 100)->def(1)->unit("years")->doc(
                             "years paid specially before the group is recalibrated (China: 1)")},
               {"payment", Spec::enumeration({"items", "add_on"})
                               ->def("items")
                               ->doc("paid by items, or the standard plus an NTAP-style add-on")},
               {"add_on_share", Spec::real()
                                    ->range(0, 1)
                                    ->def(0.65)
                                    ->unit("fraction")
                                    ->doc("add-on = min(share × (cost − standard), share × device price)")},
               {"device_price_yuan",
                Spec::real()->min(0)->def(0.0)->unit("yuan")->doc("price of the technology, capping the add-on")},
           }))
           ->def_node(Node::sequence())
           ->doc("new technologies (新技术) paid outside the group for a period, then folded in")},
      {"special_case_quota", Spec::integer()
                                 ->range(0, 1000000)
                                 ->def(20)
                                 ->unit("cases/hospital/year")
                                 ->doc("special-case reviews granted per hospital and year")},
  });
}

SpecPtr dip_spec() {
  return Spec::object({
      {"catalogue", Spec::path()->optional()->doc("DIP catalogue CSV (required when DIP is used)")},
      {"provisional_point_value_yuan", Spec::real()
                                           ->greater_than(0)
                                           ->def(100.0)
                                           ->unit("yuan/point")
                                           ->doc("point value (点值) of the monthly advance payments")},
      {"annual_budget_yuan",
       Spec::real()->greater_than(0)->optional()->unit("yuan")->doc(
           "annual DIP pot; when set, the year is cleared at (budget − reserve) ÷ Σ points (no clearing otherwise)")},
      {"reserve_share", Spec::real()
                            ->min(0)
                            ->less_than(1)
                            ->def(0.0)
                            ->unit("fraction")
                            ->doc("share of the budget held back from the point value at clearing")},
      {"tier_coefficient", per_tier(Spec::real()->greater_than(0)->max(10), {"1", "1", "1"},
                                    "hospital-level coefficient (等级系数)", "ratio")},
      {"basic_group_coefficient", Spec::real()->greater_than(0)->max(10)->def(1.0)->unit("ratio")->doc(
                                      "coefficient of basic groups (基础病种) at every level")},
      {"low_deviation_ratio", Spec::real()->min(0)->max(1)->def(0.5)->unit("ratio")->doc(
                                  "cases below this cost ÷ group mean are re-scored by their cost ratio")},
      {"high_deviation_ratio", Spec::real()->min(1)->max(100)->def(2.0)->unit("ratio")->doc(
                                   "cases above this cost ÷ group mean are re-scored by their cost ratio")},
  });
}

SpecPtr bands_spec(Node defaults, std::string doc) {
  return Spec::array(Spec::object({
                         {"from", Spec::real()->min(0)->unit("ratio")->doc("lower edge, as a ratio to the budget")},
                         {"to", Spec::real()->greater_than(0)->optional()->unit("ratio")->doc(
                                    "upper edge (omit in an open last band)")},
                         {"share", Spec::real()->range(0, 1)->unit("fraction")->doc("share applied within the band")},
                     }))
      ->def_node(std::move(defaults))
      ->doc(std::move(doc));
}

SpecPtr global_budget_spec() {
  return Spec::object({
      {"mode", Spec::enumeration({"none", "growth_cap", "fixed"})
                   ->def("none")
                   ->doc("regional budget: none, previous expenditure × (1 + growth_cap), or a fixed pot")},
      {"growth_cap", Spec::real()
                         ->greater_than(-1)
                         ->max(10)
                         ->def(0.03)
                         ->unit("fraction")
                         ->doc("growth cap of the budget over the previous year's inpatient fund expenditure")},
      {"base_expenditure_yuan", Spec::real()->greater_than(0)->optional()->unit("yuan")->doc(
                                    "expenditure the first year's budget grows from (else year 1 only sets the base)")},
      {"fixed_budget_yuan",
       Spec::real()->greater_than(0)->optional()->unit("yuan")->doc("yearly inpatient pot for mode fixed")},
      {"surplus_retention",
       bands_spec(list_of({map_of({{"from", "0"}, {"to", "0.15"}, {"share", "1"}})}),
                  "share of an under-spend the hospital keeps, by band of surplus ÷ budget (contiguous from 0)")},
      {"overspend_sharing",
       bands_spec(list_of({map_of({{"from", "0"}, {"to", "0.1"}, {"share", "0.5"}})}),
                  "share of an overspend the fund covers, by band of overspend ÷ budget (contiguous from 0)")},
      {"performance_pay_share",
       Spec::real()
           ->range(0, 1)
           ->def(0.6)
           ->unit("fraction")
           ->doc("share of a hospital's retained surplus (or Yichang-rule surplus under DIP) paid out as doctors' "
                 "performance pay")},
  });
}

}  // namespace

config::SpecPtr payment_spec() {
  return Spec::object({
      {"method", Spec::enumeration({"ffs", "drg", "dip"})->def("ffs")->doc("payment method at the start")},
      {"switches", Spec::array(Spec::object({
                                   {"year", Spec::integer()->range(1, 1000)->doc(
                                                "simulated year (1 = first) from whose 1 January it applies")},
                                   {"method", Spec::enumeration({"ffs", "drg", "dip"})->doc("the new payment method")},
                               }))
                       ->def_node(Node::sequence())
                       ->doc("timed policy switches, e.g. FFS → DRG on 1 January of year 2")},
      {"drg", drg_spec()},
      {"dip", dip_spec()},
      {"global_budget", global_budget_spec()},
  });
}

}  // namespace reformsim::agents
