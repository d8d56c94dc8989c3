#include "agents/model/hospital_outputs.hpp"

namespace reformsim::agents {

using namespace outputs;

void add_hospital_metrics(std::vector<Declared>& d) {
  d.push_back(hospital_year("cases", "cases", "inpatient discharges",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.cases; }));
  d.push_back(
      hospital_year("cmi", "weight", "case-mix index (病例组合指数)",
                    [](const HospitalYearMetrics& h, const HospitalConfig&) { return ratio(h.weight_sum, h.cases); }));
  d.push_back(hospital_year(
      "time_index", "ratio",
      "time consumption index (时间消耗指数): LOS against the city-wide group means of indices.reference_year",
      [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.time_index; }));
  d.push_back(hospital_year(
      "cost_index", "ratio",
      "cost consumption index (费用消耗指数): bills against the city-wide group means of indices.reference_year",
      [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.cost_index; }));
  d.push_back(hospital_year(
      "mean_los_days", "days", "mean LOS of discharges",
      [](const HospitalYearMetrics& h, const HospitalConfig&) { return ratio(h.los_days_sum, h.cases); }));
  d.push_back(hospital_year("settlement_yuan", "yuan", "inpatient settlement under the payment rule",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.settlement_yuan_sum; }));
  d.push_back(hospital_year("revenue_yuan", "yuan", "fund payments + patient shares, inpatient and outpatient",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.revenue_yuan; }));
  d.push_back(hospital_year("cost_yuan", "yuan", "true cost of the care delivered",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.cost_yuan; }));
  d.push_back(hospital_year("margin", "fraction", "(revenue − cost) ÷ cost",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) {
                              return ratio(h.revenue_yuan - h.cost_yuan, h.cost_yuan);
                            }));
  d.push_back(
      hospital_year("bed_occupancy", "fraction", "occupied bed-days ÷ (the year's beds × 365)",
                    [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.bed_days / (h.beds * 365.0); }));
  d.push_back(hospital_year("queue_patient_days", "patient-days", "time patients spent waiting for a bed",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.queue_patient_days; }));
  d.push_back(hospital_year("admissions", "cases", "patients who got a bed",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.admissions; }));
  d.push_back(hospital_year(
      "mean_wait_days", "days", "mean wait for a bed per admission",
      [](const HospitalYearMetrics& h, const HospitalConfig&) { return ratio(h.wait_days_sum, h.admissions); }));
  d.push_back(hospital_year(
      "bundled_payment", "flag",
      "1 when the hospital was paid by a bundling rule (DRG, DIP, per diem) in the year, 0 under FFS: pilot "
      "hospitals of a switch that names them are 1 from its year, the others stay 0",
      [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.bundled_payment; }));
  d.push_back(hospital_year(
      "p_wait", "fraction", "share of admissions that waited for a bed (Erlang C's P(wait))",
      [](const HospitalYearMetrics& h, const HospitalConfig&) { return ratio(h.waited_admissions, h.admissions); }));
  d.push_back(hospital_year(
      "oop_per_case_yuan", "yuan", "inpatient out-of-pocket per discharge (patient burden)",
      [](const HospitalYearMetrics& h, const HospitalConfig&) { return ratio(h.patient_share_yuan_sum, h.cases); }));
  d.push_back(hospital_year(
      "cost_per_case_yuan", "yuan", "mean itemised bill per discharge (次均费用)",
      [](const HospitalYearMetrics& h, const HospitalConfig&) { return ratio(h.bill_yuan_sum, h.cases); }));
  d.push_back(hospital_year("inpatient_fund_yuan", "yuan",
                            "fund payments for the year's discharges, before year-end settlements",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.inpatient_fund_yuan; }));
  d.push_back(hospital_year("budget_yuan", "yuan", "share of the regional global budget (NaN without a budget)",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.budget_yuan; }));
  d.push_back(
      hospital_year("retained_surplus_yuan", "yuan", "under-spend of the budget paid to the hospital (结余留用)",
                    [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.retained_surplus_yuan; }));
  d.push_back(
      hospital_year("fund_covered_overspend_yuan", "yuan", "overspend of the budget the fund covers (超支分担)",
                    [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.fund_covered_overspend_yuan; }));
  d.push_back(hospital_year(
      "hospital_borne_overspend_yuan", "yuan", "overspend of the budget recovered from the hospital",
      [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.hospital_borne_overspend_yuan; }));
  d.push_back(hospital_year(
      "yichang_surplus_yuan", "yuan", "DIP years: final DIP settlement − itemised bill (宜昌 rule; 0 in other years)",
      [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.yichang_surplus_yuan; }));
  d.back().needs = {Mechanism::Dip};
  d.push_back(hospital_year(
      "performance_pay_per_doctor_yuan", "yuan/doctor",
      "retained surplus (Yichang surplus under DIP) × performance_pay_share ÷ doctors",
      [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.performance_pay_per_doctor_yuan; }));
  d.push_back(hospital_year("special_cases", "cases", "cases paid by items after special-case review (特例单议)",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.special_cases; }));
  d.push_back(hospital_year("special_case_yuan", "yuan", "settlement of the special-case reviews",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.special_case_yuan; }));
  const std::size_t dip = d.size();
  d.push_back(hospital_year("dip_points", "points", "DIP points × level and special coefficients (0 outside DIP)",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.dip_points; }));
  d.push_back(hospital_year("dip_clearing_yuan", "yuan", "DIP year-end clearing paid (+) or recovered (−) by the fund",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.dip_clearing_yuan; }));
  produced_by(d, dip, {Mechanism::Dip});
  d.push_back(hospital_year("diversions", "cases", "patients who chose this hospital and were sent elsewhere",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.diversions; }));
  d.push_back(hospital_year("outpatient_visits", "visits", "outpatient visits",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.outpatient_visits; }));
}

}  // namespace reformsim::agents
