#pragma once
// Raw accumulators of one run, filled by the components as events happen and turned into the declared outputs
// (agents/model/reform_outputs.cpp) at the end. Sums, not means, so nothing is averaged twice.
#include <cstdint>
#include <limits>
#include <vector>

#include "agents/behaviour/violation.hpp"

namespace reformsim::agents {

/// Flows and stocks of one calendar month (index from the scenario start).
struct MonthMetrics {
  double contributions_yuan = 0;
  double fund_expenditure_yuan = 0;  ///< claims paid to hospitals at this month's settlement
  double employee_contributions_yuan = 0, resident_contributions_yuan = 0;
  double employee_expenditure_yuan = 0, resident_expenditure_yuan = 0;
  double employee_balance_yuan = 0, resident_balance_yuan = 0;
  std::vector<double> region_balance_yuan;  ///< by pooling unit (region)
  double inpatient_fund_yuan = 0;           ///< fund claims of discharges in the month
  double outpatient_fund_yuan = 0;
  double balance_yuan = 0;  ///< pooled fund at the end of the month
  double months_of_reserve = 0;
  double admissions = 0;
  double discharges = 0;
  double outpatient_visits = 0;
  double los_days_sum = 0;            ///< over discharges
  double bill_yuan_sum = 0;           ///< itemised inpatient bills of discharges
  double patient_share_yuan_sum = 0;  ///< inpatient out-of-pocket of discharges
  double settlement_yuan_sum = 0;
  double weight_sum = 0;
  double diversions = 0;
  double dip_point_value_yuan =
      std::numeric_limits<double>::quiet_NaN();  ///< the month's DIP point value (NaN outside DIP)
  double wait_days_sum = 0;                      ///< over admissions
  double waited_admissions = 0;                  ///< admissions that had to wait for a bed
  double readmissions_7d = 0;                    ///< admissions within 7 days of the same person's last discharge
  double turned_away_severe = 0;                 ///< loss-making cases a hospital refused (推诿)
  double mortality_proxy = 0;                    ///< expected deaths in low-risk groups, rising as intensity is cut
  double los_over_30_days = 0;                   ///< discharges that stayed over 30 days
  double shifted_to_patients_yuan = 0;           ///< bills moved to self-pay, and the patients' part of shifted visits
  double shifted_yuan = 0;                       ///< all of the bills moved out of inpatient claims
  double basic_group_cases = 0;                  ///< discharges in primary-level (basic) groups
  double basic_group_cases_tertiary = 0;         ///< … treated in tier-3 hospitals
  double drug_spending_yuan = 0;                 ///< hospitals' purchases of the drugs of the drug table
  double drug_units = 0;
};

/// One molecule in one volume-based procurement cycle, city-wide.
struct DrugCycleMetrics {
  double reported_units = 0;
  double agreed_units = 0;
  double winner_units = 0;  ///< purchased from winners (counts toward completion)
  double total_units = 0;   ///< all purchases of the molecule
  double spend_yuan = 0;
  double shortage_units = 0;  ///< winners' demand they could not supply
  double winners = 0;
  double winning_price_yuan = 0;  ///< lowest winning bid (NaN without a winner)
  double excluded_reports = 0;    ///< hospitals whose report was refused
  double retained_savings_yuan = 0;
};

/// Provider behaviour and supervision of one hospital in one month.
struct SupervisionCell {
  PerViolation<double> violations{};      ///< committed (the model knows the truth)
  PerViolation<double> detected{};        ///< confirmed by an audit, a ward round or a face check
  PerViolation<double> loss_yuan{};       ///< fund payment as submitted − as corrected
  PerViolation<double> recovered_yuan{};  ///< clawed back or deducted
  PerViolation<double> fines_yuan{};
  PerViolation<double> propensity{};  ///< mean effective propensity of the hospital's doctors at month end
  double flagged = 0;                 ///< claims flagged by a detector
  double audits = 0;
  double audit_cost_yuan = 0;  ///< audits and ward rounds
  double ward_rounds = 0;
  double institution_flags = 0;     ///< rounds with under 70% present
  double interviews = 0;            ///< rounds that led to the leaders' interview
  double doctors_suspended = 0;     ///< suspensions, bans and terminations ordered
  double hospital_suspensions = 0;  ///< the hospital's agreement suspended (or terminated) this month
};

/// One hospital in one simulated year.
struct HospitalYearMetrics {
  double cases = 0;  ///< inpatient discharges
  double weight_sum = 0;
  double los_days_sum = 0;
  double bill_yuan_sum = 0;
  double patient_share_yuan_sum = 0;  ///< inpatient out-of-pocket of the discharges
  double settlement_yuan_sum = 0;
  double revenue_yuan = 0;                ///< fund payments + patient shares, inpatient and outpatient
  double cost_yuan = 0;                   ///< true cost of all care delivered
  double bed_days = 0;                    ///< occupied bed-days within the year
  double queue_patient_days = 0;          ///< patient-days spent waiting for a bed within the year
  double beds = 0;                        ///< beds in the year (the capacity rule's)
  double queue_leavers = 0;               ///< patients who left the queue after the longest wait
  double wait_days_sum_leavers = 0;       ///< their waits
  double left_to_other_hospital = 0;      ///< … admitted at another hospital
  double left_out_of_region = 0;          ///< … treated outside the region
  double left_untreated = 0;              ///< … untreated (unmet need)
  double out_of_region_fund_yuan = 0;     ///< fund payments for their care outside the region
  double out_of_region_patient_yuan = 0;  ///< their own payments for it
  double admissions = 0;                  ///< patients who got a bed in the year
  double wait_days_sum = 0;               ///< their total wait for a bed
  double waited_admissions = 0;           ///< admissions that had to wait for a bed
  double bundled_payment = 0;             ///< 1 when the year's rule bundles the stay (DRG, DIP, per diem), 0 under FFS
  double diversions = 0;                  ///< patients sent elsewhere because all beds were taken
  double outpatient_visits = 0;
  double inpatient_fund_yuan = 0;  ///< fund payments for the year's discharges (before year-end settlements)
  double budget_yuan =
      std::numeric_limits<double>::quiet_NaN();  ///< share of the regional global budget (NaN without one)
  double retained_surplus_yuan = 0;              ///< under-spend paid to the hospital at year end
  double fund_covered_overspend_yuan = 0;        ///< overspend the fund kept paying
  double hospital_borne_overspend_yuan = 0;      ///< overspend recovered from the hospital
  double special_cases = 0;                      ///< cases paid by items after special-case review
  double special_case_yuan = 0;                  ///< their settlement
  double dip_points = 0;                         ///< DIP points × coefficients earned in the year
  double dip_clearing_yuan = 0;                  ///< year-end DIP clearing paid (+) or recovered (−)
  double yichang_surplus_yuan = 0;  ///< DIP years: final DIP settlement − itemised bill (宜昌 rule), else 0
  double performance_pay_per_doctor_yuan = 0;  ///< retained (or Yichang) surplus × pay share ÷ doctors
  double outpatient_fund_yuan = 0;             ///< fund payments for outpatient visits
  double contracts = 0;                        ///< family-doctor contracts of the unit's teams (year start)
  double key_contracts = 0;                    ///< … of elderly or chronic residents
  double follow_ups = 0;
  double capitation_fund_yuan = 0;       ///< the fund's part of the contract fees
  double capitation_resident_yuan = 0;   ///< the residents' part
  double public_health_yuan = 0;         ///< the public-health funds' part (outside the insurance fund)
  double team_pay_yuan = 0;              ///< the teams' share of the fee pool
  double referrals_up = 0;               ///< severe cases this unit sent up the network
  double referrals_down = 0;             ///< follow-ups this unit received from higher tiers
  double avoided_admissions = 0;         ///< admissions of its contracted chronic residents avoided
  double clawed_back_yuan = 0;           ///< audited losses recovered: they were never owed
  double vbp_retained_savings_yuan = 0;  ///< 集采结余留用 paid at the end of a procurement cycle
  double time_index = 0;                 ///< 时间消耗指数, filled at the end
  double cost_index = 0;                 ///< 费用消耗指数, filled at the end
};

/// The insured population of one year: stocks after the January update, flows of that update.
struct PopulationYearMetrics {
  double insured = 0, key_insured = 0, employees = 0, contributing = 0, retirees = 0, aged_60_plus = 0, chronic = 0,
         age_sum = 0;
  double deaths = 0, births = 0, in_migrants = 0, out_migrants = 0, to_employee = 0, to_resident = 0;
  double retirements = 0;    ///< employees who stopped contributing at or after retirement with the required years
  double lump_sum_yuan = 0;  ///< shortfall contributions paid at retirement (lump-sum rule)
};

/// Per catalogue group over the whole horizon.
struct GroupMetrics {
  double cases = 0;
  double bill_yuan_sum = 0;
  double settlement_yuan_sum = 0;
  double fund_yuan_sum = 0;
};

/// Sums of one (year, hospital, group) cell, for the consumption indices.
struct CellSums {
  double cases = 0;
  double los_days_sum = 0;
  double bill_yuan_sum = 0;
  double settlement_yuan_sum = 0;
  // Keyed by the true group (the cell of `group` above is the submitted one): what the hospital's cost control sees.
  double true_cases = 0;
  double true_settlement_yuan_sum = 0;  ///< settlement received for cases truly of this group
  double true_bill_yuan_sum = 0;        ///< their true bills (true cost = bill × cost-to-charge ratio)
};

/// Everything one run measured.
struct RunMetrics {
  std::size_t hospitals = 0;
  std::size_t groups_count = 0;
  std::vector<CellSums> hospital_group_years;  ///< [year][hospital][group], flat
  /// The (year, hospital, group) cell.
  CellSums& hospital_group_year(int year, std::size_t hospital, std::size_t group) {
    return hospital_group_years[(static_cast<std::size_t>(year) * hospitals + hospital) * groups_count + group];
  }
  /// Adds a discharge to its (year, hospital, group) cell.
  void hospital_group_years_add(int year, std::size_t hospital, std::size_t group, double los_days, double bill,
                                double settlement) {
    CellSums& c = hospital_group_year(year, hospital, group);
    c.cases += 1;
    c.los_days_sum += los_days;
    c.bill_yuan_sum += bill;
    c.settlement_yuan_sum += settlement;
  }
  /// One county alliance in one year.
  struct AllianceYear {
    double budget_yuan = 0, spending_yuan = 0, settlement_yuan = 0;
  };
  std::vector<AllianceYear> alliance_years;             ///< [alliance][year], flat
  std::vector<PopulationYearMetrics> population_years;  ///< [year]
  std::vector<double> projected_income_yuan;            ///< [year] contributions the fund expects in the year (January)
  std::vector<double> pot_yuan;            ///< [year] the year's inpatient pot (global budget or DIP); NaN without one
  std::vector<double> contracted_insured;  ///< [year] at year start
  std::vector<double> contracted_key;      ///< [year] elderly or chronic contracted
  std::size_t drugs = 0, cycles = 0;
  std::vector<DrugCycleMetrics> drug_cycles;  ///< [drug][cycle], flat
  std::vector<double> hospital_drug_agreed;   ///< [hospital][drug][cycle], flat
  std::vector<double> hospital_drug_from_winners;
  std::vector<SupervisionCell> supervision;  ///< [hospital][month], flat
  SupervisionCell& supervision_at(std::size_t hospital, std::size_t month) {
    return supervision[hospital * months.size() + month];
  }
  std::vector<MonthMetrics> months;
  std::vector<std::vector<HospitalYearMetrics>> hospital_years;  ///< [hospital][year]
  std::vector<GroupMetrics> groups;
  std::vector<std::vector<double>> settlement_type_counts;  ///< [year][settlement type]
  std::vector<double> adjustment_paid_in_yuan;              ///< [year] into the provincial adjustment fund
  std::vector<double> adjustment_paid_out_yuan;             ///< [year] deficit cover paid to regions
  std::vector<double> adjustment_fund_balance_yuan;         ///< [year] at year end; NaN unless province pooling
  std::vector<double> regions_in_deficit;    ///< [year] regions whose spending exceeded their contributions
  std::vector<double> dip_point_value_yuan;  ///< [year] final (or provisional) point value; NaN outside DIP
  std::vector<double> city_time_index;       ///< [year] city-wide time consumption index against the reference
  std::vector<double> city_cost_index;       ///< [year] city-wide cost consumption index against the reference
  std::uint64_t events = 0;
  double final_balance_yuan = 0;
};

struct ScenarioConfig;
class Population;

/// The records of a run of `scenario` over `population`, every series sized to the horizon and zeroed (NaN where a
/// value exists only under some policy).
RunMetrics make_run_metrics(const ScenarioConfig& scenario, const Population& population);

/// What is computed once the run is over: each hospital's time and cost consumption indices (时间/费用消耗指数),
/// Σ_g n_g × (hospital mean_g ÷ city mean_g) ÷ Σ_g n_g per year; 1.0 = the city's average.
/// The consumption indices (time and cost) of each hospital and of the city, each year: Σ_g n_g × (mean_g ÷
/// norm_g) ÷ Σ_g n_g, where norm_g is the city-wide mean of group g in the reference year (1-based; 0: the same year).
/// Cases of groups the reference year did not see are left out of both sums.
void finish_run_metrics(RunMetrics& metrics, int horizon_years, int reference_year);

}  // namespace reformsim::agents
