#include "agents/payer/regional_budget.hpp"

#include <cmath>

#include "agents/payer/global_budget.hpp"
#include "agents/payer/income_pot.hpp"

namespace reformsim::agents {

RegionalBudget::RegionalBudget(RunContext& run, FundBooks& books, const PaymentCycle& payment)
    : run_(run), books_(books), payment_(payment) {}

std::optional<double> RegionalBudget::budget_of(int year) const {
  const GlobalBudgetConfig& gb = run_.scenario.payment.global_budget;
  switch (gb.mode) {
    case BudgetMode::None:
      return std::nullopt;
    case BudgetMode::Income:
      // The growth cap applies over the previous year's inpatient pot, whichever rule set it.
      return income_pot_yuan(gb.income_pot, run_.metrics.projected_income_yuan[static_cast<std::size_t>(year)],
                             year > 0 && std::isfinite(run_.metrics.pot_yuan[static_cast<std::size_t>(year) - 1])
                                 ? std::optional<double>(run_.metrics.pot_yuan[static_cast<std::size_t>(year) - 1])
                                 : std::nullopt);
    case BudgetMode::Fixed:
      return gb.fixed_budget_yuan;
    case BudgetMode::GrowthCap:
      if (year == 0) {
        if (!gb.base_expenditure_yuan) return std::nullopt;  // the first year only sets the base
        return *gb.base_expenditure_yuan * (1.0 + gb.growth_cap);
      }
      return previous_inpatient_expenditure_yuan_ * (1.0 + gb.growth_cap);
  }
  return std::nullopt;
}

void RegionalBudget::on_year_end(int year, double) {
  const auto y = static_cast<std::size_t>(year);
  const std::size_t n = run_.hospitals();
  auto& years = run_.metrics.hospital_years;
  double spent = 0;
  for (std::size_t h = 0; h < n; ++h) {
    const HospitalYearMetrics& hy = years[h][y];
    spent += hy.inpatient_fund_yuan - hy.clawed_back_yuan + hy.dip_clearing_yuan;
  }
  const std::optional<double> budget = budget_of(year);
  if (budget && !payment_.any_rule_has_own_pot()) {
    run_.metrics.pot_yuan[y] = *budget;
    // Split by last year's spending; in the first year (no history) by beds.
    std::vector<double> weight(n);
    double total_weight = 0;
    for (std::size_t h = 0; h < n; ++h) {
      weight[h] = year > 0 && previous_inpatient_expenditure_yuan_ > 0 ? previous_inpatient_share_[h]
                                                                       : run_.scenario.hospitals[h].beds;
      total_weight += weight[h];
    }
    for (std::size_t h = 0; h < n; ++h) {
      HospitalYearMetrics& hy = years[h][y];
      // Claims clawed back by audits were never owed: the hospital is judged on what it keeps.
      const BudgetSettlement b =
          settle_against_budget(*budget * weight[h] / total_weight, hy.inpatient_fund_yuan - hy.clawed_back_yuan,
                                run_.scenario.payment.global_budget);
      const std::int64_t adjustment_fen = to_fen(b.adjustment_yuan());
      books_.settle_year_end(h, adjustment_fen, year);
      hy.budget_yuan = b.budget_yuan;
      hy.retained_surplus_yuan = b.retained_surplus_yuan;
      hy.fund_covered_overspend_yuan = b.fund_covered_overspend_yuan;
      hy.hospital_borne_overspend_yuan = b.hospital_borne_overspend_yuan;
      hy.performance_pay_per_doctor_yuan = performance_pay_per_doctor_yuan(hy.retained_surplus_yuan, run_.scenario, h);
      spent += to_yuan(adjustment_fen);
    }
  }
  // Next year's base: what the fund spent on inpatient care this year, and who received it.
  previous_inpatient_share_.assign(n, 0.0);
  for (std::size_t h = 0; h < n; ++h) {
    const HospitalYearMetrics& hy = years[h][y];
    previous_inpatient_share_[h] = hy.inpatient_fund_yuan - hy.clawed_back_yuan + hy.dip_clearing_yuan +
                                   hy.retained_surplus_yuan - hy.hospital_borne_overspend_yuan;
  }
  previous_inpatient_expenditure_yuan_ = spent;
}

}  // namespace reformsim::agents
