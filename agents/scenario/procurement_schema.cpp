// Drugs and volume-based procurement. With no drugs (the default) or `procurement.start_year: 0` nothing changes.
#include "agents/scenario/procurement_schema.hpp"

#include "agents/scenario/schema_helpers.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;

SpecPtr ratio_in_unit_interval(double def, std::string doc) {
  return Spec::real()->greater_than(0)->max(1)->def(def)->unit("fraction")->doc(std::move(doc));
}

SpecPtr product_spec() {
  return Spec::object({
      {"firm", Spec::string()->doc("the firm making the product (unique within the drug)")},
      {"originator", Spec::boolean()->def(false)->doc("the originator (原研) rather than a generic")},
      {"evaluated", Spec::boolean()->def(true)->doc("a generic that passed the consistency evaluation")},
      {"list_price_yuan", Spec::real()->greater_than(0)->unit("yuan/unit")->doc("price before procurement")},
      {"base_share", Spec::real()
                         ->range(0, 1)
                         ->unit("fraction")
                         ->doc("share of the molecule's units before procurement (the shares of a drug sum to 1)")},
      {"unit_cost_yuan",
       Spec::real()->min(0)->def(0.0)->unit("yuan/unit")->doc("the firm's cost per unit, below which it never bids")},
      {"capacity_units_per_year",
       Spec::real()->min(0)->def(0.0)->unit("units/year")->doc("what the firm can supply in a year (0: unlimited)")},
  });
}

}  // namespace

config::SpecPtr drug_spec() {
  return Spec::object({
      {"name", Spec::string()->doc("generic name of the molecule (unique)")},
      {"inpatient_use",
       Spec::array(Spec::object({
                       {"mdc", Spec::string()->doc("major diagnostic category of the catalogue")},
                       {"units_per_case",
                        Spec::real()->greater_than(0)->unit("units/case")->doc("units a case of the MDC uses")},
                   }))
           ->def_node(Node::sequence())
           ->doc("use per inpatient case, by MDC")},
      {"outpatient_units_per_visit",
       Spec::real()->min(0)->def(0.0)->unit("units/visit")->doc("mean units per outpatient visit")},
      {"price_elasticity",
       Spec::real()->range(0, 5)->def(0.0)->unit("ratio")->doc("use × (price ÷ pre-procurement price)^−elasticity")},
      {"max_demand_multiple",
       Spec::real()->range(1, 100)->def(5.0)->unit("ratio")->doc("cap of the price response of use (the seeds: 2–5×)")},
      {"originator_loyalty", Spec::real()
                                 ->range(0, 1)
                                 ->def(0.0)
                                 ->unit("fraction")
                                 ->doc("share of use that stays with the originator when it does not win")},
      {"procured", Spec::boolean()->def(true)->doc("included in the volume-based tenders")},
      {"products", Spec::array(product_spec())->min_items(1)->doc("originator and generic products")},
  });
}

config::SpecPtr procurement_spec() {
  return Spec::object({
      {"start_year", Spec::integer()->range(0, 1000)->def(0)->unit("year")->doc(
                         "simulated year (1-based) whose 1 January starts the first cycle; 0: no procurement")},
      {"cycle_years", Spec::integer()->range(1, 10)->def(1)->unit("years")->doc("length of a cycle before renewal")},
      {"report_bias", Spec::real()
                          ->range(0, 0.9)
                          ->def(0.1)
                          ->unit("fraction")
                          ->doc("hospitals report last cycle's use × (1 − bias) (conservative reporting)")},
      {"report_noise_cv",
       Spec::real()->range(0, 2)->def(0.1)->unit("cv")->doc("lognormal noise of mean 1 on each hospital's report")},
      {"report_max_growth", Spec::real()
                                ->greater_than(0)
                                ->def(2.0)
                                ->unit("fraction")
                                ->doc("Shanxi rule: a report this much above the hospital's history is excluded")},
      {"report_max_decrease", Spec::real()
                                  ->greater_than(0)
                                  ->less_than(1)
                                  ->def(0.5)
                                  ->unit("fraction")
                                  ->doc("… and a report this much below it")},
      {"agreed_ratio",
       Spec::object({
                        {"one_winner", ratio_in_unit_interval(0.5, "agreed volume ÷ reported with one winner")},
                        {"two_winners", ratio_in_unit_interval(0.6, "with two winners")},
                        {"three_winners", ratio_in_unit_interval(0.7, "with three winners")},
                        {"four_or_more", ratio_in_unit_interval(0.8, "with four or more winners")},
                    })
           ->doc("agreed-volume ratio (带量比例) by number of winners, in (0, 1]")},
      {"bid_markup", Spec::real()
                         ->range(0, 100)
                         ->def(0.2)
                         ->unit("fraction")
                         ->doc("firms bid unit cost × (1 + markup), never above their list price")},
      {"winning",
       Spec::object(
           {
               {"max_ratio_to_lowest",
                Spec::real()->min(1)->def(1.8)->unit("ratio")->doc("a bid at most this × the lowest bid wins")},
               {"min_cut_from_max", Spec::real()
                                        ->greater_than(0)
                                        ->less_than(1)
                                        ->def(0.5)
                                        ->unit("fraction")
                                        ->doc("… or a bid this far below the maximum valid price")},
               {"low_price_yuan",
                Spec::real()->min(0)->def(0.10)->unit("yuan/unit")->doc("… or a unit price at or below this")},
               {"circuit_breaker_ratio", Spec::real()->min(1)->optional()->unit("ratio")->doc(
                                             "price-gap circuit breaker: bids above this × the lowest never win")},
               {"max_winners",
                Spec::integer()->range(1, 100)->def(10)->doc("at most this many winners, cheapest first")},
           })
           ->doc("winning rules of the tender (national rules by default)")},
      {"nonwinner_share_cap",
       Spec::real()
           ->range(0, 1)
           ->def(0.5)
           ->unit("fraction")
           ->doc("non-winning products' share of a molecule's use at most this (Guangdong: 0.5)")},
      {"exclude_unevaluated_generics",
       Spec::boolean()->def(true)->doc("generics without consistency evaluation stop being used (Sichuan)")},
      {"retained_savings_share",
       Spec::real()
           ->range(0, 1)
           ->def(0.5)
           ->unit("fraction")
           ->doc("share of the budget surplus on procured drugs the hospital keeps (结余留用)")},
  });
}

}  // namespace reformsim::agents
