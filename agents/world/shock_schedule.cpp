#include "agents/world/shock_schedule.hpp"

#include <cmath>

namespace reformsim::agents {

std::vector<YearLevels> shock_schedule(const ScenarioConfig& s) {
  std::vector<YearLevels> years(static_cast<std::size_t>(s.horizon_years));
  const double base_rates = s.fund.employer_rate + s.fund.individual_rate;
  double wage_level = 1;
  for (int y = 0; y < s.horizon_years; ++y) {
    const int year = y + 1;  // 1-based, as shocks are written
    YearLevels& level = years[static_cast<std::size_t>(y)];
    level.group_cost_factor.assign(s.catalogue->size(), 1.0);
    double wage_growth = s.fund.wage_growth;
    double employer_rate = s.fund.employer_rate;
    for (const Shock& shock : s.shocks) {
      if (shock.from_year > year) continue;
      switch (shock.type) {
        case ShockType::AdmissionSurge:
          if (!shock.to_year || year <= *shock.to_year) level.admission_multiplier *= *shock.factor;
          break;
        case ShockType::AgeingDrift:
        case ShockType::UtilisationTrend:
          // Rates grow from the shock's first year on: × (1 + g) in that year, × (1 + g)² the next, …
          level.admission_multiplier *= std::pow(1.0 + *shock.annual_growth, year - shock.from_year + 1);
          break;
        case ShockType::WageGrowth:
          wage_growth = *shock.annual_growth;
          break;  // the latest one in force wins
        case ShockType::EmployerRate:
          employer_rate = *shock.employer_rate;
          break;
        case ShockType::NewTechnology:
          level.group_cost_factor[shock.group_id] *= *shock.factor;
          break;
      }
    }
    if (year > 1) wage_level *= 1.0 + wage_growth;
    level.wage_level = wage_level;
    level.employee_contribution_scale =
        base_rates > 0 ? wage_level * (employer_rate + s.fund.individual_rate) / base_rates : 0.0;
    level.resident_contribution_scale = std::pow(1.0 + s.fund.premium_growth, y);
  }
  return years;
}

}  // namespace reformsim::agents
