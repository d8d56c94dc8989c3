#include "agents/scenario/procurement_loader.hpp"

#include <cmath>
#include <set>
#include <sstream>
#include <string>

#include "sim/config/key_path.hpp"
#include "sim/config/read.hpp"

namespace reformsim::agents {

namespace {

using config::get_bool;
using config::get_child;
using config::get_int;
using config::get_real;
using config::get_string;
using config::has;
using config::location_at_path;
using config::Node;

DrugConfig read_drug(const Node& n) {
  DrugConfig d;
  d.name = get_string(n, "name");
  for (const Node& u : get_child(n, "inpatient_use").items()) {
    d.inpatient_use.push_back({get_string(u, "mdc"), get_real(u, "units_per_case")});
  }
  d.outpatient_units_per_visit = get_real(n, "outpatient_units_per_visit");
  d.price_elasticity = get_real(n, "price_elasticity");
  d.max_demand_multiple = get_real(n, "max_demand_multiple");
  d.originator_loyalty = get_real(n, "originator_loyalty");
  d.procured = get_bool(n, "procured");
  for (const Node& p : get_child(n, "products").items()) {
    DrugProduct product;
    product.firm = get_string(p, "firm");
    product.originator = get_bool(p, "originator");
    product.evaluated = get_bool(p, "evaluated");
    product.list_price_yuan = get_real(p, "list_price_yuan");
    product.base_share = get_real(p, "base_share");
    product.unit_cost_yuan = get_real(p, "unit_cost_yuan");
    product.capacity_units_per_year = get_real(p, "capacity_units_per_year");
    d.products.push_back(product);
  }
  return d;
}

void read_procurement(const Node& n, ProcurementConfig& p) {
  p.start_year = static_cast<int>(get_int(n, "start_year"));
  p.cycle_years = static_cast<int>(get_int(n, "cycle_years"));
  p.report_bias = get_real(n, "report_bias");
  p.report_noise_cv = get_real(n, "report_noise_cv");
  p.report_max_growth = get_real(n, "report_max_growth");
  p.report_max_decrease = get_real(n, "report_max_decrease");
  const Node& r = get_child(n, "agreed_ratio");
  p.agreed_ratio = {get_real(r, "one_winner"), get_real(r, "two_winners"), get_real(r, "three_winners"),
                    get_real(r, "four_or_more")};
  p.bid_markup = get_real(n, "bid_markup");
  const Node& w = get_child(n, "winning");
  p.winning.max_ratio_to_lowest = get_real(w, "max_ratio_to_lowest");
  p.winning.min_cut_from_max = get_real(w, "min_cut_from_max");
  p.winning.low_price_yuan = get_real(w, "low_price_yuan");
  if (has(w, "circuit_breaker_ratio")) p.winning.circuit_breaker_ratio = get_real(w, "circuit_breaker_ratio");
  p.winning.max_winners = static_cast<int>(get_int(w, "max_winners"));
  p.nonwinner_share_cap = get_real(n, "nonwinner_share_cap");
  p.exclude_unevaluated_generics = get_bool(n, "exclude_unevaluated_generics");
  p.retained_savings_share = get_real(n, "retained_savings_share");
}

}  // namespace

void read_drugs_and_procurement(const Node& root, ScenarioConfig& s, config::ErrorList& errors) {
  std::set<std::string> names;
  const auto& drugs = get_child(root, "drugs").items();
  for (std::size_t i = 0; i < drugs.size(); ++i) {
    const std::string path = "drugs[" + std::to_string(i) + "]";
    DrugConfig d = read_drug(drugs[i]);
    if (!names.insert(d.name).second) {
      errors.add(location_at_path(root, path + ".name"), path + ".name", "duplicate drug name '" + d.name + "'");
    }
    std::set<std::string> firms;
    double shares = 0;
    for (std::size_t k = 0; k < d.products.size(); ++k) {
      const std::string product = path + ".products[" + std::to_string(k) + "]";
      if (!firms.insert(d.products[k].firm).second) {
        errors.add(location_at_path(root, product + ".firm"), product + ".firm",
                   "duplicate firm '" + d.products[k].firm + "' in drug '" + d.name + "'");
      }
      shares += d.products[k].base_share;
    }
    if (std::abs(shares - 1.0) > 1e-6) {
      std::ostringstream sum;
      sum << shares;
      errors.add(location_at_path(root, path + ".products"), path + ".products",
                 "base_share of the products of '" + d.name + "' must sum to 1, they sum to " + sum.str());
    }
    s.drugs.push_back(std::move(d));
  }
  read_procurement(get_child(root, "procurement"), s.procurement);
  const ProcurementConfig& p = s.procurement;
  if (p.start_year > s.horizon_years) {
    errors.add(location_at_path(root, "procurement.start_year"), "procurement.start_year",
               "year " + std::to_string(p.start_year) + " is after the horizon (" + std::to_string(s.horizon_years) +
                   " years)");
  }
  if (p.start_year == 1) {
    errors.add(location_at_path(root, "procurement.start_year"), "procurement.start_year",
               "the first cycle needs a year of use as the hospitals' reporting history: start in year 2 or later");
  }
  bool any_procured = false;
  for (const DrugConfig& d : s.drugs) any_procured = any_procured || d.procured;
  if (p.active() && !any_procured) {
    errors.add(location_at_path(root, "procurement.start_year"), "procurement.start_year",
               "procurement starts but no drug in `drugs:` is procured");
  }
}

void check_drugs_against_catalogue(const Node& root, const ScenarioConfig& s, config::ErrorList& errors) {
  std::set<std::string> mdcs;
  for (const CaseGroup& g : s.catalogue->groups()) mdcs.insert(g.mdc);
  for (std::size_t i = 0; i < s.drugs.size(); ++i) {
    for (std::size_t u = 0; u < s.drugs[i].inpatient_use.size(); ++u) {
      const std::string& mdc = s.drugs[i].inpatient_use[u].mdc;
      if (mdcs.count(mdc)) continue;
      const std::string path = "drugs[" + std::to_string(i) + "].inpatient_use[" + std::to_string(u) + "].mdc";
      errors.add(location_at_path(root, path), path, "MDC '" + mdc + "' has no group in the case catalogue");
    }
  }
}

}  // namespace reformsim::agents
