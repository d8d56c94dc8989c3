#include "agents/model/projection_outputs.hpp"

#include <string>

namespace reformsim::agents {

using namespace outputs;

namespace {

Declared population_year(std::string name, std::string units, std::string description,
                         std::function<double(const PopulationYearMetrics&)> f) {
  return {{"years/" + std::move(name), {"year"}, std::move(units), std::move(description)},
          [f](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout&) {
            for (std::size_t y = 0; y < m.population_years.size() && y < row.size(); ++y)
              row[y] = f(m.population_years[y]);
          }};
}

// A per-year sum over the hospitals of one hospital-year record.
Declared hospitals_sum(std::string name, std::string units, std::string description,
                       double HospitalYearMetrics::*field) {
  return {{"years/" + std::move(name), {"year"}, std::move(units), std::move(description)},
          [field](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout&) {
            for (const std::vector<HospitalYearMetrics>& years : m.hospital_years) {
              for (std::size_t y = 0; y < years.size() && y < row.size(); ++y) {
                if (std::isnan(row[y])) row[y] = 0;
                row[y] += years[y].*field;
              }
            }
          }};
}

double margin(const HospitalYearMetrics& hy) { return ratio(hy.revenue_yuan - hy.cost_yuan, hy.cost_yuan); }

}  // namespace

bool distressed(const ScenarioConfig& s, const RunMetrics& m, std::size_t h, std::size_t year) {
  const auto years = static_cast<std::size_t>(s.capacity.distress_years);
  if (year + 1 < years) return false;
  for (std::size_t y = year + 1 - years; y <= year; ++y) {
    if (!(margin(m.hospital_years[h][y]) < s.capacity.distress_margin)) return false;
  }
  return true;
}

void add_projection_metrics(std::vector<Declared>& d) {
  d.push_back(population_year("insured", "persons", "insured persons after the January update",
                              [](const PopulationYearMetrics& p) { return p.insured; }));
  d.push_back(population_year("employees", "persons", "members of the employee scheme, retirees included",
                              [](const PopulationYearMetrics& p) { return p.employees; }));
  d.push_back(population_year("contributing_employees", "persons", "employees who pay contributions",
                              [](const PopulationYearMetrics& p) { return p.contributing; }));
  d.push_back(population_year("retirees", "persons", "employee-scheme members at or above the retirement age",
                              [](const PopulationYearMetrics& p) { return p.retirees; }));
  d.push_back(population_year("contributors_per_retiree", "ratio",
                              "contributing employees ÷ retirees (the scheme's support ratio)",
                              [](const PopulationYearMetrics& p) { return ratio(p.contributing, p.retirees); }));
  d.push_back(population_year("share_60_plus", "fraction", "insured aged 60 and over ÷ insured",
                              [](const PopulationYearMetrics& p) { return ratio(p.aged_60_plus, p.insured); }));
  d.push_back(population_year("mean_age", "years", "mean age of the insured",
                              [](const PopulationYearMetrics& p) { return ratio(p.age_sum, p.insured); }));
  d.push_back(population_year("chronic_share", "fraction", "insured with a chronic condition ÷ insured",
                              [](const PopulationYearMetrics& p) { return ratio(p.chronic, p.insured); }));
  d.push_back(population_year("deaths", "persons", "deaths at the January update",
                              [](const PopulationYearMetrics& p) { return p.deaths; }));
  d.push_back(population_year("births", "persons", "births joining the resident scheme",
                              [](const PopulationYearMetrics& p) { return p.births; }));
  d.push_back(population_year("in_migrants", "persons", "people who moved in and joined",
                              [](const PopulationYearMetrics& p) { return p.in_migrants; }));
  d.push_back(population_year("out_migrants", "persons", "people who moved out and left the fund",
                              [](const PopulationYearMetrics& p) { return p.out_migrants; }));
  d.push_back(population_year("joined_employee_scheme", "persons", "residents who took a job (employee scheme)",
                              [](const PopulationYearMetrics& p) { return p.to_employee; }));
  d.push_back(population_year("left_employee_scheme", "persons", "employees who left work for the resident scheme",
                              [](const PopulationYearMetrics& p) { return p.to_resident; }));
  d.push_back(population_year("retirements", "persons",
                              "employees who stopped contributing at or after the retirement age",
                              [](const PopulationYearMetrics& p) { return p.retirements; }));
  d.push_back(population_year("lump_sum_contributions_yuan", "yuan",
                              "contribution shortfalls paid at retirement (lump-sum rule)",
                              [](const PopulationYearMetrics& p) { return p.lump_sum_yuan; }));
  d.push_back(per_year("projected_income_yuan", "yuan",
                       "contributions the fund expects in the year, as known in January (the income budget rule's "
                       "base)",
                       &RunMetrics::projected_income_yuan));

  d.push_back(per_year("pot_yuan", "yuan",
                       "the year's inpatient pot: the regional global budget or the DIP pot (NaN without one)",
                       &RunMetrics::pot_yuan));
  d.push_back(hospitals_sum("beds", "beds", "beds of all hospitals in the year", &HospitalYearMetrics::beds));
  d.push_back(hospitals_sum("queue_leavers", "cases", "patients who left a queue after the longest wait",
                            &HospitalYearMetrics::queue_leavers));
  d.push_back({{"years/queue_leaver_wait_days",
                {"year"},
                "days",
                "mean wait of those who left a queue (not in mean_wait_days, which counts admissions)"},
               [](const ScenarioConfig&, const RunMetrics& m, std::vector<double>& row, const OutputLayout&) {
                 for (std::size_t y = 0; y < row.size(); ++y) {
                   double waited = 0, leavers = 0;
                   for (const auto& years : m.hospital_years) {
                     waited += years[y].wait_days_sum_leavers;
                     leavers += years[y].queue_leavers;
                   }
                   row[y] = ratio(waited, leavers);
                 }
               }});
  d.push_back(hospitals_sum("left_to_other_hospital", "cases", "… admitted at another hospital",
                            &HospitalYearMetrics::left_to_other_hospital));
  d.push_back(hospitals_sum("left_out_of_region", "cases", "… treated outside the region",
                            &HospitalYearMetrics::left_out_of_region));
  d.push_back(hospitals_sum("unmet_need", "cases", "… who went untreated", &HospitalYearMetrics::left_untreated));
  d.push_back(hospitals_sum("out_of_region_fund_yuan", "yuan", "fund payments for care outside the region",
                            &HospitalYearMetrics::out_of_region_fund_yuan));
  d.push_back(hospitals_sum("out_of_region_patient_yuan", "yuan", "patients' own payments for care outside the region",
                            &HospitalYearMetrics::out_of_region_patient_yuan));
  d.push_back({{"years/distressed_hospitals",
                {"year"},
                "hospitals",
                "hospitals whose margin has been below capacity.distress_margin for capacity.distress_years years"},
               [](const ScenarioConfig& s, const RunMetrics& m, std::vector<double>& row, const OutputLayout&) {
                 for (std::size_t y = 0; y < row.size(); ++y) {
                   row[y] = 0;
                   for (std::size_t h = 0; h < m.hospital_years.size(); ++h) row[y] += distressed(s, m, h, y);
                 }
               }});

  d.push_back(hospital_year("beds", "beds", "beds in the year (the capacity rule's)",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.beds; }));
  d.push_back(hospital_year("queue_leavers", "cases", "patients who left the queue after the longest wait",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.queue_leavers; }));
  d.push_back(hospital_year("unmet_need", "cases", "patients who left the queue and went untreated",
                            [](const HospitalYearMetrics& h, const HospitalConfig&) { return h.left_untreated; }));
  d.push_back({{"hospitals/distressed",
                {"hospital", "year"},
                "flag",
                "1 when the margin has been below capacity.distress_margin for capacity.distress_years years"},
               [](const ScenarioConfig& s, const RunMetrics& m, std::vector<double>& row, const OutputLayout& l) {
                 const std::size_t years = l.axis_size("year");
                 for (std::size_t h = 0; h < m.hospital_years.size(); ++h) {
                   for (std::size_t y = 0; y < m.hospital_years[h].size() && y < years; ++y)
                     row[h * years + y] = distressed(s, m, h, y) ? 1.0 : 0.0;
                 }
               }});

  d.push_back(scalar("year_of_depletion", "year",
                     "calendar year of the first month-end with a negative pooled-fund balance (NaN: never)",
                     [](const ScenarioConfig& s, const RunMetrics& m) {
                       for (std::size_t i = 0; i < m.months.size(); ++i) {
                         if (m.months[i].balance_yuan < 0) return double(s.start_year + i / 12);
                       }
                       return kNaN;
                     }));
  d.push_back(scalar("unmet_need_total", "cases", "patients who left a queue and went untreated, whole horizon",
                     [](const ScenarioConfig&, const RunMetrics& m) {
                       double total = 0;
                       for (const auto& years : m.hospital_years) {
                         for (const HospitalYearMetrics& hy : years) total += hy.left_untreated;
                       }
                       return total;
                     }));
}

}  // namespace reformsim::agents
