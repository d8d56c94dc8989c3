// Time and cost consumption indices (时间/费用消耗指数, DOMAIN.md §8): per hospital and year,
// Σ_g n_g × (hospital mean_g ÷ regional mean_g) ÷ Σ_g n_g; 1.0 = the city's average.
#include <cmath>

#include "agents/world/world.hpp"

namespace reformsim::agents {

void World::finish_metrics() {
  const std::size_t hospitals = metrics_.hospitals;
  const std::size_t groups = metrics_.groups_count;
  for (std::size_t y = 0; y < static_cast<std::size_t>(scenario_.horizon_years); ++y) {
    const CellSums* cells = &metrics_.hospital_group_years[y * hospitals * groups];
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
      HospitalYearMetrics& hy = metrics_.hospital_years[h][y];
      hy.time_index = n_total > 0 ? time_sum / n_total : std::nan("");
      hy.cost_index = n_total > 0 ? cost_sum / n_total : std::nan("");
    }
  }
}

}  // namespace reformsim::agents
