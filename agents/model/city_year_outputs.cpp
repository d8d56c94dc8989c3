#include "agents/model/city_year_outputs.hpp"

#include <functional>
#include <string>

namespace reformsim::agents {

using namespace outputs;

namespace {

// One year of every hospital, added up.
struct CityYear {
  HospitalYearMetrics sum;
  double beds = 0;
};

CityYear city_year(const RunMetrics& m, std::size_t y) {
  CityYear c;
  for (std::size_t h = 0; h < m.hospital_years.size(); ++h) {
    const HospitalYearMetrics& hy = m.hospital_years[h][y];
    c.sum.cases += hy.cases;
    c.sum.weight_sum += hy.weight_sum;
    c.sum.los_days_sum += hy.los_days_sum;
    c.sum.bill_yuan_sum += hy.bill_yuan_sum;
    c.sum.patient_share_yuan_sum += hy.patient_share_yuan_sum;
    c.sum.revenue_yuan += hy.revenue_yuan;
    c.sum.cost_yuan += hy.cost_yuan;
    c.sum.bed_days += hy.bed_days;
    c.sum.admissions += hy.admissions;
    c.sum.wait_days_sum += hy.wait_days_sum;
    c.sum.waited_admissions += hy.waited_admissions;
    c.beds += hy.beds;
  }
  return c;
}

Declared city(std::string name, std::string units, std::string description, std::function<double(const CityYear&)> f) {
  return {{"years/" + std::move(name), {"year"}, std::move(units), std::move(description)},
          [f](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout&) {
            const std::size_t years = m.hospital_years.empty() ? 0 : m.hospital_years.front().size();
            for (std::size_t y = 0; y < years && y < row.size(); ++y) row[y] = f(city_year(m, y));
          }};
}

}  // namespace

void add_city_year_metrics(std::vector<Declared>& d) {
  d.push_back(city("discharges", "cases", "inpatient discharges", [](const CityYear& c) { return c.sum.cases; }));
  d.push_back(
      city("admissions", "cases", "patients who got a bed", [](const CityYear& c) { return c.sum.admissions; }));
  d.push_back(city("cost_per_case_yuan", "yuan", "mean itemised bill per discharge (次均费用)",
                   [](const CityYear& c) { return ratio(c.sum.bill_yuan_sum, c.sum.cases); }));
  d.push_back(city("oop_per_case_yuan", "yuan", "inpatient out-of-pocket per discharge (patient burden)",
                   [](const CityYear& c) { return ratio(c.sum.patient_share_yuan_sum, c.sum.cases); }));
  d.push_back(city("oop_share", "fraction", "inpatient out-of-pocket ÷ itemised bill",
                   [](const CityYear& c) { return ratio(c.sum.patient_share_yuan_sum, c.sum.bill_yuan_sum); }));
  d.push_back(city("mean_los_days", "days", "mean LOS of discharges",
                   [](const CityYear& c) { return ratio(c.sum.los_days_sum, c.sum.cases); }));
  d.push_back(city("cmi", "weight", "case-mix index: Σ catalogue weights ÷ discharges (weights fixed over years)",
                   [](const CityYear& c) { return ratio(c.sum.weight_sum, c.sum.cases); }));
  d.push_back(per_year("time_index", "ratio",
                       "time consumption index (时间消耗指数) of the city against indices.reference_year",
                       &RunMetrics::city_time_index));
  d.push_back(per_year("cost_index", "ratio",
                       "cost consumption index (费用消耗指数) of the city against indices.reference_year",
                       &RunMetrics::city_cost_index));
  d.push_back(city("p_wait", "fraction", "share of admissions that waited for a bed",
                   [](const CityYear& c) { return ratio(c.sum.waited_admissions, c.sum.admissions); }));
  d.push_back(city("mean_wait_days", "days", "mean wait for a bed per admission",
                   [](const CityYear& c) { return ratio(c.sum.wait_days_sum, c.sum.admissions); }));
  d.push_back(city("bed_occupancy", "fraction", "occupied bed-days ÷ (beds × 365), all hospitals",
                   [](const CityYear& c) { return ratio(c.sum.bed_days, c.beds * 365.0); }));
  d.push_back(city("hospital_margin", "fraction", "all hospitals' (revenue − true cost) ÷ true cost",
                   [](const CityYear& c) { return ratio(c.sum.revenue_yuan - c.sum.cost_yuan, c.sum.cost_yuan); }));
}

}  // namespace reformsim::agents
