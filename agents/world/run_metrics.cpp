#include "agents/world/run_metrics.hpp"

#include <cmath>

#include "agents/payment/settlement.hpp"
#include "agents/population/demography.hpp"
#include "agents/population/population.hpp"
#include "agents/scenario/scenario_config.hpp"

namespace reformsim::agents {

RunMetrics make_run_metrics(const ScenarioConfig& s, const Population& population) {
  RunMetrics m;
  const auto years = static_cast<std::size_t>(s.horizon_years);
  m.hospitals = s.hospitals.size();
  m.groups_count = s.catalogue->size();
  m.months.resize(static_cast<std::size_t>(s.months()));
  m.hospital_years.assign(m.hospitals, std::vector<HospitalYearMetrics>(years));
  for (std::size_t h = 0; h < m.hospitals; ++h) {
    for (HospitalYearMetrics& hy : m.hospital_years[h]) hy.beds = s.hospitals[h].beds;
  }
  m.groups.resize(m.groups_count);
  m.settlement_type_counts.assign(years, std::vector<double>(static_cast<std::size_t>(settlement_type_count()), 0.0));
  m.hospital_group_years.resize(years * m.hospitals * m.groups_count);
  m.supervision.resize(m.hospitals * m.months.size());
  m.dip_point_value_yuan.assign(years, std::nan(""));
  m.adjustment_paid_in_yuan.assign(years, 0.0);
  m.adjustment_paid_out_yuan.assign(years, 0.0);
  m.adjustment_fund_balance_yuan.assign(years, std::nan(""));
  m.regions_in_deficit.assign(years, 0.0);
  m.alliance_years.assign(s.alliances.size() * years, RunMetrics::AllianceYear{});
  // The starting population in every year until demography (if on) records each year's own.
  PopulationYearMetrics stocks;
  record_population_stocks(population, s.population, stocks);
  m.population_years.assign(years, stocks);
  m.projected_income_yuan.assign(years, 0.0);
  m.pot_yuan.assign(years, std::nan(""));
  m.contracted_insured.assign(years, 0.0);
  m.contracted_key.assign(years, 0.0);
  return m;
}

namespace {

// City-wide mean LOS and bill of each group in one year (NaN where the year has no case of the group).
struct GroupNorms {
  std::vector<double> los_days, bill_yuan;
};

GroupNorms city_group_means(const RunMetrics& metrics, std::size_t year) {
  const std::size_t hospitals = metrics.hospitals, groups = metrics.groups_count;
  GroupNorms norms{std::vector<double>(groups, std::nan("")), std::vector<double>(groups, std::nan(""))};
  const CellSums* cells = &metrics.hospital_group_years[year * hospitals * groups];
  for (std::size_t g = 0; g < groups; ++g) {
    double cases = 0, los = 0, bill = 0;
    for (std::size_t h = 0; h < hospitals; ++h) {
      cases += cells[h * groups + g].cases;
      los += cells[h * groups + g].los_days_sum;
      bill += cells[h * groups + g].bill_yuan_sum;
    }
    if (cases > 0) {
      norms.los_days[g] = los / cases;
      norms.bill_yuan[g] = bill / cases;
    }
  }
  return norms;
}

// Σ n × (mean ÷ norm) and Σ n over the cells of `hospitals` whose group has a positive norm.
struct IndexSums {
  double cases = 0, time = 0, cost = 0;
  void add(const CellSums& c, double los_norm, double bill_norm) {
    if (c.cases == 0 || !(los_norm > 0) || !(bill_norm > 0)) return;
    cases += c.cases;
    time += c.los_days_sum / los_norm;
    cost += c.bill_yuan_sum / bill_norm;
  }
  double time_index() const { return cases > 0 ? time / cases : std::nan(""); }
  double cost_index() const { return cases > 0 ? cost / cases : std::nan(""); }
};

}  // namespace

void finish_run_metrics(RunMetrics& metrics, int horizon_years, int reference_year) {
  const std::size_t hospitals = metrics.hospitals;
  const std::size_t groups = metrics.groups_count;
  const auto years = static_cast<std::size_t>(horizon_years);
  metrics.city_time_index.assign(years, std::nan(""));
  metrics.city_cost_index.assign(years, std::nan(""));
  GroupNorms fixed;
  if (reference_year > 0) fixed = city_group_means(metrics, static_cast<std::size_t>(reference_year - 1));
  for (std::size_t y = 0; y < years; ++y) {
    const GroupNorms norms = reference_year > 0 ? fixed : city_group_means(metrics, y);
    const CellSums* cells = &metrics.hospital_group_years[y * hospitals * groups];
    IndexSums city;
    for (std::size_t h = 0; h < hospitals; ++h) {
      IndexSums hospital;
      for (std::size_t g = 0; g < groups; ++g) {
        hospital.add(cells[h * groups + g], norms.los_days[g], norms.bill_yuan[g]);
        city.add(cells[h * groups + g], norms.los_days[g], norms.bill_yuan[g]);
      }
      HospitalYearMetrics& hy = metrics.hospital_years[h][y];
      hy.time_index = hospital.time_index();
      hy.cost_index = hospital.cost_index();
    }
    metrics.city_time_index[y] = city.time_index();
    metrics.city_cost_index[y] = city.cost_index();
  }
}

}  // namespace reformsim::agents
