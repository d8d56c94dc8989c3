// Declarations of the city: population, wages, demand, case mix, hospitals and provider choice.
#include <string>
#include <utility>
#include <vector>

#include "agents/scenario/scenario_declarations.hpp"
#include "agents/scenario/schema_helpers.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;

Binding<AgeBand> age_band_binding() {
  return Binding<AgeBand>("AgeBand")
      .field("from_age", &AgeBand::from_age,
             Spec::integer()->range(0, 120)->unit("years")->doc("first age of the band"))
      .field("to_age", &AgeBand::to_age,
             Spec::integer()->range(0, 120)->unit("years")->doc("last age of the band (inclusive)"))
      .field("share", &AgeBand::share,
             Spec::real()->greater_than(0)->max(1)->unit("fraction")->doc("share of the insured population"))
      .field("chronic_prevalence", &AgeBand::chronic_prevalence,
             Spec::real()->range(0, 1)->def(0.0)->unit("fraction")->doc("probability of a chronic condition"))
      .field("admission_relative_risk", &AgeBand::admission_relative_risk,
             Spec::real()->greater_than(0)->max(100)->def(1.0)->unit("ratio")->doc(
                 "admission rate relative to other bands (normalised to the scheme's mean rate)"))
      .field("outpatient_relative_risk", &AgeBand::outpatient_relative_risk,
             Spec::real()->greater_than(0)->max(100)->def(1.0)->unit("ratio")->doc(
                 "outpatient visit rate relative to other bands (normalised to the mean rate)"));
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

const config::Choices<LosDistribution>& los_distributions() {
  static const config::Choices<LosDistribution> c{{"gamma", LosDistribution::Gamma},
                                                  {"lognormal", LosDistribution::Lognormal},
                                                  {"exponential", LosDistribution::Exponential}};
  return c;
}

const config::Choices<WhenFull>& when_full_choices() {
  static const config::Choices<WhenFull> c{{"queue", WhenFull::Queue}, {"divert", WhenFull::Divert}};
  return c;
}

const config::Choices<ContributionShortfall>& shortfall_choices() {
  static const config::Choices<ContributionShortfall> c{{"continue", ContributionShortfall::Continue},
                                                        {"lump_sum", ContributionShortfall::LumpSum}};
  return c;
}

Binding<DemographyConfig> demography_binding() {
  return Binding<DemographyConfig>("DemographyConfig")
      .field("life_table", &DemographyConfig::life_table_file,
             Spec::path()->optional()->doc("life table CSV (age, male_qx, female_qx); demography is on when set"))
      .member("life_table_file")
      .field("births_per_1000", &DemographyConfig::births_per_1000,
             Spec::real()
                 ->range(0, 100)
                 ->def(0.0)
                 ->unit("1/1000/year")
                 ->doc("births into the resident scheme per 1,000 insured per year"))
      .field("in_migrants_per_1000", &DemographyConfig::in_migrants_per_1000,
             Spec::real()
                 ->range(0, 200)
                 ->def(0.0)
                 ->unit("1/1000/year")
                 ->doc("people who move in and join per 1,000 insured per year"))
      .field("out_migration_rate", &DemographyConfig::out_migration_rate,
             Spec::real()->range(0, 0.5)->def(0.0)->unit("1/year")->doc(
                 "yearly probability that a person of migrant age moves out of the region (and leaves the fund)"))
      .field("migrant_min_age", &DemographyConfig::migrant_min_age,
             Spec::integer()->range(0, 120)->def(18)->unit("years")->doc("youngest age of in- and out-migrants"))
      .field("migrant_max_age", &DemographyConfig::migrant_max_age,
             Spec::integer()->range(0, 120)->def(44)->unit("years")->doc("oldest age of in- and out-migrants"))
      .field("migrant_employee_share", &DemographyConfig::migrant_employee_share,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.5)
                 ->unit("fraction")
                 ->doc("share of in-migrants who join the employee scheme"))
      .field("employee_entry_rate", &DemographyConfig::employee_entry_rate,
             Spec::real()->range(0, 1)->def(0.0)->unit("1/year")->doc(
                 "yearly probability that a working-age resident takes a job and joins the employee scheme"))
      .field("employee_exit_rate", &DemographyConfig::employee_exit_rate,
             Spec::real()->range(0, 1)->def(0.0)->unit("1/year")->doc(
                 "yearly probability that a working-age employee leaves work for the resident scheme"));
}

}  // namespace

Binding<PopulationConfig> population_binding() {
  return Binding<PopulationConfig>("PopulationConfig")
      .field("insured", &PopulationConfig::insured,
             Spec::integer()
                 ->range(1, 100'000'000)
                 ->def(std::int64_t{200'000})
                 ->unit("persons")
                 ->doc("number of insured persons"))
      .field("employee_share", &PopulationConfig::employee_share,
             Spec::real()->range(0, 1)->def(0.35)->unit("fraction")->doc("share of the insured in the employee scheme"))
      .field("female_share", &PopulationConfig::female_share,
             Spec::real()->range(0, 1)->def(0.5)->unit("fraction")->doc("share of women"))
      .field("regions", &PopulationConfig::regions,
             Spec::integer()->range(1, 255)->def(3)->unit("count")->doc(
                 "number of regions (districts/counties); people and hospitals live in one"))
      .list("age_bands", &PopulationConfig::age_bands, age_band_binding(),
            [](SpecPtr s) {
              return s->min_items(1)
                  ->def_node(default_age_bands())
                  ->doc("age structure and illness risks; shares must sum to 1");
            })
      .field("retirement_age_male", &PopulationConfig::retirement_age_male,
             Spec::integer()->range(40, 80)->def(60)->unit("years")->doc("employees from this age are retired"))
      .field("retirement_age_female", &PopulationConfig::retirement_age_female,
             Spec::integer()->range(40, 80)->def(55)->unit("years")->doc("employees from this age are retired"))
      .field("required_contribution_years_male", &PopulationConfig::required_contribution_years_male,
             Spec::integer()->range(0, 60)->def(30)->unit("years")->doc(
                 "contribution years a retiring man needs to stop contributing (actual + deemed)"))
      .field("required_contribution_years_female", &PopulationConfig::required_contribution_years_female,
             Spec::integer()->range(0, 60)->def(25)->unit("years")->doc(
                 "contribution years a retiring woman needs to stop contributing (actual + deemed)"))
      .field("career_start_age", &PopulationConfig::career_start_age,
             Spec::integer()->range(14, 40)->def(22)->unit("years")->doc(
                 "age from which employees' contribution years count"))
      .field("contribution_density", &PopulationConfig::contribution_density,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.85)
                 ->unit("fraction")
                 ->doc("mean share of the years since career start an employee has contributed (each person's share is "
                       "uniform around it)"))
      .field("contribution_shortfall", &PopulationConfig::contribution_shortfall,
             shortfall_choices()
                 .spec()
                 ->def("continue")
                 ->doc("retiring without the required years: keep contributing until they are reached, or pay the "
                       "shortfall at once"),
             shortfall_choices())
      .field("demography", &PopulationConfig::demography, demography_binding(), [](SpecPtr s) {
        return s->doc("births, deaths, migration and scheme changes (off without a life table)");
      });
}

Binding<WageConfig> wage_binding() {
  return Binding<WageConfig>("WageConfig")
      .field("average_monthly_wage_yuan", &WageConfig::average_monthly_wage_yuan,
             Spec::real()->greater_than(0)->def(8333.0)->unit("yuan/month")->doc("mean monthly wage of employees"))
      .field("wage_sigma", &WageConfig::wage_sigma,
             Spec::real()->range(0, 3)->def(0.5)->unit("log-sd")->doc("lognormal dispersion of individual wages"))
      .field("provincial_average_monthly_wage_yuan", &WageConfig::provincial_average_monthly_wage_yuan,
             Spec::real()
                 ->greater_than(0)
                 ->def(8333.0)
                 ->unit("yuan/month")
                 ->doc("provincial average wage that anchors the contribution base clamp"));
}

Binding<DemandConfig> demand_binding() {
  return Binding<DemandConfig>("DemandConfig")
      .field("admissions_per_person_year", &DemandConfig::admissions_per_person_year,
             per_scheme(Spec::real()->range(0, 10)->def(0.177)->unit("1/year")->doc(
                            "mean hospitalisation rate of employee-scheme members"),
                        Spec::real()->range(0, 10)->def(0.152)->unit("1/year")->doc(
                            "mean hospitalisation rate of resident-scheme members")))
      .field("admissions_per_day", &DemandConfig::admissions_per_day,
             Spec::real()->min(0)->max(1e7)->optional()->unit("1/day")->doc(
                 "fixed city-wide admission rate (Poisson); replaces the total of the per-person rates, people are "
                 "still chosen by relative risk (validation worlds such as M/M/c)"))
      .field("chronic_admission_relative_risk", &DemandConfig::chronic_admission_relative_risk,
             Spec::real()->greater_than(0)->max(100)->def(2.0)->unit("ratio")->doc(
                 "admission rate multiplier for people with a chronic condition"))
      .field("outpatient_enabled", &DemandConfig::outpatient_enabled,
             Spec::boolean()->def(true)->doc("simulate outpatient visits"))
      .field("outpatient_visits_per_person_year", &DemandConfig::outpatient_visits_per_person_year,
             Spec::real()->range(0, 100)->def(6.0)->unit("1/year")->doc("mean outpatient visits per person"))
      .field("chronic_outpatient_relative_risk", &DemandConfig::chronic_outpatient_relative_risk,
             Spec::real()->greater_than(0)->max(100)->def(1.8)->unit("ratio")->doc(
                 "outpatient rate multiplier for people with a chronic condition"))
      .field("outpatient_cost_mean_yuan", &DemandConfig::outpatient_cost_mean_yuan,
             Spec::real()->greater_than(0)->def(180.0)->unit("yuan")->doc("mean cost of an outpatient visit"))
      .field("outpatient_cost_cv", &DemandConfig::outpatient_cost_cv,
             Spec::real()->range(0, 10)->def(0.8)->unit("ratio")->doc("coefficient of variation of visit cost"));
}

Binding<CaseMixConfig> case_mix_binding() {
  return Binding<CaseMixConfig>("CaseMixConfig")
      .field("los_distribution", &CaseMixConfig::los_distribution,
             los_distributions().spec()->def("gamma")->doc(
                 "distribution of LOS around the group mean (gamma with cv 1 = exponential)"),
             los_distributions())
      .field("los_linked_cost_share", &CaseMixConfig::los_linked_cost_share,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.5)
                 ->unit("fraction")
                 ->doc("share of a case's cost that scales with its LOS relative to the group mean"));
}

Binding<HospitalConfig> hospital_binding() {
  return Binding<HospitalConfig>("HospitalConfig")
      .field("name", &HospitalConfig::name, Spec::string()->doc("unique hospital name"))
      .field("tier", &HospitalConfig::tier, Spec::integer()->range(1, 3)->doc("hospital level 1–3 (一级/二级/三级)"))
      .field("region", &HospitalConfig::region,
             Spec::integer()->range(0, 254)->def(0)->doc("region index (0-based, < population.regions)"))
      .field("beds", &HospitalConfig::beds,
             Spec::integer()->range(1, 100'000)->unit("beds")->doc("staffed inpatient beds"))
      .field("doctors", &HospitalConfig::doctors,
             Spec::integer()->range(1, 100'000)->def(20)->unit("doctors")->doc("insurance doctors"))
      .field("quality", &HospitalConfig::quality,
             Spec::real()->range(0, 1)->def(0.5)->doc("perceived quality used in provider choice"))
      .field(
          "cost_index", &HospitalConfig::cost_index,
          Spec::real()->greater_than(0)->max(10)->def(1.0)->unit("ratio")->doc("multiplies the catalogue's mean cost"))
      .field(
          "los_index", &HospitalConfig::los_index,
          Spec::real()->greater_than(0)->max(10)->def(1.0)->unit("ratio")->doc("multiplies the catalogue's mean LOS"))
      .field("cost_to_charge_ratio", &HospitalConfig::cost_to_charge_ratio,
             Spec::real()->greater_than(0)->max(3)->def(0.92)->unit("ratio")->doc("true cost ÷ itemised bill"))
      .field("when_full", &HospitalConfig::when_full,
             when_full_choices().spec()->def("queue")->doc(
                 "when all beds are taken: wait for a bed, or send the patient to another hospital"),
             when_full_choices());
}

Binding<CapacityConfig> capacity_binding() {
  static const config::Choices<BedRule> rules{
      {"fixed", BedRule::Fixed}, {"planned", BedRule::Planned}, {"occupancy", BedRule::Occupancy}};
  return Binding<CapacityConfig>("CapacityConfig")
      .field("rule", &CapacityConfig::rule,
             rules.spec()->def("fixed")->doc("fixed beds; planned growth each year; or expansion after a year whose "
                                             "occupancy exceeded the threshold"),
             rules)
      .field("planned_growth", &CapacityConfig::planned_growth,
             Spec::real()
                 ->range(-0.5, 1)
                 ->def(0.0)
                 ->unit("fraction/year")
                 ->doc("planned: yearly growth of every hospital's beds"))
      .field("occupancy_threshold", &CapacityConfig::occupancy_threshold,
             Spec::real()
                 ->greater_than(0)
                 ->max(1)
                 ->def(0.9)
                 ->unit("fraction")
                 ->doc("occupancy: a year's bed occupancy above which the hospital adds beds"))
      .field("expansion_share", &CapacityConfig::expansion_share,
             Spec::real()
                 ->greater_than(0)
                 ->max(1)
                 ->def(0.1)
                 ->unit("fraction")
                 ->doc("occupancy: beds added, as a share of the hospital's beds at the decision"))
      .field("lag_years", &CapacityConfig::lag_years,
             Spec::integer()->range(1, 10)->def(1)->unit("years")->doc(
                 "occupancy: years from the end of the year that triggered the expansion to the January the beds "
                 "open (1 = the next January)"))
      .field("max_beds_ratio", &CapacityConfig::max_beds_ratio,
             Spec::real()->range(1, 10)->def(2.0)->unit("ratio")->doc(
                 "beds never exceed this multiple of the scenario's beds"))
      .field("max_wait_days", &CapacityConfig::max_wait_days,
             Spec::real()->greater_than(0)->max(3650)->optional()->unit("days")->doc(
                 "longest wait for a bed before the patient leaves the queue (none: patients wait however long it "
                 "takes)"))
      .field("leave_to_other_hospital", &CapacityConfig::leave_to_other_hospital,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.5)
                 ->unit("fraction")
                 ->doc("share of those who leave the queue who go to another hospital with a free bed (else out of the "
                       "region)"))
      .field("leave_out_of_region", &CapacityConfig::leave_out_of_region,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.3)
                 ->unit("fraction")
                 ->doc("share of those who leave who are treated outside the region, paid by the fund"))
      .field("leave_untreated", &CapacityConfig::leave_untreated,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.2)
                 ->unit("fraction")
                 ->doc("share of those who leave who go untreated (unmet need)"))
      .field("out_of_region_cost_index", &CapacityConfig::out_of_region_cost_index,
             Spec::real()->greater_than(0)->max(10)->def(1.3)->unit("ratio")->doc(
                 "bill of a case treated outside the region, relative to the catalogue mean"))
      .field("out_of_region_ratio_reduction", &CapacityConfig::out_of_region_ratio_reduction,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.1)
                 ->unit("fraction")
                 ->doc("reimbursement ratio points the fund pays less for care outside the region than at a home "
                       "tertiary hospital"))
      .field("distress_margin", &CapacityConfig::distress_margin,
             Spec::real()
                 ->range(-1, 1)
                 ->def(-0.05)
                 ->unit("fraction")
                 ->doc("a hospital-year with margin (revenue − cost) ÷ cost below this is in deficit"))
      .field("distress_years", &CapacityConfig::distress_years,
             Spec::integer()->range(1, 100)->def(2)->unit("years")->doc(
                 "consecutive deficit years after which a hospital is reported as distressed"));
}

Binding<ProviderChoiceConfig> provider_choice_binding() {
  return Binding<ProviderChoiceConfig>("ProviderChoiceConfig")
      .field("tier_preference", &ProviderChoiceConfig::tier_preference,
             per_tier(Spec::real()->range(-50, 50), {"-0.5", "0.0", "0.5"}, "utility constant of each tier", "utility"))
      .field("quality_weight", &ProviderChoiceConfig::quality_weight,
             Spec::real()->range(-50, 50)->def(2.0)->unit("utility")->doc("utility of quality 1 relative to 0"))
      .field("oop_per_1000_yuan", &ProviderChoiceConfig::oop_per_1000_yuan,
             Spec::real()
                 ->range(-50, 0)
                 ->def(-0.15)
                 ->unit("utility/1000 yuan")
                 ->doc("utility per 1,000 yuan of expected out-of-pocket cost"))
      .field("other_region_penalty", &ProviderChoiceConfig::other_region_penalty,
             Spec::real()->range(-50, 0)->def(-1.5)->unit("utility")->doc(
                 "utility of a hospital outside the patient's region"))
      .field("severity_tertiary_weight", &ProviderChoiceConfig::severity_tertiary_weight,
             Spec::real()
                 ->range(-50, 50)
                 ->def(0.5)
                 ->unit("utility/weight")
                 ->doc("extra tertiary utility per unit of case weight"));
}

}  // namespace reformsim::agents
