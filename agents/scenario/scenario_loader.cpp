#include "agents/scenario/scenario_loader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "agents/scenario/behaviour_loader.hpp"
#include "agents/scenario/primary_care_loader.hpp"
#include "agents/scenario/procurement_loader.hpp"
#include "agents/scenario/scenario_schema.hpp"
#include "sim/config/key_path.hpp"
#include "sim/config/read.hpp"
#include "sim/config/schema.hpp"
#include "sim/config/validate.hpp"
#include "sim/config/yaml_loader.hpp"

namespace reformsim::agents {

namespace {

using config::as_int;
using config::as_real;
using config::ErrorList;
using config::get_bool;
using config::get_child;
using config::get_int;
using config::get_real;
using config::get_string;
using config::has;
using config::location_at_path;
using config::Node;

PaymentMethod parse_method(const std::string& s) {
  if (s == "drg") return PaymentMethod::Drg;
  if (s == "dip") return PaymentMethod::Dip;
  return PaymentMethod::FeeForService;
}

PerTier read_tiers(const Node& object, std::string_view key) {
  const Node& list = get_child(object, key);
  PerTier out{};
  for (int t = 0; t < kTierCount; ++t) out[t] = as_real(list.items()[t]);
  return out;
}

void read_population(const Node& n, PopulationConfig& p) {
  p.insured = get_int(n, "insured");
  p.employee_share = get_real(n, "employee_share");
  p.female_share = get_real(n, "female_share");
  p.regions = static_cast<int>(get_int(n, "regions"));
  for (const Node& b : get_child(n, "age_bands").items()) {
    AgeBand band;
    band.from_age = static_cast<int>(get_int(b, "from_age"));
    band.to_age = static_cast<int>(get_int(b, "to_age"));
    band.share = get_real(b, "share");
    band.chronic_prevalence = get_real(b, "chronic_prevalence");
    band.admission_relative_risk = get_real(b, "admission_relative_risk");
    band.outpatient_relative_risk = get_real(b, "outpatient_relative_risk");
    p.age_bands.push_back(band);
  }
  p.retirement_age_male = static_cast<int>(get_int(n, "retirement_age_male"));
  p.retirement_age_female = static_cast<int>(get_int(n, "retirement_age_female"));
  p.retiree_exempt_share = get_real(n, "retiree_exempt_share");
}

void read_inpatient_benefit(const Node& n, InpatientBenefit& b) {
  b.deductible_yuan = read_tiers(n, "deductible_yuan");
  b.reimbursement_ratio = read_tiers(n, "reimbursement_ratio");
  b.annual_cap_yuan = get_real(n, "annual_cap_yuan");
}

void read_payment(const Node& n, PaymentConfig& p) {
  p.initial_method = parse_method(get_string(n, "method"));
  for (const Node& s : get_child(n, "switches").items()) {
    p.switches.push_back({static_cast<int>(get_int(s, "year")), parse_method(get_string(s, "method"))});
  }
  const Node& d = get_child(n, "drg");
  DrgConfig& drg = p.drg;
  drg.base_rate_yuan = get_real(d, "base_rate_yuan");
  drg.tier_coefficient = read_tiers(d, "tier_coefficient");
  drg.basic_group_coefficient = get_real(d, "basic_group_coefficient");
  for (const Node& band : get_child(d, "high_multiple_bands").items()) {
    HighMultipleBand b;
    b.max_weight = has(band, "max_weight") ? get_real(band, "max_weight") : std::numeric_limits<double>::infinity();
    b.factor = get_real(band, "factor");
    drg.high_multiple_bands.push_back(b);
  }
  drg.high_multiple_excess_share = get_real(d, "high_multiple_excess_share");
  drg.low_multiple_factor = get_real(d, "low_multiple_factor");
  drg.qy_ratio = get_real(d, "qy_ratio");
  drg.long_stay_days = get_real(d, "long_stay_days");
  if (has(d, "special_case_multiple")) drg.special_case_multiple = get_real(d, "special_case_multiple");
  drg.special_case_quota = static_cast<int>(get_int(d, "special_case_quota"));
  const Node& dip_node = get_child(n, "dip");
  DipConfig& dip = p.dip;
  dip.provisional_point_value_yuan = get_real(dip_node, "provisional_point_value_yuan");
  if (has(dip_node, "annual_budget_yuan")) dip.annual_budget_yuan = get_real(dip_node, "annual_budget_yuan");
  dip.reserve_share = get_real(dip_node, "reserve_share");
  dip.tier_coefficient = read_tiers(dip_node, "tier_coefficient");
  dip.basic_group_coefficient = get_real(dip_node, "basic_group_coefficient");
  dip.low_deviation_ratio = get_real(dip_node, "low_deviation_ratio");
  dip.high_deviation_ratio = get_real(dip_node, "high_deviation_ratio");
  const Node& budget = get_child(n, "global_budget");
  GlobalBudgetConfig& gb = p.global_budget;
  const std::string& mode = get_string(budget, "mode");
  gb.mode = mode == "growth_cap" ? BudgetMode::GrowthCap : mode == "fixed" ? BudgetMode::Fixed : BudgetMode::None;
  gb.growth_cap = get_real(budget, "growth_cap");
  if (has(budget, "base_expenditure_yuan")) gb.base_expenditure_yuan = get_real(budget, "base_expenditure_yuan");
  if (has(budget, "fixed_budget_yuan")) gb.fixed_budget_yuan = get_real(budget, "fixed_budget_yuan");
  auto bands = [](const Node& list) {
    std::vector<ShareBand> out;
    for (const Node& b : list.items()) {
      out.push_back({get_real(b, "from"), has(b, "to") ? get_real(b, "to") : std::numeric_limits<double>::infinity(),
                     get_real(b, "share")});
    }
    return out;
  };
  gb.surplus_retention = bands(get_child(budget, "surplus_retention"));
  gb.overspend_sharing = bands(get_child(budget, "overspend_sharing"));
  gb.performance_pay_share = get_real(budget, "performance_pay_share");
}

// Bands must tile [0, last edge) without gaps or overlaps, each with from < to; only the last may be open.
void check_bands(const Node& root, const std::string& path, const std::vector<ShareBand>& bands, ErrorList& errors) {
  double edge = 0;
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const std::string item = path + "[" + std::to_string(i) + "]";
    const ShareBand& b = bands[i];
    if (b.from != edge) {
      errors.add(location_at_path(root, item + ".from"), item + ".from",
                 std::string(b.from < edge ? "overlaps" : "leaves a gap after") + " the previous band (expected from " +
                     config::format_number(edge) + ", got " + config::format_number(b.from) + ")");
    }
    if (!(b.to > b.from)) errors.add(location_at_path(root, item + ".to"), item + ".to", "must be greater than from");
    if (!std::isfinite(b.to) && i + 1 < bands.size()) {
      errors.add(location_at_path(root, item), item, "only the last band may omit to");
    }
    edge = b.to;
  }
}

// Second pass: rules that involve more than one key.
void check_cross_fields(const Node& root, const ScenarioConfig& s, ErrorList& errors) {
  double share_sum = 0;
  int previous_to = -1;
  for (std::size_t i = 0; i < s.population.age_bands.size(); ++i) {
    const AgeBand& b = s.population.age_bands[i];
    const std::string path = "population.age_bands[" + std::to_string(i) + "]";
    share_sum += b.share;
    if (b.from_age > b.to_age) {
      errors.add(location_at_path(root, path + ".to_age"), path + ".to_age",
                 "to_age " + std::to_string(b.to_age) + " is below from_age " + std::to_string(b.from_age));
    }
    if (b.from_age <= previous_to) {
      errors.add(location_at_path(root, path + ".from_age"), path + ".from_age",
                 "age bands must be ascending and must not overlap (previous band ends at " +
                     std::to_string(previous_to) + ")");
    }
    previous_to = b.to_age;
  }
  if (std::abs(share_sum - 1.0) > 1e-6) {
    errors.add(location_at_path(root, "population.age_bands"), "population.age_bands",
               "shares must sum to 1, they sum to " + std::to_string(share_sum));
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < s.hospitals.size(); ++i) {
    const HospitalConfig& h = s.hospitals[i];
    const std::string path = "hospitals[" + std::to_string(i) + "]";
    if (!names.insert(h.name).second) {
      errors.add(location_at_path(root, path + ".name"), path + ".name", "duplicate hospital name '" + h.name + "'");
    }
    if (h.region >= s.population.regions) {
      errors.add(location_at_path(root, path + ".region"), path + ".region",
                 "region " + std::to_string(h.region) +
                     " does not exist (population.regions = " + std::to_string(s.population.regions) + ")");
    }
  }
  const auto& bands = s.payment.drg.high_multiple_bands;
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const std::string path = "payment.drg.high_multiple_bands[" + std::to_string(i) + "]";
    const bool last = i + 1 == bands.size();
    if (last && std::isfinite(bands[i].max_weight)) {
      errors.add(location_at_path(root, path + ".max_weight"), path + ".max_weight",
                 "the last band must have no max_weight (it covers all higher weights)");
    }
    if (!last && !std::isfinite(bands[i].max_weight)) {
      errors.add(location_at_path(root, path), path, "only the last band may omit max_weight");
    }
    if (i > 0 && bands[i].max_weight <= bands[i - 1].max_weight) {
      errors.add(location_at_path(root, path + ".max_weight"), path + ".max_weight",
                 "band max_weight must be ascending");
    }
  }
  check_bands(root, "payment.global_budget.surplus_retention", s.payment.global_budget.surplus_retention, errors);
  check_bands(root, "payment.global_budget.overspend_sharing", s.payment.global_budget.overspend_sharing, errors);
  if (s.payment.global_budget.mode == BudgetMode::Fixed && !s.payment.global_budget.fixed_budget_yuan) {
    errors.add(location_at_path(root, "payment.global_budget.mode"), "payment.global_budget.fixed_budget_yuan",
               "mode fixed needs fixed_budget_yuan");
  }
  int previous_year = 0;
  for (std::size_t i = 0; i < s.payment.switches.size(); ++i) {
    const PaymentSwitch& sw = s.payment.switches[i];
    const std::string path = "payment.switches[" + std::to_string(i) + "].year";
    if (sw.year > s.horizon_years) {
      errors.add(location_at_path(root, path), path,
                 "switch in year " + std::to_string(sw.year) +
                     " is after the horizon (horizon_years = " + std::to_string(s.horizon_years) + ")");
    }
    if (sw.year <= previous_year)
      errors.add(location_at_path(root, path), path, "switch years must be strictly ascending");
    previous_year = sw.year;
  }
  if (s.fund.base_floor_ratio > s.fund.base_ceiling_ratio) {
    errors.add(location_at_path(root, "fund.base_floor_ratio"), "fund.base_floor_ratio",
               "base_floor_ratio must not exceed base_ceiling_ratio");
  }
}

// New technologies name catalogue groups and years within the horizon.
void read_new_technologies(const Node& root, ScenarioConfig& s, ErrorList& errors) {
  const Node& list = get_child(get_child(get_child(root, "payment"), "drg"), "new_technologies");
  for (std::size_t i = 0; i < list.items().size(); ++i) {
    const Node& n = list.items()[i];
    const std::string path = "payment.drg.new_technologies[" + std::to_string(i) + "]";
    DrgConfig::NewTechnology t;
    t.from_year = static_cast<int>(get_int(n, "from_year"));
    t.years = static_cast<int>(get_int(n, "years"));
    t.add_on = get_string(n, "payment") == "add_on";
    t.add_on_share = get_real(n, "add_on_share");
    t.device_price_yuan = get_real(n, "device_price_yuan");
    const std::string& code = get_string(n, "group");
    if (const auto g = s.catalogue->find(code)) {
      t.group = *g;
    } else {
      errors.add(location_at_path(root, path + ".group"), path + ".group",
                 "group '" + code + "' is not in the catalogue");
    }
    if (t.from_year > s.horizon_years) {
      errors.add(location_at_path(root, path + ".from_year"), path + ".from_year",
                 "year " + std::to_string(t.from_year) +
                     " is after the horizon (horizon_years = " + std::to_string(s.horizon_years) + ")");
    }
    s.payment.drg.new_technologies.push_back(t);
  }
}

// Each shock type needs its own fields and accepts no others; years must lie within the horizon.
void read_shocks(const Node& root, ScenarioConfig& s, ErrorList& errors) {
  const Node& list = get_child(root, "shocks");
  for (std::size_t i = 0; i < list.items().size(); ++i) {
    const Node& n = list.items()[i];
    const std::string path = "shocks[" + std::to_string(i) + "]";
    const std::string& type = get_string(n, "type");
    Shock shock;
    shock.from_year = static_cast<int>(get_int(n, "from_year"));
    std::vector<std::string> needs, allows;
    if (type == "admission_surge") {
      shock.type = ShockType::AdmissionSurge;
      needs = {"factor"};
      allows = {"to_year"};
    } else if (type == "ageing_drift") {
      shock.type = ShockType::AgeingDrift;
      needs = {"annual_growth"};
    } else if (type == "wage_growth") {
      shock.type = ShockType::WageGrowth;
      needs = {"annual_growth"};
    } else if (type == "employer_rate") {
      shock.type = ShockType::EmployerRate;
      needs = {"employer_rate"};
    } else {
      shock.type = ShockType::NewTechnology;
      needs = {"group", "factor"};
    }
    for (const char* key_text : {"to_year", "factor", "annual_growth", "employer_rate", "group"}) {
      const std::string key = key_text;
      const bool needed = std::find(needs.begin(), needs.end(), key) != needs.end();
      const bool allowed = needed || std::find(allows.begin(), allows.end(), key) != allows.end();
      if (needed && !has(n, key)) errors.add(n.location(), path, "'" + type + "' shocks need '" + key + "'");
      if (!allowed && has(n, key)) {
        errors.add(location_at_path(root, path + "." + key), path + "." + key,
                   "does not apply to '" + type + "' shocks");
      }
    }
    if (has(n, "factor")) shock.factor = get_real(n, "factor");
    if (has(n, "annual_growth")) shock.annual_growth = get_real(n, "annual_growth");
    if (has(n, "employer_rate")) shock.employer_rate = get_real(n, "employer_rate");
    if (has(n, "to_year")) shock.to_year = static_cast<int>(get_int(n, "to_year"));
    if (shock.from_year > s.horizon_years) {
      errors.add(location_at_path(root, path + ".from_year"), path + ".from_year",
                 "shock in year " + std::to_string(shock.from_year) +
                     " is after the horizon (horizon_years = " + std::to_string(s.horizon_years) + ")");
    }
    if (shock.to_year != 0 && (shock.to_year < shock.from_year || shock.to_year > s.horizon_years)) {
      errors.add(location_at_path(root, path + ".to_year"), path + ".to_year",
                 "must lie between from_year and the horizon (" + std::to_string(s.horizon_years) + ")");
    }
    if (has(n, "group")) {
      const std::string& code = get_string(n, "group");
      const std::optional<std::size_t> g = s.catalogue->find(code);
      if (!g) {
        errors.add(location_at_path(root, path + ".group"), path + ".group",
                   "group '" + code + "' is not in the catalogue");
      } else {
        shock.group = *g;
      }
    }
    s.shocks.push_back(shock);
  }
}

// The DIP catalogue is loaded (and checked against the case catalogue) whenever it is named; it is required
// when DIP is in force in some year.
void load_dip_catalogue(const Node& root, ScenarioConfig& s, bool case_catalogue_ok, ErrorList& errors) {
  const Node& dip = get_child(get_child(root, "payment"), "dip");
  if (!has(dip, "catalogue")) {
    if (s.payment.uses(PaymentMethod::Dip, s.horizon_years)) {
      errors.add(location_at_path(root, "payment.dip"), "payment.dip.catalogue",
                 "DIP is used (payment.method or a switch) but payment.dip.catalogue is not set");
    }
    return;
  }
  if (!case_catalogue_ok) return;  // a broken case catalogue would only repeat itself here
  ErrorList dip_errors;
  auto catalogue =
      std::make_shared<DipCatalogue>(DipCatalogue::load(get_string(dip, "catalogue"), *s.catalogue, dip_errors));
  const config::SourceLocation loc = location_at_path(root, "payment.dip.catalogue");
  for (const config::ConfigError& e : dip_errors.errors()) {
    errors.add(e.where, "payment.dip.catalogue", e.message + " (DIP catalogue named at " + loc.to_string() + ")");
  }
  s.payment.dip.catalogue = std::move(catalogue);
}

}  // namespace

ScenarioConfig build_scenario(const Node& raw, ErrorList& errors, Node* validated_out) {
  ScenarioConfig s;
  const std::size_t errors_before = errors.size();
  Node root = config::validate(raw, *scenario_spec(), errors);
  if (errors.size() > errors_before) return s;

  s.name = get_string(root, "name");
  s.source_file = raw.location().file;
  s.start_year = static_cast<int>(get_int(root, "start_year"));
  s.horizon_years = static_cast<int>(get_int(root, "horizon_years"));
  read_population(get_child(root, "population"), s.population);

  const Node& wages = get_child(root, "wages");
  s.wages.average_monthly_wage_yuan = get_real(wages, "average_monthly_wage_yuan");
  s.wages.wage_sigma = get_real(wages, "wage_sigma");
  s.wages.provincial_average_monthly_wage_yuan = get_real(wages, "provincial_average_monthly_wage_yuan");

  const Node& demand = get_child(root, "demand");
  const Node& rates = get_child(demand, "admissions_per_person_year");
  s.demand.admissions_per_person_year = {get_real(rates, "employee"), get_real(rates, "resident")};
  if (has(demand, "admissions_per_day")) s.demand.admissions_per_day = get_real(demand, "admissions_per_day");
  s.demand.chronic_admission_relative_risk = get_real(demand, "chronic_admission_relative_risk");
  s.demand.outpatient_enabled = get_bool(demand, "outpatient_enabled");
  s.demand.outpatient_visits_per_person_year = get_real(demand, "outpatient_visits_per_person_year");
  s.demand.chronic_outpatient_relative_risk = get_real(demand, "chronic_outpatient_relative_risk");
  s.demand.outpatient_cost_mean_yuan = get_real(demand, "outpatient_cost_mean_yuan");
  s.demand.outpatient_cost_cv = get_real(demand, "outpatient_cost_cv");

  const Node& mix = get_child(root, "case_mix");
  const std::string& los_shape = get_string(mix, "los_distribution");
  s.case_mix.los_distribution = los_shape == "lognormal"     ? LosDistribution::Lognormal
                                : los_shape == "exponential" ? LosDistribution::Exponential
                                                             : LosDistribution::Gamma;
  s.case_mix.los_linked_cost_share = get_real(mix, "los_linked_cost_share");

  for (const Node& h : get_child(root, "hospitals").items()) {
    HospitalConfig hc;
    hc.name = get_string(h, "name");
    hc.tier = static_cast<int>(get_int(h, "tier"));
    hc.region = static_cast<int>(get_int(h, "region"));
    hc.beds = static_cast<int>(get_int(h, "beds"));
    hc.doctors = static_cast<int>(get_int(h, "doctors"));
    hc.quality = get_real(h, "quality");
    hc.cost_index = get_real(h, "cost_index");
    hc.los_index = get_real(h, "los_index");
    hc.cost_to_charge_ratio = get_real(h, "cost_to_charge_ratio");
    hc.when_full = get_string(h, "when_full") == "divert" ? WhenFull::Divert : WhenFull::Queue;
    s.hospitals.push_back(hc);
  }

  const Node& choice = get_child(root, "provider_choice");
  s.choice.tier_preference = read_tiers(choice, "tier_preference");
  s.choice.quality_weight = get_real(choice, "quality_weight");
  s.choice.oop_per_1000_yuan = get_real(choice, "oop_per_1000_yuan");
  s.choice.other_region_penalty = get_real(choice, "other_region_penalty");
  s.choice.severity_tertiary_weight = get_real(choice, "severity_tertiary_weight");

  const Node& benefits = get_child(root, "benefits");
  read_inpatient_benefit(get_child(benefits, "employee"), s.benefits.inpatient[0]);
  read_inpatient_benefit(get_child(benefits, "resident"), s.benefits.inpatient[1]);
  s.benefits.self_pay_share = get_real(benefits, "self_pay_share");
  s.benefits.class_b_share = get_real(benefits, "class_b_share");
  s.benefits.class_b_payfirst_rate = get_real(benefits, "class_b_payfirst_rate");
  const Node& outpatient = get_child(benefits, "outpatient_ratio");
  s.benefits.outpatient_ratio = {get_real(outpatient, "employee"), get_real(outpatient, "resident")};

  const Node& fund = get_child(root, "fund");
  s.fund.initial_balance_per_insured_yuan = get_real(fund, "initial_balance_per_insured_yuan");
  s.fund.employer_rate = get_real(fund, "employer_rate");
  s.fund.individual_rate = get_real(fund, "individual_rate");
  s.fund.base_floor_ratio = get_real(fund, "base_floor_ratio");
  s.fund.base_ceiling_ratio = get_real(fund, "base_ceiling_ratio");
  s.fund.employee_pooled_share = get_real(fund, "employee_pooled_share");
  s.fund.resident_premium_yuan = get_real(fund, "resident_premium_yuan");
  s.fund.resident_subsidy_yuan = get_real(fund, "resident_subsidy_yuan");
  s.fund.reserve_window_months = static_cast<int>(get_int(fund, "reserve_window_months"));
  s.fund.wage_growth = get_real(fund, "wage_growth");
  const Node& pooling = get_child(fund, "pooling");
  const std::string& level = get_string(pooling, "level");
  s.fund.pooling = level == "county"     ? FundConfig::Pooling::County
                   : level == "province" ? FundConfig::Pooling::Province
                                         : FundConfig::Pooling::City;
  s.fund.adjustment_fund_share = get_real(pooling, "adjustment_fund_share");
  s.fund.adjustment_cover_share = get_real(pooling, "adjustment_cover_share");
  s.fund.premium_growth = get_real(fund, "premium_growth");

  read_payment(get_child(root, "payment"), s.payment);
  read_behaviour_and_supervision(root, s, errors);
  read_drugs_and_procurement(root, s, errors);
  read_primary_care(root, s, errors);
  check_cross_fields(root, s, errors);

  const std::string& catalogue_path = get_string(root, "catalogue");
  ErrorList catalogue_errors;
  auto catalogue = std::make_shared<CaseCatalogue>(CaseCatalogue::load(catalogue_path, catalogue_errors));
  if (!catalogue_errors.empty()) {
    const config::SourceLocation loc = location_at_path(root, "catalogue");
    for (const config::ConfigError& e : catalogue_errors.errors()) {
      errors.add(e.where, "catalogue", e.message + " (catalogue named at " + loc.to_string() + ")");
    }
  }
  s.catalogue = std::move(catalogue);
  if (catalogue_errors.empty()) read_shocks(root, s, errors);
  if (catalogue_errors.empty()) read_new_technologies(root, s, errors);
  if (catalogue_errors.empty()) check_drugs_against_catalogue(root, s, errors);
  load_dip_catalogue(root, s, catalogue_errors.empty(), errors);
  if (validated_out) *validated_out = std::move(root);
  return s;
}

ScenarioConfig load_scenario(const std::string& path) {
  ErrorList errors;
  Node raw = config::load_yaml_file(path, errors);
  if (!errors.empty()) throw config::ConfigException(errors);
  ScenarioConfig s = build_scenario(raw, errors);
  if (!errors.empty()) throw config::ConfigException(errors);
  return s;
}

const char* payment_method_name(PaymentMethod m) {
  switch (m) {
    case PaymentMethod::Drg:
      return "drg";
    case PaymentMethod::Dip:
      return "dip";
    case PaymentMethod::FeeForService:
      return "ffs";
  }
  return "ffs";
}

bool PaymentConfig::uses(PaymentMethod method, int horizon_years) const {
  for (int y = 0; y < horizon_years; ++y) {
    if (method_in_year(y) == method) return true;
  }
  return false;
}

PaymentMethod PaymentConfig::method_in_year(int year_index) const {
  PaymentMethod m = initial_method;
  for (const PaymentSwitch& sw : switches) {
    if (sw.year - 1 <= year_index) m = sw.method;
  }
  return m;
}

}  // namespace reformsim::agents
