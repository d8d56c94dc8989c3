// Declarations of drugs and volume-based procurement, and their cross-field rules.
#include "agents/procurement/procurement_declarations.hpp"

#include <cmath>
#include <set>
#include <sstream>
#include <string>

#include "agents/scenario/schema_helpers.hpp"
#include "sim/config/key_path.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;
using config::report_at;

SpecPtr ratio_in_unit_interval(double def, std::string doc) {
  return Spec::real()->greater_than(0)->max(1)->def(def)->unit("fraction")->doc(std::move(doc));
}

Binding<DrugProduct> product_binding() {
  return Binding<DrugProduct>("DrugProduct")
      .field("firm", &DrugProduct::firm, Spec::string()->doc("the firm making the product (unique within the drug)"))
      .field("originator", &DrugProduct::originator,
             Spec::boolean()->def(false)->doc("the originator (原研) rather than a generic"))
      .field("evaluated", &DrugProduct::evaluated,
             Spec::boolean()->def(true)->doc("a generic that passed the consistency evaluation"))
      .field("list_price_yuan", &DrugProduct::list_price_yuan,
             Spec::real()->greater_than(0)->unit("yuan/unit")->doc("price before procurement"))
      .field("base_share", &DrugProduct::base_share,
             Spec::real()
                 ->range(0, 1)
                 ->unit("fraction")
                 ->doc("share of the molecule's units before procurement (the shares of a drug sum to 1)"))
      .field(
          "unit_cost_yuan", &DrugProduct::unit_cost_yuan,
          Spec::real()->min(0)->def(0.0)->unit("yuan/unit")->doc("the firm's cost per unit, below which it never bids"))
      .field(
          "capacity_units_per_year", &DrugProduct::capacity_units_per_year,
          Spec::real()->min(0)->def(0.0)->unit("units/year")->doc("what the firm can supply in a year (0: unlimited)"));
}

Binding<DrugUse> drug_use_binding() {
  return Binding<DrugUse>("DrugUse")
      .field("mdc", &DrugUse::mdc, Spec::string()->doc("major diagnostic category of the catalogue"))
      .field("units_per_case", &DrugUse::units_per_case,
             Spec::real()->greater_than(0)->unit("units/case")->doc("units a case of the MDC uses"));
}

Binding<AgreedRatioConfig> agreed_ratio_binding() {
  return Binding<AgreedRatioConfig>("AgreedRatioConfig")
      .field("one_winner", &AgreedRatioConfig::one_winner,
             ratio_in_unit_interval(0.5, "agreed volume ÷ reported with one winner"))
      .field("two_winners", &AgreedRatioConfig::two_winners, ratio_in_unit_interval(0.6, "with two winners"))
      .field("three_winners", &AgreedRatioConfig::three_winners, ratio_in_unit_interval(0.7, "with three winners"))
      .field("four_or_more", &AgreedRatioConfig::four_or_more,
             ratio_in_unit_interval(0.8, "with four or more winners"));
}

Binding<WinningRules> winning_binding() {
  return Binding<WinningRules>("WinningRules")
      .field("max_ratio_to_lowest", &WinningRules::max_ratio_to_lowest,
             Spec::real()->min(1)->def(1.8)->unit("ratio")->doc("a bid at most this × the lowest bid wins"))
      .field("min_cut_from_max", &WinningRules::min_cut_from_max,
             Spec::real()
                 ->greater_than(0)
                 ->less_than(1)
                 ->def(0.5)
                 ->unit("fraction")
                 ->doc("… or a bid this far below the maximum valid price"))
      .field("low_price_yuan", &WinningRules::low_price_yuan,
             Spec::real()->min(0)->def(0.10)->unit("yuan/unit")->doc("… or a unit price at or below this"))
      .field("circuit_breaker_ratio", &WinningRules::circuit_breaker_ratio,
             Spec::real()->min(1)->optional()->unit("ratio")->doc(
                 "price-gap circuit breaker: bids above this × the lowest never win"))
      .field("max_winners", &WinningRules::max_winners,
             Spec::integer()->range(1, 100)->def(10)->doc("at most this many winners, cheapest first"));
}

}  // namespace

Binding<DrugConfig> drug_binding() {
  return Binding<DrugConfig>("DrugConfig")
      .field("name", &DrugConfig::name, Spec::string()->doc("generic name of the molecule (unique)"))
      .list("inpatient_use", &DrugConfig::inpatient_use, drug_use_binding(),
            [](SpecPtr s) { return s->def_node(Node::sequence())->doc("use per inpatient case, by MDC"); })
      .field("outpatient_units_per_visit", &DrugConfig::outpatient_units_per_visit,
             Spec::real()->min(0)->def(0.0)->unit("units/visit")->doc("mean units per outpatient visit"))
      .field(
          "price_elasticity", &DrugConfig::price_elasticity,
          Spec::real()->range(0, 5)->def(0.0)->unit("ratio")->doc("use × (price ÷ pre-procurement price)^−elasticity"))
      .field("max_demand_multiple", &DrugConfig::max_demand_multiple,
             Spec::real()->range(1, 100)->def(5.0)->unit("ratio")->doc(
                 "cap of the price response of use (reports after price cuts: 2–5×)"))
      .field("originator_loyalty", &DrugConfig::originator_loyalty,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.0)
                 ->unit("fraction")
                 ->doc("share of use that stays with the originator when it does not win"))
      .field("procured", &DrugConfig::procured, Spec::boolean()->def(true)->doc("included in the volume-based tenders"))
      .list("products", &DrugConfig::products, product_binding(),
            [](SpecPtr s) { return s->min_items(1)->doc("originator and generic products"); });
}

Binding<ProcurementConfig> procurement_binding() {
  return Binding<ProcurementConfig>("ProcurementConfig")
      .field("start_year", &ProcurementConfig::start_year,
             Spec::integer()->range(0, 1000)->def(0)->unit("year")->doc(
                 "simulated year (1-based) whose 1 January starts the first cycle; 0: no procurement"))
      .field("cycle_years", &ProcurementConfig::cycle_years,
             Spec::integer()->range(1, 10)->def(1)->unit("years")->doc("length of a cycle before renewal"))
      .field("report_bias", &ProcurementConfig::report_bias,
             Spec::real()
                 ->range(0, 0.9)
                 ->def(0.1)
                 ->unit("fraction")
                 ->doc("hospitals report last cycle's use × (1 − bias) (conservative reporting)"))
      .field(
          "report_noise_cv", &ProcurementConfig::report_noise_cv,
          Spec::real()->range(0, 2)->def(0.1)->unit("cv")->doc("lognormal noise of mean 1 on each hospital's report"))
      .field("report_max_growth", &ProcurementConfig::report_max_growth,
             Spec::real()
                 ->greater_than(0)
                 ->def(2.0)
                 ->unit("fraction")
                 ->doc("Shanxi rule: a report this much above the hospital's history is excluded"))
      .field("report_max_decrease", &ProcurementConfig::report_max_decrease,
             Spec::real()
                 ->greater_than(0)
                 ->less_than(1)
                 ->def(0.5)
                 ->unit("fraction")
                 ->doc("… and a report this much below it"))
      .field("agreed_ratio", &ProcurementConfig::agreed_ratio, agreed_ratio_binding(),
             [](SpecPtr s) { return s->doc("agreed-volume ratio (带量比例) by number of winners, in (0, 1]"); })
      .field("bid_markup", &ProcurementConfig::bid_markup,
             Spec::real()
                 ->range(0, 100)
                 ->def(0.2)
                 ->unit("fraction")
                 ->doc("firms bid unit cost × (1 + markup), never above their list price"))
      .field("winning", &ProcurementConfig::winning, winning_binding(),
             [](SpecPtr s) { return s->doc("winning rules of the tender (national rules by default)"); })
      .field("nonwinner_share_cap", &ProcurementConfig::nonwinner_share_cap,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.5)
                 ->unit("fraction")
                 ->doc("non-winning products' share of a molecule's use at most this (Guangdong: 0.5)"))
      .field("exclude_unevaluated_generics", &ProcurementConfig::exclude_unevaluated_generics,
             Spec::boolean()->def(true)->doc("generics without consistency evaluation stop being used (Sichuan)"))
      .field("retained_savings_share", &ProcurementConfig::retained_savings_share,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.5)
                 ->unit("fraction")
                 ->doc("share of the budget surplus on procured drugs the hospital keeps (结余留用)"));
}

void check_procurement(const config::Node& root, const ScenarioConfig& s, config::ErrorList& errors) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < s.drugs.size(); ++i) {
    const DrugConfig& d = s.drugs[i];
    const std::string path = "drugs[" + std::to_string(i) + "]";
    if (!names.insert(d.name).second) report_at(errors, root, path + ".name", "duplicate drug name '" + d.name + "'");
    std::set<std::string> firms;
    double shares = 0;
    for (std::size_t k = 0; k < d.products.size(); ++k) {
      const std::string product = path + ".products[" + std::to_string(k) + "]";
      if (!firms.insert(d.products[k].firm).second) {
        report_at(errors, root, product + ".firm",
                  "duplicate firm '" + d.products[k].firm + "' in drug '" + d.name + "'");
      }
      shares += d.products[k].base_share;
    }
    if (std::abs(shares - 1.0) > 1e-6) {
      std::ostringstream sum;
      sum << shares;
      report_at(errors, root, path + ".products",
                "base_share of the products of '" + d.name + "' must sum to 1, they sum to " + sum.str());
    }
  }
  const ProcurementConfig& p = s.procurement;
  if (p.start_year > s.horizon_years) {
    report_at(errors, root, "procurement.start_year",
              "year " + std::to_string(p.start_year) + " is after the horizon (" + std::to_string(s.horizon_years) +
                  " years)");
  }
  if (p.start_year == 1 && s.warmup_years == 0) {
    // A warm-up year is such a history: the warm-up is the world before procurement.
    report_at(errors, root, std::vector<std::string>{"procurement.start_year", "warmup_years"},
              "the first cycle needs a year of use as the hospitals' reporting history: start in year 2 or later, "
              "or keep a warm-up year");
  }
  bool any_procured = false;
  for (const DrugConfig& d : s.drugs) any_procured = any_procured || d.procured;
  if (p.active() && !any_procured) {
    report_at(errors, root, "procurement.start_year", "procurement starts but no drug in `drugs:` is procured");
  }
}

void check_drugs_against_catalogue(const config::Node& root, const ScenarioConfig& s, config::ErrorList& errors) {
  std::set<std::string> mdcs;
  for (const CaseGroup& g : s.catalogue->groups()) mdcs.insert(g.mdc);
  for (std::size_t i = 0; i < s.drugs.size(); ++i) {
    for (std::size_t u = 0; u < s.drugs[i].inpatient_use.size(); ++u) {
      const std::string& mdc = s.drugs[i].inpatient_use[u].mdc;
      if (mdcs.count(mdc)) continue;
      report_at(errors, root, "drugs[" + std::to_string(i) + "].inpatient_use[" + std::to_string(u) + "].mdc",
                "MDC '" + mdc + "' has no group in the case catalogue");
    }
  }
}

}  // namespace reformsim::agents
