#include "agents/world/run_metrics.hpp"

#include <cmath>

#include "agents/payment/settlement.hpp"
#include "agents/population/population.hpp"
#include "agents/scenario/scenario_config.hpp"

namespace reformsim::agents {

RunMetrics make_run_metrics(const ScenarioConfig& s, const Population& population) {
  RunMetrics m;
  const auto years = static_cast<std::size_t>(s.horizon_years);
  m.insured = static_cast<double>(population.size());
  m.hospitals = s.hospitals.size();
  m.groups_count = s.catalogue->size();
  m.months.resize(static_cast<std::size_t>(s.months()));
  m.hospital_years.assign(m.hospitals, std::vector<HospitalYearMetrics>(years));
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
  m.contracted_insured.assign(years, 0.0);
  m.contracted_key.assign(years, 0.0);
  for (std::size_t p = 0; p < population.size(); ++p) {
    if (population.key_population(p)) m.key_insured += 1;
  }
  return m;
}

void finish_run_metrics(RunMetrics& metrics, int horizon_years) {
  const std::size_t hospitals = metrics.hospitals;
  const std::size_t groups = metrics.groups_count;
  for (std::size_t y = 0; y < static_cast<std::size_t>(horizon_years); ++y) {
    const CellSums* cells = &metrics.hospital_group_years[y * hospitals * groups];
    for (std::size_t h = 0; h < hospitals; ++h) {
      double n_total = 0, time_sum = 0, cost_sum = 0;
      for (std::size_t g = 0; g < groups; ++g) {
        const CellSums& c = cells[h * groups + g];
        if (c.cases == 0) continue;
        double region_cases = 0, region_los = 0, region_bill = 0;
        for (std::size_t k = 0; k < hospitals; ++k) {
          region_cases += cells[k * groups + g].cases;
          region_los += cells[k * groups + g].los_days_sum;
          region_bill += cells[k * groups + g].bill_yuan_sum;
        }
        const double region_mean_los = region_los / region_cases;
        const double region_mean_bill = region_bill / region_cases;
        n_total += c.cases;
        if (region_mean_los > 0) time_sum += c.cases * (c.los_days_sum / c.cases) / region_mean_los;
        if (region_mean_bill > 0) cost_sum += c.cases * (c.bill_yuan_sum / c.cases) / region_mean_bill;
      }
      HospitalYearMetrics& hy = metrics.hospital_years[h][y];
      hy.time_index = n_total > 0 ? time_sum / n_total : std::nan("");
      hy.cost_index = n_total > 0 ? cost_sum / n_total : std::nan("");
    }
  }
}

}  // namespace reformsim::agents
