#pragma once
// The validated, immutable description of one scenario: plain structs filled from the YAML declarations in
// scenario_schema.cpp. Nothing here is mutated during a run; a World is built from it.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agents/scenario/behaviour_config.hpp"
#include "agents/scenario/case_catalogue.hpp"
#include "agents/scenario/dip_catalogue.hpp"
#include "agents/scenario/primary_care_config.hpp"
#include "agents/scenario/procurement_config.hpp"

namespace reformsim::agents {

/// Insurance schemes (职工医保 employee, 城乡居民医保 resident).
enum class Scheme : std::uint8_t { Employee = 0, Resident = 1 };
inline constexpr int kSchemeCount = 2;
/// Hospital tiers 1–3 (一级/二级/三级), stored 0-based as index tier-1.
inline constexpr int kTierCount = 3;
using PerTier = std::array<double, kTierCount>;

/// Provider payment methods; each is a PaymentRule registered in payment_registry.cpp.
enum class PaymentMethod : std::uint8_t { FeeForService = 0, Drg = 1, Dip = 2 };
const char* payment_method_name(PaymentMethod m);

/// One age band of the synthetic population with its illness risks.
struct AgeBand {
  int from_age = 0;                     ///< first age in the band (years)
  int to_age = 0;                       ///< last age in the band (years, inclusive)
  double share = 0;                     ///< share of the insured population
  double chronic_prevalence = 0;        ///< probability of at least one chronic condition
  double admission_relative_risk = 1;   ///< admission rate relative to the scheme's average, before normalisation
  double outpatient_relative_risk = 1;  ///< outpatient visit rate relative, before normalisation
};

struct PopulationConfig {
  std::int64_t insured = 0;
  double employee_share = 0;
  double female_share = 0;
  int regions = 1;
  std::vector<AgeBand> age_bands;
  int retirement_age_male = 60;
  int retirement_age_female = 55;
  double retiree_exempt_share = 0;  ///< retired employees with enough contribution years (pay nothing)
};

struct WageConfig {
  double average_monthly_wage_yuan = 0;
  double wage_sigma = 0;  ///< lognormal sigma of individual wages
  double provincial_average_monthly_wage_yuan = 0;
};

struct DemandConfig {
  std::array<double, kSchemeCount> admissions_per_person_year{};  ///< population mean, by scheme
  std::optional<double> admissions_per_day;  ///< fixed city-wide admission rate replacing the per-person total
  double chronic_admission_relative_risk = 1;
  bool outpatient_enabled = true;
  double outpatient_visits_per_person_year = 0;
  double chronic_outpatient_relative_risk = 1;
  double outpatient_cost_mean_yuan = 0;
  double outpatient_cost_cv = 0;
};

/// Shape of LOS around the group mean: gamma or lognormal with the group's cv, or exponential (cv 1, M/M/c worlds).
enum class LosDistribution : std::uint8_t { Gamma, Lognormal, Exponential };

struct CaseMixConfig {
  LosDistribution los_distribution = LosDistribution::Gamma;
  double los_linked_cost_share = 0;  ///< share of a case's cost that scales with its LOS
};

enum class WhenFull : std::uint8_t { Queue, Divert };

struct HospitalConfig {
  std::string name;
  int tier = 1;  ///< 1..3
  int region = 0;
  int beds = 1;
  int doctors = 1;
  double quality = 0;               ///< 0..1, perceived quality in provider choice
  double cost_index = 1;            ///< multiplies the catalogue's mean cost
  double los_index = 1;             ///< multiplies the catalogue's mean LOS
  double cost_to_charge_ratio = 1;  ///< true cost ÷ itemised bill
  WhenFull when_full = WhenFull::Queue;
};

struct ProviderChoiceConfig {
  PerTier tier_preference{};            ///< utility constant per tier
  double quality_weight = 0;            ///< utility per unit of quality
  double oop_per_1000_yuan = 0;         ///< utility per 1,000 yuan of expected out-of-pocket cost (≤ 0)
  double other_region_penalty = 0;      ///< utility of a hospital outside the patient's region (≤ 0)
  double severity_tertiary_weight = 0;  ///< extra tertiary utility per unit of case weight
};

/// Inpatient benefit of one scheme (DOMAIN.md §2).
struct InpatientBenefit {
  PerTier deductible_yuan{};      ///< 起付线 per admission year, by tier
  PerTier reimbursement_ratio{};  ///< share of eligible cost above the deductible
  double annual_cap_yuan = 0;     ///< 封顶线: fund pays at most this per person per year
};

struct BenefitConfig {
  std::array<InpatientBenefit, kSchemeCount> inpatient{};
  double self_pay_share = 0;         ///< share of the bill outside the policy scope
  double class_b_share = 0;          ///< share of the bill that is class-B items
  double class_b_payfirst_rate = 0;  ///< individual pay-first rate on class-B items
  std::array<double, kSchemeCount> outpatient_ratio{};
};

struct FundConfig {
  double initial_balance_per_insured_yuan = 0;
  double employer_rate = 0;
  double individual_rate = 0;
  double base_floor_ratio = 0;  ///< wage base clamp: lower bound as a multiple of the provincial wage
  double base_ceiling_ratio = 0;
  double employee_pooled_share = 1;  ///< share of employee contributions credited to the pooled fund
  double resident_premium_yuan = 0;
  double resident_subsidy_yuan = 0;
  int reserve_window_months = 12;
  /// Pooling level (统筹层次): `city` one pool; `county` each region its own pool; `province` region pools plus an
  /// adjustment fund fed each January by a share of last year's contributions that covers part of a region's
  /// annual deficit at year end.
  enum class Pooling : std::uint8_t { City, County, Province } pooling = Pooling::City;
  double adjustment_fund_share = 0;   ///< ≤ 5% of the previous year's contributions
  double adjustment_cover_share = 0;  ///< share of a region's annual deficit the adjustment fund covers
  double wage_growth = 0;             ///< yearly growth of wages (so of employee contribution bases), from year 2
  double premium_growth = 0;          ///< yearly growth of the resident premium and subsidy, from year 2
};

/// Stress-test shocks (DOMAIN.md §4), applied from 1 January of `from_year` (1 = first simulated year).
enum class ShockType : std::uint8_t { AdmissionSurge, AgeingDrift, WageGrowth, EmployerRate, NewTechnology };

struct Shock {
  ShockType type = ShockType::AdmissionSurge;
  int from_year = 1;
  int to_year = 0;           ///< last year of a surge (inclusive); 0 = until the horizon
  double factor = 1;         ///< admission surge: rate multiplier; new technology: cost multiplier of the group
  double annual_growth = 0;  ///< ageing drift: yearly growth of admission rates; wage growth: the new growth rate
  double employer_rate = 0;  ///< employer rate: the new rate
  std::size_t group = 0;     ///< new technology: case-catalogue group
};

/// One weight band of the DRG high-multiple rule: cases of groups with weight ≤ max_weight use this factor.
struct HighMultipleBand {
  double max_weight = 0;  ///< +infinity for the last band
  double factor = 0;
};

struct DrgConfig {
  double base_rate_yuan = 0;
  PerTier tier_coefficient{};
  double basic_group_coefficient = 1;  ///< 同病同价: basic groups use this instead of the tier coefficient
  std::vector<HighMultipleBand> high_multiple_bands;
  double high_multiple_excess_share = 1;  ///< settlement = standard + share × (cost − standard)
  double low_multiple_factor = 0;
  double qy_ratio = 0;
  double long_stay_days = 0;
  /// New technologies (新技术): from `from_year`, cases of `group` are paid by items — or with an add-on of
  /// min(add_on_share × (cost − standard), add_on_share × device price) — for `years` years; then the group's weight
  /// is recalibrated to its new cost level (the new_technology shock's cost factor).
  struct NewTechnology {
    std::size_t group = 0;
    int from_year = 1;
    int years = 1;
    bool add_on = false;
    double add_on_share = 0.65;
    double device_price_yuan = 0;
  };
  std::vector<NewTechnology> new_technologies;
  std::optional<double> special_case_multiple;  ///< 特例单议: cases above this × standard may be paid by items
  int special_case_quota = 0;                   ///< special cases per hospital and year
};

/// DIP (按病种分值付费, DOMAIN.md §3.3): points per case, a provisional point value paid monthly, and year-end
/// clearing at (budget − reserve) ÷ Σ points when an annual budget is set.
struct DipConfig {
  std::shared_ptr<const DipCatalogue> catalogue;  ///< null unless DIP is used
  double provisional_point_value_yuan = 0;
  std::optional<double> annual_budget_yuan;  ///< total DIP settlement of a year; none = no clearing
  double reserve_share = 0;                  ///< share of the budget held back from the point value, [0, 1)
  PerTier tier_coefficient{};
  double basic_group_coefficient = 1;
  double low_deviation_ratio = 0;   ///< cost ÷ group mean below this: points re-scored by the ratio
  double high_deviation_ratio = 0;  ///< cost ÷ group mean above this: points re-scored by the ratio
};

/// A timed policy switch: from 1 January of `year` (1 = first simulated year) the method changes.
struct PaymentSwitch {
  int year = 1;
  PaymentMethod method = PaymentMethod::FeeForService;
};

/// One band of a retention or sharing schedule over a ratio to the budget: the part of the ratio between `from`
/// and `to` counts with `share`.
struct ShareBand {
  double from = 0;
  double to = 0;  ///< +infinity for an open last band
  double share = 0;
};

enum class BudgetMode : std::uint8_t { None, GrowthCap, Fixed };

/// Regional global budget (总额预算) with surplus retention and overspend sharing (结余留用、超支分担), DOMAIN.md §3.4.
/// It governs the fund's inpatient payments in FFS and DRG years; DIP years are governed by the DIP pot.
struct GlobalBudgetConfig {
  BudgetMode mode = BudgetMode::None;
  double growth_cap = 0;                        ///< budget = previous year's expenditure × (1 + cap)
  std::optional<double> base_expenditure_yuan;  ///< base of the first year's budget (else year 1 only sets it)
  std::optional<double> fixed_budget_yuan;      ///< mode fixed: the yearly pot
  std::vector<ShareBand> surplus_retention;     ///< over surplus ÷ budget: share the hospital keeps
  std::vector<ShareBand> overspend_sharing;     ///< over overspend ÷ budget: share the fund covers
  double performance_pay_share = 0;             ///< share of retained surplus paid to doctors as performance pay
};

struct PaymentConfig {
  PaymentMethod initial_method = PaymentMethod::FeeForService;
  std::vector<PaymentSwitch> switches;  ///< sorted by year
  DrgConfig drg;
  DipConfig dip;
  GlobalBudgetConfig global_budget;
  /// True when `method` is in force in any simulated year.
  bool uses(PaymentMethod method, int horizon_years) const;
  /// The method in force in simulated year `year_index` (0-based).
  PaymentMethod method_in_year(int year_index) const;
};

/// A whole validated scenario.
struct ScenarioConfig {
  std::string name;
  std::string source_file;
  int start_year = 2024;
  int horizon_years = 1;
  std::shared_ptr<const CaseCatalogue> catalogue;
  PopulationConfig population;
  WageConfig wages;
  DemandConfig demand;
  CaseMixConfig case_mix;
  std::vector<HospitalConfig> hospitals;
  ProviderChoiceConfig choice;
  BenefitConfig benefits;
  FundConfig fund;
  PaymentConfig payment;
  std::vector<Shock> shocks;
  BehaviourConfig behaviour;
  SupervisionConfig supervision;
  std::vector<DrugConfig> drugs;
  ProcurementConfig procurement;
  NetworkConfig network;
  FamilyDoctorConfig family_doctors;
  std::vector<AllianceConfig> alliances;
  int months() const { return horizon_years * 12; }
};

}  // namespace reformsim::agents
