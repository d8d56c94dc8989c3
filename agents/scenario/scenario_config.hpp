#pragma once
// The validated, immutable description of one scenario: plain structs that mirror the YAML tree, filled by the
// bindings of the declarations (city_declarations.cpp, fund_declarations.cpp and each component's own); a
// field's doc comment is its declaration's one-line description (checked by tests/agents/config_docs_test.cpp).
// Nothing here is mutated during a run; a World is built from it.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agents/behaviour/behaviour_config.hpp"
#include "agents/primary_care/primary_care_config.hpp"
#include "agents/procurement/procurement_config.hpp"
#include "agents/scenario/case_catalogue.hpp"
#include "agents/scenario/life_table.hpp"
#include "agents/scenario/payment_config.hpp"
#include "agents/supervision/supervision_config.hpp"

namespace reformsim::agents {

/// Insurance schemes (职工医保 employee, 城乡居民医保 resident).
enum class Scheme : std::uint8_t { Employee = 0, Resident = 1 };
inline constexpr int kSchemeCount = 2;
/// Hospital tiers 1–3 (一级/二级/三级), stored 0-based as index tier-1.
inline constexpr int kTierCount = 3;
using PerTier = std::array<double, kTierCount>;

/// One value for each scheme.
template <class T>
struct PerScheme {
  T employee{};
  T resident{};
  const T& operator[](Scheme s) const { return s == Scheme::Employee ? employee : resident; }
  T& operator[](Scheme s) { return s == Scheme::Employee ? employee : resident; }
};

/// One age band of the synthetic population with its illness risks.
struct AgeBand {
  int from_age;                     ///< first age of the band
  int to_age;                       ///< last age of the band (inclusive)
  double share;                     ///< share of the insured population
  double chronic_prevalence;        ///< probability of a chronic condition
  double admission_relative_risk;   ///< admission rate relative to other bands (normalised to the scheme's mean rate)
  double outpatient_relative_risk;  ///< outpatient visit rate relative to other bands (normalised to the mean rate)
};

/// What a retiring employee without the required contribution years does (补缴 rules).
enum class ContributionShortfall : std::uint8_t { Continue, LumpSum };

/// Births, deaths, migration and scheme changes, applied to everyone once a year on 1 January from year 2.
struct DemographyConfig {
  /// life table CSV (age, male_qx, female_qx); demography is on when set
  std::optional<std::string> life_table_file;
  std::shared_ptr<const LifeTable> life_table;  ///< loaded from life_table_file
  double births_per_1000;                       ///< births into the resident scheme per 1,000 insured per year
  double in_migrants_per_1000;                  ///< people who move in and join per 1,000 insured per year
  /// yearly probability that a person of migrant age moves out of the region (and leaves the fund)
  double out_migration_rate;
  int migrant_min_age;            ///< youngest age of in- and out-migrants
  int migrant_max_age;            ///< oldest age of in- and out-migrants
  double migrant_employee_share;  ///< share of in-migrants who join the employee scheme
  /// yearly probability that a working-age resident takes a job and joins the employee scheme
  double employee_entry_rate;
  /// yearly probability that a working-age employee leaves work for the resident scheme
  double employee_exit_rate;
  bool active() const { return life_table != nullptr; }
};

struct PopulationConfig {
  std::int64_t insured;            ///< number of insured persons
  double employee_share;           ///< share of the insured in the employee scheme
  double female_share;             ///< share of women
  int regions;                     ///< number of regions (districts/counties); people and hospitals live in one
  std::vector<AgeBand> age_bands;  ///< age structure and illness risks; shares must sum to 1
  int retirement_age_male;         ///< employees from this age are retired
  int retirement_age_female;       ///< employees from this age are retired
  /// contribution years a retiring man needs to stop contributing (actual + deemed)
  int required_contribution_years_male;
  /// contribution years a retiring woman needs to stop contributing (actual + deemed)
  int required_contribution_years_female;
  int career_start_age;  ///< age from which employees' contribution years count
  /// mean share of the years since career start an employee has contributed (each person's share is uniform
  /// around it)
  double contribution_density;
  /// retiring without the required years: keep contributing until they are reached, or pay the shortfall at once
  ContributionShortfall contribution_shortfall;
  DemographyConfig demography;  ///< births, deaths, migration and scheme changes (off without a life table)
};

struct WageConfig {
  double average_monthly_wage_yuan;             ///< mean monthly wage of employees
  double wage_sigma;                            ///< lognormal dispersion of individual wages
  double provincial_average_monthly_wage_yuan;  ///< provincial average wage that anchors the contribution base clamp
};

struct DemandConfig {
  PerScheme<double> admissions_per_person_year;  ///< mean hospitalisation rate of each scheme's members
  /// fixed city-wide admission rate (Poisson); replaces the total of the per-person rates, people are still chosen
  /// by relative risk (validation worlds such as M/M/c)
  std::optional<double> admissions_per_day;
  double chronic_admission_relative_risk;    ///< admission rate multiplier for people with a chronic condition
  bool outpatient_enabled;                   ///< simulate outpatient visits
  double outpatient_visits_per_person_year;  ///< mean outpatient visits per person
  double chronic_outpatient_relative_risk;   ///< outpatient rate multiplier for people with a chronic condition
  double outpatient_cost_mean_yuan;          ///< mean cost of an outpatient visit
  double outpatient_cost_cv;                 ///< coefficient of variation of visit cost
};

/// Shape of LOS around the group mean: gamma or lognormal with the group's cv, or exponential (cv 1, M/M/c worlds).
enum class LosDistribution : std::uint8_t { Gamma, Lognormal, Exponential };

struct CaseMixConfig {
  /// distribution of LOS around the group mean (gamma with cv 1 = exponential)
  LosDistribution los_distribution;
  /// share of a case's cost that scales with its LOS relative to the group mean
  double los_linked_cost_share;
};

enum class WhenFull : std::uint8_t { Queue, Divert };

struct HospitalConfig {
  std::string name;             ///< unique hospital name
  int tier;                     ///< hospital level 1–3 (一级/二级/三级)
  int region;                   ///< region index (0-based, < population.regions)
  int beds;                     ///< staffed inpatient beds
  int doctors;                  ///< insurance doctors
  double quality;               ///< perceived quality used in provider choice
  double cost_index;            ///< multiplies the catalogue's mean cost
  double los_index;             ///< multiplies the catalogue's mean LOS
  double cost_to_charge_ratio;  ///< true cost ÷ itemised bill
  /// when all beds are taken: wait for a bed, or send the patient to another hospital
  WhenFull when_full;
};

/// How a hospital's beds change over the years.
enum class BedRule : std::uint8_t { Fixed, Planned, Occupancy };

/// Beds, the limit of a wait for one, where those who stop waiting go, and when a hospital counts as distressed.
struct CapacityConfig {
  /// fixed beds; planned growth each year; or expansion after a year whose occupancy exceeded the threshold
  BedRule rule;
  double planned_growth;       ///< planned: yearly growth of every hospital's beds
  double occupancy_threshold;  ///< occupancy: a year's bed occupancy above which the hospital adds beds
  double expansion_share;      ///< occupancy: beds added, as a share of the hospital's beds at the decision
  /// occupancy: years from the end of the year that triggered the expansion to the January the beds open (1 = the
  /// next January)
  int lag_years;
  double max_beds_ratio;  ///< beds never exceed this multiple of the scenario's beds
  /// longest wait for a bed before the patient leaves the queue (none: patients wait however long it takes)
  std::optional<double> max_wait_days;
  /// share of those who leave the queue who go to another hospital with a free bed (else out of the region)
  double leave_to_other_hospital;
  double leave_out_of_region;       ///< share of those who leave who are treated outside the region, paid by the fund
  double leave_untreated;           ///< share of those who leave who go untreated (unmet need)
  double out_of_region_cost_index;  ///< bill of a case treated outside the region, relative to the catalogue mean
  /// reimbursement ratio points the fund pays less for care outside the region than at a home tertiary hospital
  double out_of_region_ratio_reduction;
  double distress_margin;  ///< a hospital-year with margin (revenue − cost) ÷ cost below this is in deficit
  int distress_years;      ///< consecutive deficit years after which a hospital is reported as distressed
};

struct ProviderChoiceConfig {
  PerTier tier_preference;          ///< utility constant of each tier (tiers 1, 2, 3)
  double quality_weight;            ///< utility of quality 1 relative to 0
  double oop_per_1000_yuan;         ///< utility per 1,000 yuan of expected out-of-pocket cost
  double other_region_penalty;      ///< utility of a hospital outside the patient's region
  double severity_tertiary_weight;  ///< extra tertiary utility per unit of case weight
};

/// Inpatient benefit of one scheme.
struct InpatientBenefit {
  PerTier deductible_yuan;  ///< deductible (起付线) per person and year (tiers 1, 2, 3)
  /// share of eligible cost above the deductible paid by the fund (tiers 1, 2, 3)
  PerTier reimbursement_ratio;
  double annual_cap_yuan;  ///< most the fund pays for one person's inpatient care in a year (封顶线)
};

struct BenefitConfig {
  InpatientBenefit employee;
  InpatientBenefit resident;
  double self_pay_share;               ///< share of the bill outside the policy scope (self-pay items)
  double class_b_share;                ///< share of the bill that is class-B (乙类) items
  double class_b_payfirst_rate;        ///< individual pay-first rate on class-B items
  PerScheme<double> outpatient_ratio;  ///< share of an outpatient visit's cost paid by the fund, by scheme
  /// The inpatient benefit of `scheme`.
  const InpatientBenefit& inpatient(Scheme scheme) const { return scheme == Scheme::Employee ? employee : resident; }
};

/// Pooling level (统筹层次).
enum class PoolingLevel : std::uint8_t { City, County, Province };

struct PoolingConfig {
  /// 统筹层次: one city pool, a pool per region (county), or region pools with a provincial adjustment fund
  PoolingLevel level;
  /// province: share of each region's previous-year contributions paid into the adjustment fund each January (at
  /// most 5%)
  double adjustment_fund_share;
  double adjustment_cover_share;  ///< province: share of a region's annual deficit the adjustment fund covers
};

struct FundConfig {
  double initial_balance_per_insured_yuan;  ///< pooled-fund balance at the start, per insured
  double employer_rate;                     ///< employer contribution rate on the wage base
  double individual_rate;                   ///< individual contribution rate on the wage base
  double base_floor_ratio;                  ///< wage base lower clamp, as a multiple of the provincial average wage
  double base_ceiling_ratio;                ///< wage base upper clamp, as a multiple of the provincial average wage
  /// share of employee contributions credited to the pooled fund (the rest goes to personal accounts)
  double employee_pooled_share;
  double resident_premium_yuan;  ///< resident individual premium, collected each January
  double resident_subsidy_yuan;  ///< government subsidy per resident, collected each January
  double wage_growth;            ///< yearly growth of wages and so of employee contribution bases, from year 2
  double premium_growth;         ///< yearly growth of the resident premium and subsidy, from year 2
  PoolingConfig pooling;
  int reserve_window_months;  ///< months of expenditure averaged for months of reserve
};

/// Stress-test shocks, applied from 1 January of `from_year` (1 = first simulated year).
enum class ShockType : std::uint8_t {
  AdmissionSurge,
  AgeingDrift,
  UtilisationTrend,
  WageGrowth,
  EmployerRate,
  NewTechnology
};

struct Shock {
  ShockType type;              ///< what changes
  int from_year;               ///< simulated year (1 = first) from whose 1 January it applies
  std::optional<int> to_year;  ///< admission_surge: last year of the surge (default: to the horizon)
  /// admission_surge: admission-rate multiplier; new_technology: cost multiplier of the group
  std::optional<double> factor;
  /// ageing_drift, utilisation_trend: yearly growth of admission rates; wage_growth: the new wage growth
  std::optional<double> annual_growth;
  std::optional<double> employer_rate;  ///< employer_rate: the new employer contribution rate (a cut or a rise)
  std::optional<std::string> group;     ///< new_technology: the case-catalogue group whose cost rises
  std::size_t group_id = 0;             ///< resolved from `group`
};

/// How the consumption indices are measured.
struct IndexConfig {
  /// reported year (1 = first) whose city-wide group means are the reference of the time and cost consumption
  /// indices of every year; 0: each year's own city-wide means (the city-wide index is then 1 by construction)
  int reference_year;
};

/// A whole validated scenario.
struct ScenarioConfig {
  int schema_version;  ///< scenario format version
  std::string name;    ///< a short name for reports
  int start_year;      ///< calendar year of simulated day 0 (1 January)
  int horizon_years;   ///< simulated years
  /// years simulated before start_year and not reported, so that year 1 starts in steady state: beds occupied,
  /// queues, strategies and intensities as year 1's rules leave them. Each repeats year 1's rules and levels
  /// (volume-based procurement starts with year 1); the fund reopens at its initial balance. 0: start with empty
  /// hospitals
  int warmup_years;
  std::string catalogue_file;                      ///< case catalogue CSV (relative to the file that names it)
  std::string source_file;                         ///< the scenario file (for messages)
  std::shared_ptr<const CaseCatalogue> catalogue;  ///< loaded from catalogue_file
  PopulationConfig population;
  WageConfig wages;
  DemandConfig demand;
  CaseMixConfig case_mix;
  std::vector<HospitalConfig> hospitals;  ///< the hospitals of the city
  /// beds over the years, waits and where patients go after the longest wait, distressed hospitals
  CapacityConfig capacity;
  ProviderChoiceConfig provider_choice;
  BenefitConfig benefits;
  FundConfig fund;
  PaymentConfig payment;
  /// timed stress-test shocks: ageing, epidemics, wage slowdown, contribution cuts, new technology
  std::vector<Shock> shocks;
  BehaviourConfig behaviour;      ///< hospitals' and doctors' responses to the payment rules (gaming)
  SupervisionConfig supervision;  ///< detectors, audits and penalties
  /// the drug table: molecules, their products and their use per case and visit
  std::vector<DrugConfig> drugs;
  ProcurementConfig procurement;          ///< volume-based procurement cycles (集中带量采购)
  NetworkConfig network;                  ///< the referral network: village clinics, roads between hospitals, referrals
  FamilyDoctorConfig family_doctors;      ///< family-doctor contracting (家庭医生签约) and gatekeeping
  std::vector<AllianceConfig> alliances;  ///< county alliances (县域医共体) paid a per-capita global budget
  IndexConfig indices;                    ///< the reference of the time and cost consumption indices
  int months() const { return horizon_years * 12; }
};

}  // namespace reformsim::agents
