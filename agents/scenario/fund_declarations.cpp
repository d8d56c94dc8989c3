// Declarations of the benefit rules, the fund and the stress-test shocks.
#include <string>
#include <utility>
#include <vector>

#include "agents/scenario/scenario_declarations.hpp"
#include "agents/scenario/schema_helpers.hpp"

namespace reformsim::agents {

namespace {

using namespace schema;

Binding<InpatientBenefit> inpatient_benefit_binding(std::vector<std::string> deductibles,
                                                    std::vector<std::string> ratios, double cap_yuan) {
  return Binding<InpatientBenefit>("InpatientBenefit")
      .field("deductible_yuan", &InpatientBenefit::deductible_yuan,
             per_tier(Spec::real()->min(0), std::move(deductibles), "deductible (起付线) per person and year", "yuan"))
      .field("reimbursement_ratio", &InpatientBenefit::reimbursement_ratio,
             per_tier(Spec::real()->range(0, 1), std::move(ratios),
                      "share of eligible cost above the deductible paid by the fund", "fraction"))
      .field("annual_cap_yuan", &InpatientBenefit::annual_cap_yuan,
             Spec::real()->greater_than(0)->def(cap_yuan)->unit("yuan")->doc(
                 "most the fund pays for one person's inpatient care in a year (封顶线)"));
}

const config::Choices<PoolingLevel>& pooling_levels() {
  static const config::Choices<PoolingLevel> c{
      {"city", PoolingLevel::City}, {"county", PoolingLevel::County}, {"province", PoolingLevel::Province}};
  return c;
}

Binding<PoolingConfig> pooling_binding() {
  return Binding<PoolingConfig>("PoolingConfig")
      .field("level", &PoolingConfig::level,
             pooling_levels().spec()->def("city")->doc(
                 "统筹层次: one city pool, a pool per region (county), or region pools with a provincial "
                 "adjustment fund"),
             pooling_levels())
      .field("adjustment_fund_share", &PoolingConfig::adjustment_fund_share,
             Spec::real()
                 ->range(0, 0.05)
                 ->def(0.03)
                 ->unit("fraction")
                 ->doc("province: share of each region's previous-year contributions paid into the adjustment fund "
                       "each January (at most 5%)"))
      .field("adjustment_cover_share", &PoolingConfig::adjustment_cover_share,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.5)
                 ->unit("fraction")
                 ->doc("province: share of a region's annual deficit the adjustment fund covers"));
}

const config::Choices<ShockType>& shock_types() {
  static const config::Choices<ShockType> c{
      {"admission_surge", ShockType::AdmissionSurge},     {"ageing_drift", ShockType::AgeingDrift},
      {"utilisation_trend", ShockType::UtilisationTrend}, {"wage_growth", ShockType::WageGrowth},
      {"employer_rate", ShockType::EmployerRate},         {"new_technology", ShockType::NewTechnology}};
  return c;
}

}  // namespace

Binding<BenefitConfig> benefit_binding() {
  return Binding<BenefitConfig>("BenefitConfig")
      .field("employee", &BenefitConfig::employee,
             inpatient_benefit_binding({"300", "700", "1200"}, {"0.90", "0.85", "0.80"}, 600000.0))
      .field("resident", &BenefitConfig::resident,
             inpatient_benefit_binding({"200", "500", "1000"}, {"0.80", "0.72", "0.65"}, 210000.0))
      .field("self_pay_share", &BenefitConfig::self_pay_share,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.15)
                 ->unit("fraction")
                 ->doc("share of the bill outside the policy scope (self-pay items)"))
      .field(
          "class_b_share", &BenefitConfig::class_b_share,
          Spec::real()->range(0, 1)->def(0.15)->unit("fraction")->doc("share of the bill that is class-B (乙类) items"))
      .field("class_b_payfirst_rate", &BenefitConfig::class_b_payfirst_rate,
             Spec::real()->range(0, 1)->def(0.10)->unit("fraction")->doc("individual pay-first rate on class-B items"))
      .field("outpatient_ratio", &BenefitConfig::outpatient_ratio,
             per_scheme(Spec::real()
                            ->range(0, 1)
                            ->def(0.60)
                            ->unit("fraction")
                            ->doc("share of an outpatient visit's cost paid by the fund"),
                        Spec::real()
                            ->range(0, 1)
                            ->def(0.50)
                            ->unit("fraction")
                            ->doc("share of an outpatient visit's cost paid by the fund")));
}

Binding<FundConfig> fund_binding() {
  return Binding<FundConfig>("FundConfig")
      .field("initial_balance_per_insured_yuan", &FundConfig::initial_balance_per_insured_yuan,
             Spec::real()->def(1500.0)->unit("yuan/person")->doc("pooled-fund balance at the start, per insured"))
      .field("employer_rate", &FundConfig::employer_rate,
             Spec::real()->range(0, 1)->def(0.07)->unit("fraction")->doc("employer contribution rate on the wage base"))
      .field(
          "individual_rate", &FundConfig::individual_rate,
          Spec::real()->range(0, 1)->def(0.02)->unit("fraction")->doc("individual contribution rate on the wage base"))
      .field("base_floor_ratio", &FundConfig::base_floor_ratio,
             Spec::real()->range(0, 10)->def(0.6)->unit("ratio")->doc(
                 "wage base lower clamp, as a multiple of the provincial average wage"))
      .field("base_ceiling_ratio", &FundConfig::base_ceiling_ratio,
             Spec::real()->range(0, 100)->def(3.0)->unit("ratio")->doc(
                 "wage base upper clamp, as a multiple of the provincial average wage"))
      .field("employee_pooled_share", &FundConfig::employee_pooled_share,
             Spec::real()
                 ->range(0, 1)
                 ->def(0.7)
                 ->unit("fraction")
                 ->doc("share of employee contributions credited to the pooled fund (the rest goes to personal "
                       "accounts)"))
      .field("resident_premium_yuan", &FundConfig::resident_premium_yuan,
             Spec::real()
                 ->min(0)
                 ->def(350.0)
                 ->unit("yuan/year")
                 ->doc("resident individual premium, collected each January"))
      .field("resident_subsidy_yuan", &FundConfig::resident_subsidy_yuan,
             Spec::real()
                 ->min(0)
                 ->def(610.0)
                 ->unit("yuan/year")
                 ->doc("government subsidy per resident, collected each January"))
      .field("wage_growth", &FundConfig::wage_growth,
             Spec::real()
                 ->range(-0.5, 1)
                 ->def(0.0)
                 ->unit("fraction/year")
                 ->doc("yearly growth of wages and so of employee contribution bases, from year 2"))
      .field("premium_growth", &FundConfig::premium_growth,
             Spec::real()
                 ->range(-0.5, 1)
                 ->def(0.0)
                 ->unit("fraction/year")
                 ->doc("yearly growth of the resident premium and subsidy, from year 2"))
      .field("pooling", &FundConfig::pooling, pooling_binding())
      .field("reserve_window_months", &FundConfig::reserve_window_months,
             Spec::integer()->range(1, 120)->def(12)->unit("months")->doc(
                 "months of expenditure averaged for months of reserve"));
}

Binding<Shock> shock_binding() {
  return Binding<Shock>("Shock")
      .field("type", &Shock::type, shock_types().spec()->doc("what changes"), shock_types())
      .field("from_year", &Shock::from_year,
             Spec::integer()->range(1, 1000)->doc("simulated year (1 = first) from whose 1 January it applies"))
      .field("to_year", &Shock::to_year,
             Spec::integer()->range(1, 1000)->optional()->doc(
                 "admission_surge: last year of the surge (default: to the horizon)"))
      .field("factor", &Shock::factor,
             Spec::real()->greater_than(0)->max(100)->optional()->unit("ratio")->doc(
                 "admission_surge: admission-rate multiplier; new_technology: cost multiplier of the group"))
      .field("annual_growth", &Shock::annual_growth,
             Spec::real()
                 ->range(-0.5, 1)
                 ->optional()
                 ->unit("fraction/year")
                 ->doc("ageing_drift, utilisation_trend: yearly growth of admission rates; wage_growth: the new wage "
                       "growth"))
      .field("employer_rate", &Shock::employer_rate,
             Spec::real()
                 ->range(0, 1)
                 ->optional()
                 ->unit("fraction")
                 ->doc("employer_rate: the new employer contribution rate (a cut or a rise)"))
      .field("group", &Shock::group,
             Spec::string()->optional()->doc("new_technology: the case-catalogue group whose cost rises"));
}

}  // namespace reformsim::agents
