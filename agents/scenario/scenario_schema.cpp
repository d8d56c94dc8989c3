#include "agents/scenario/scenario_schema.hpp"

#include <string>
#include <utility>
#include <vector>

#include "agents/scenario/behaviour_schema.hpp"
#include "agents/scenario/payment_schema.hpp"
#include "agents/scenario/primary_care_schema.hpp"
#include "agents/scenario/procurement_schema.hpp"
#include "agents/scenario/schema_helpers.hpp"
#include "sim/config/node.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;

SpecPtr age_band_spec() {
  return Spec::object({
      {"from_age", Spec::integer()->range(0, 120)->unit("years")->doc("first age of the band")},
      {"to_age", Spec::integer()->range(0, 120)->unit("years")->doc("last age of the band (inclusive)")},
      {"share", Spec::real()->greater_than(0)->max(1)->unit("fraction")->doc("share of the insured population")},
      {"chronic_prevalence",
       Spec::real()->range(0, 1)->def(0.0)->unit("fraction")->doc("probability of a chronic condition")},
      {"admission_relative_risk", Spec::real()->greater_than(0)->max(100)->def(1.0)->unit("ratio")->doc(
                                      "admission rate relative to other bands (normalised to the scheme's mean rate)")},
      {"outpatient_relative_risk", Spec::real()->greater_than(0)->max(100)->def(1.0)->unit("ratio")->doc(
                                       "outpatient visit rate relative to other bands (normalised to the mean rate)")},
  });
}

Node default_age_bands() {
  auto band = [](const char* from, const char* to, const char* share, const char* chronic, const char* adm,
                 const char* opd) {
    return map_of({{"from_age", from},
                   {"to_age", to},
                   {"share", share},
                   {"chronic_prevalence", chronic},
                   {"admission_relative_risk", adm},
                   {"outpatient_relative_risk", opd}});
  };
  return list_of({band("0", "14", "0.18", "0.02", "0.6", "1.0"), band("15", "44", "0.40", "0.06", "0.6", "0.7"),
                  band("45", "59", "0.23", "0.20", "1.0", "1.0"), band("60", "74", "0.14", "0.45", "2.2", "1.6"),
                  band("75", "100", "0.05", "0.60", "3.5", "2.0")});
}

SpecPtr population_spec() {
  return Spec::object({
      {"insured", Spec::integer()
                      ->range(1, 100'000'000)
                      ->def(std::int64_t{200'000})
                      ->unit("persons")
                      ->doc("number of insured persons")},
      {"employee_share",
       Spec::real()->range(0, 1)->def(0.35)->unit("fraction")->doc("share of the insured in the employee scheme")},
      {"female_share", Spec::real()->range(0, 1)->def(0.5)->unit("fraction")->doc("share of women")},
      {"regions", Spec::integer()->range(1, 255)->def(3)->unit("count")->doc(
                      "number of regions (districts/counties); people and hospitals live in one")},
      {"age_bands", Spec::array(age_band_spec())
                        ->min_items(1)
                        ->def_node(default_age_bands())
                        ->doc("age structure and illness risks; shares must sum to 1")},
      {"retirement_age_male",
       Spec::integer()->range(40, 80)->def(60)->unit("years")->doc("employees from this age are retired")},
      {"retirement_age_female",
       Spec::integer()->range(40, 80)->def(55)->unit("years")->doc("employees from this age are retired")},
      {"retiree_exempt_share",
       Spec::real()
           ->range(0, 1)
           ->def(0.9)
           ->unit("fraction")
           ->doc("share of retired employees with the required contribution years (they stop contributing)")},
  });
}

SpecPtr wages_spec() {
  return Spec::object({
      {"average_monthly_wage_yuan",
       Spec::real()->greater_than(0)->def(8333.0)->unit("yuan/month")->doc("mean monthly wage of employees")},
      {"wage_sigma",
       Spec::real()->range(0, 3)->def(0.5)->unit("log-sd")->doc("lognormal dispersion of individual wages")},
      {"provincial_average_monthly_wage_yuan",
       Spec::real()
           ->greater_than(0)
           ->def(8333.0)
           ->unit("yuan/month")
           ->doc("provincial average wage that anchors the contribution base clamp")},
  });
}

SpecPtr demand_spec() {
  return Spec::object({
      {"admissions_per_person_year", Spec::object({
                                         {"employee", Spec::real()->range(0, 10)->def(0.177)->unit("1/year")->doc(
                                                          "mean hospitalisation rate of employee-scheme members")},
                                         {"resident", Spec::real()->range(0, 10)->def(0.152)->unit("1/year")->doc(
                                                          "mean hospitalisation rate of resident-scheme members")},
                                     })},
      {"admissions_per_day",
       Spec::real()->min(0)->max(1e7)->optional()->unit("1/day")->doc(
           "fixed city-wide admission rate (Poisson); replaces the total of the per-person rates, people are "
           "still chosen by relative risk (validation worlds such as M/M/c)")},
      {"chronic_admission_relative_risk", Spec::real()->greater_than(0)->max(100)->def(2.0)->unit("ratio")->doc(
                                              "admission rate multiplier for people with a chronic condition")},
      {"outpatient_enabled", Spec::boolean()->def(true)->doc("simulate outpatient visits")},
      {"outpatient_visits_per_person_year",
       Spec::real()->range(0, 100)->def(6.0)->unit("1/year")->doc("mean outpatient visits per person")},
      {"chronic_outpatient_relative_risk", Spec::real()->greater_than(0)->max(100)->def(1.8)->unit("ratio")->doc(
                                               "outpatient rate multiplier for people with a chronic condition")},
      {"outpatient_cost_mean_yuan",
       Spec::real()->greater_than(0)->def(180.0)->unit("yuan")->doc("mean cost of an outpatient visit")},
      {"outpatient_cost_cv",
       Spec::real()->range(0, 10)->def(0.8)->unit("ratio")->doc("coefficient of variation of visit cost")},
  });
}

SpecPtr case_mix_spec() {
  return Spec::object({
      {"los_distribution", Spec::enumeration({"gamma", "lognormal", "exponential"})
                               ->def("gamma")
                               ->doc("distribution of LOS around the group mean (gamma with cv 1 = exponential)")},
      {"los_linked_cost_share",
       Spec::real()
           ->range(0, 1)
           ->def(0.5)
           ->unit("fraction")
           ->doc("share of a case's cost that scales with its LOS relative to the group mean")},
  });
}

SpecPtr hospital_spec() {
  return Spec::object({
      {"name", Spec::string()->doc("unique hospital name")},
      {"tier", Spec::integer()->range(1, 3)->doc("hospital level 1–3 (一级/二级/三级)")},
      {"region", Spec::integer()->range(0, 254)->def(0)->doc("region index (0-based, < population.regions)")},
      {"beds", Spec::integer()->range(1, 100'000)->unit("beds")->doc("staffed inpatient beds")},
      {"doctors", Spec::integer()->range(1, 100'000)->def(20)->unit("doctors")->doc("insurance doctors")},
      {"quality", Spec::real()->range(0, 1)->def(0.5)->doc("perceived quality used in provider choice")},
      {"cost_index",
       Spec::real()->greater_than(0)->max(10)->def(1.0)->unit("ratio")->doc("multiplies the catalogue's mean cost")},
      {"los_index",
       Spec::real()->greater_than(0)->max(10)->def(1.0)->unit("ratio")->doc("multiplies the catalogue's mean LOS")},
      {"cost_to_charge_ratio",
       Spec::real()->greater_than(0)->max(3)->def(0.92)->unit("ratio")->doc("true cost ÷ itemised bill")},
      {"when_full", Spec::enumeration({"queue", "divert"})
                        ->def("queue")
                        ->doc("when all beds are taken: wait for a bed, or send the patient to another hospital")},
  });
}

SpecPtr choice_spec() {
  return Spec::object({
      {"tier_preference",
       per_tier(Spec::real()->range(-50, 50), {"-0.5", "0.0", "0.5"}, "utility constant of each tier", "utility")},
      {"quality_weight",
       Spec::real()->range(-50, 50)->def(2.0)->unit("utility")->doc("utility of quality 1 relative to 0")},
      {"oop_per_1000_yuan", Spec::real()
                                ->range(-50, 0)
                                ->def(-0.15)
                                ->unit("utility/1000 yuan")
                                ->doc("utility per 1,000 yuan of expected out-of-pocket cost")},
      {"other_region_penalty", Spec::real()->range(-50, 0)->def(-1.5)->unit("utility")->doc(
                                   "utility of a hospital outside the patient's region")},
      {"severity_tertiary_weight", Spec::real()
                                       ->range(-50, 50)
                                       ->def(0.5)
                                       ->unit("utility/weight")
                                       ->doc("extra tertiary utility per unit of case weight")},
  });
}

SpecPtr inpatient_benefit_spec(std::vector<std::string> deductibles, std::vector<std::string> ratios, double cap_yuan) {
  return Spec::object({
      {"deductible_yuan",
       per_tier(Spec::real()->min(0), std::move(deductibles), "deductible (起付线) per person and year", "yuan")},
      {"reimbursement_ratio", per_tier(Spec::real()->range(0, 1), std::move(ratios),
                                       "share of eligible cost above the deductible paid by the fund", "fraction")},
      {"annual_cap_yuan", Spec::real()->greater_than(0)->def(cap_yuan)->unit("yuan")->doc(
                              "most the fund pays for one person's inpatient care in a year (封顶线)")},
  });
}

SpecPtr benefits_spec() {
  return Spec::object({
      {"employee", inpatient_benefit_spec({"300", "700", "1200"}, {"0.90", "0.85", "0.80"}, 600000.0)},
      {"resident", inpatient_benefit_spec({"200", "500", "1000"}, {"0.80", "0.72", "0.65"}, 210000.0)},
      {"self_pay_share", Spec::real()
                             ->range(0, 1)
                             ->def(0.15)
                             ->unit("fraction")
                             ->doc("share of the bill outside the policy scope (self-pay items)")},
      {"class_b_share",
       Spec::real()->range(0, 1)->def(0.15)->unit("fraction")->doc("share of the bill that is class-B (乙类) items")},
      {"class_b_payfirst_rate",
       Spec::real()->range(0, 1)->def(0.10)->unit("fraction")->doc("individual pay-first rate on class-B items")},
      {"outpatient_ratio", Spec::object({
                               {"employee", Spec::real()
                                                ->range(0, 1)
                                                ->def(0.60)
                                                ->unit("fraction")
                                                ->doc("share of an outpatient visit's cost paid by the fund")},
                               {"resident", Spec::real()
                                                ->range(0, 1)
                                                ->def(0.50)
                                                ->unit("fraction")
                                                ->doc("share of an outpatient visit's cost paid by the fund")},
                           })},
  });
}

SpecPtr fund_spec() {
  return Spec::object({
      {"initial_balance_per_insured_yuan",
       Spec::real()->def(1500.0)->unit("yuan/person")->doc("pooled-fund balance at the start, per insured")},
      {"employer_rate",
       Spec::real()->range(0, 1)->def(0.07)->unit("fraction")->doc("employer contribution rate on the wage base")},
      {"individual_rate",
       Spec::real()->range(0, 1)->def(0.02)->unit("fraction")->doc("individual contribution rate on the wage base")},
      {"base_floor_ratio", Spec::real()->range(0, 10)->def(0.6)->unit("ratio")->doc(
                               "wage base lower clamp, as a multiple of the provincial average wage")},
      {"base_ceiling_ratio", Spec::real()->range(0, 100)->def(3.0)->unit("ratio")->doc(
                                 "wage base upper clamp, as a multiple of the provincial average wage")},
      {"employee_pooled_share",
       Spec::real()
           ->range(0, 1)
           ->def(0.7)
           ->unit("fraction")
           ->doc("share of employee contributions credited to the pooled fund (the rest goes to personal accounts)")},
      {"resident_premium_yuan",
       Spec::real()->min(0)->def(350.0)->unit("yuan/year")->doc("resident individual premium, collected each January")},
      {"resident_subsidy_yuan", Spec::real()
                                    ->min(0)
                                    ->def(610.0)
                                    ->unit("yuan/year")
                                    ->doc("government subsidy per resident, collected each January")},
      {"wage_growth", Spec::real()
                          ->range(-0.5, 1)
                          ->def(0.0)
                          ->unit("fraction/year")
                          ->doc("yearly growth of wages and so of employee contribution bases, from year 2")},
      {"premium_growth", Spec::real()
                             ->range(-0.5, 1)
                             ->def(0.0)
                             ->unit("fraction/year")
                             ->doc("yearly growth of the resident premium and subsidy, from year 2")},
      {"pooling",
       Spec::object({
           {"level", Spec::enumeration({"city", "county", "province"})
                         ->def("city")
                         ->doc("统筹层次: one city pool, a pool per region (county), or region pools with a provincial "
                               "adjustment fund")},
           {"adjustment_fund_share",
            Spec::real()
                ->range(0, 0.05)
                ->def(0.03)
                ->unit("fraction")
                ->doc("province: share of each region's previous-year contributions paid into the "
                      "adjustment fund each January (at most 5%)")},
           {"adjustment_cover_share",
            Spec::real()
                ->range(0, 1)
                ->def(0.5)
                ->unit("fraction")
                ->doc("province: share of a region's annual deficit the adjustment fund covers")},
       })},
      {"reserve_window_months", Spec::integer()->range(1, 120)->def(12)->unit("months")->doc(
                                    "months of expenditure averaged for months of reserve")},
  });
}

SpecPtr shock_spec() {
  return Spec::object({
      {"type", Spec::enumeration({"admission_surge", "ageing_drift", "wage_growth", "employer_rate", "new_technology"})
                   ->doc("what changes")},
      {"from_year", Spec::integer()->range(1, 1000)->doc("simulated year (1 = first) from whose 1 January it applies")},
      {"to_year", Spec::integer()->range(1, 1000)->optional()->doc(
                      "admission_surge: last year of the surge (default: to the horizon)")},
      {"factor", Spec::real()->greater_than(0)->max(100)->optional()->unit("ratio")->doc(
                     "admission_surge: admission-rate multiplier; new_technology: cost multiplier of the group")},
      {"annual_growth", Spec::real()
                            ->range(-0.5, 1)
                            ->optional()
                            ->unit("fraction/year")
                            ->doc("ageing_drift: yearly growth of admission rates; wage_growth: the new wage growth")},
      {"employer_rate", Spec::real()
                            ->range(0, 1)
                            ->optional()
                            ->unit("fraction")
                            ->doc("employer_rate: the new employer contribution rate (a cut or a rise)")},
      {"group", Spec::string()->optional()->doc("new_technology: the case-catalogue group whose cost rises")},
  });
}

}  // namespace

config::SpecPtr scenario_spec() {
  return Spec::object({
      {"schema_version",
       Spec::integer()->range(1, kScenarioSchemaVersion)->def(kScenarioSchemaVersion)->doc("scenario format version")},
      {"name", Spec::string()->def("unnamed scenario")->doc("a short name for reports")},
      {"start_year", Spec::integer()
                         ->range(1900, 2200)
                         ->def(2024)
                         ->unit("year")
                         ->doc("calendar year of simulated day 0 (1 January)")},
      {"horizon_years", Spec::integer()->range(1, 100)->def(3)->unit("years")->doc("simulated years")},
      {"catalogue", Spec::path()->doc("case catalogue CSV (relative to the file that names it)")},
      {"population", population_spec()},
      {"wages", wages_spec()},
      {"demand", demand_spec()},
      {"case_mix", case_mix_spec()},
      {"hospitals", Spec::array(hospital_spec())->min_items(1)->doc("the hospitals of the city")},
      {"provider_choice", choice_spec()},
      {"benefits", benefits_spec()},
      {"fund", fund_spec()},
      {"payment", payment_spec()},
      {"shocks",
       Spec::array(shock_spec())
           ->def_node(Node::sequence())
           ->doc("timed stress-test shocks: ageing, epidemics, wage slowdown, contribution cuts, new technology")},
      {"behaviour", behaviour_spec()->doc("hospitals' and doctors' responses to the payment rules (gaming)")},
      {"supervision", supervision_spec()->doc("detectors, audits and penalties")},
      {"drugs", Spec::array(drug_spec())
                    ->def_node(Node::sequence())
                    ->doc("the drug table: molecules, their products and their use per case and visit")},
      {"procurement", procurement_spec()->doc("volume-based procurement cycles (集中带量采购)")},
      {"network", network_spec()->doc("the referral network: village clinics, roads between hospitals, referrals")},
      {"family_doctors", family_doctor_spec()->doc("family-doctor contracting (家庭医生签约) and gatekeeping")},
      {"alliances", Spec::array(alliance_spec())
                        ->def_node(Node::sequence())
                        ->doc("county alliances (县域医共体) paid a per-capita global budget")},
  });
}

}  // namespace reformsim::agents
