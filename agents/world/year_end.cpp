// Year-end accounting of the World: DIP clearing, settlement against the global budget, the surplus hospitals keep
// and the regional pooling transfers. All of it runs in December's settlement, before the claims are paid.
#include <algorithm>
#include <cmath>

#include "agents/payer/global_budget.hpp"
#include "agents/payment/dip.hpp"
#include "agents/world/world.hpp"

namespace reformsim::agents {

void World::clear_dip_year(int year) {
  if (scenario_.payment.method_in_year(year) != "dip") return;
  const DipConfig& dip = scenario_.payment.section<DipConfig>("dip");
  double total_points = 0;
  for (double p : dip_points_) total_points += p;
  double point_value = dip.provisional_point_value_yuan;
  if (dip.annual_budget_yuan && total_points > 0) {
    point_value = dip_point_value(*dip.annual_budget_yuan, dip.reserve_share, total_points);
    // Year-end clearing: each hospital's points are re-valued; a negative adjustment is recovered by the fund.
    for (std::size_t h = 0; h < hospitals_.size(); ++h) {
      const std::int64_t adjustment_fen = to_fen(dip_points_[h] * (point_value - dip.provisional_point_value_yuan));
      ledger_.claim(h, adjustment_fen);
      schemes_.year_end_claim(h, adjustment_fen);
      regions_.year_end_claim(h, adjustment_fen);
      hospital_revenue_fen_[h] += adjustment_fen;
      HospitalYearMetrics& hy = metrics_.hospital_years[h][static_cast<std::size_t>(year)];
      hy.dip_clearing_yuan = to_yuan(adjustment_fen);
      hy.revenue_yuan += to_yuan(adjustment_fen);
    }
  }
  for (std::size_t h = 0; h < hospitals_.size(); ++h) {
    metrics_.hospital_years[h][static_cast<std::size_t>(year)].dip_points = dip_points_[h];
  }
  metrics_.dip_point_value_yuan[static_cast<std::size_t>(year)] = point_value;
  std::fill(dip_points_.begin(), dip_points_.end(), 0.0);
}

std::optional<double> World::regional_budget(int year) const {
  const GlobalBudgetConfig& gb = scenario_.payment.global_budget;
  switch (gb.mode) {
    case BudgetMode::None:
      return std::nullopt;
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

void World::settle_global_budget(int year) {
  const auto y = static_cast<std::size_t>(year);
  const std::size_t n = hospitals_.size();
  double spent = 0;
  for (std::size_t h = 0; h < n; ++h) {
    metrics_.hospital_years[h][y].budget_yuan = std::nan("");
    const HospitalYearMetrics& hy = metrics_.hospital_years[h][y];
    spent += hy.inpatient_fund_yuan - hy.clawed_back_yuan + hy.dip_clearing_yuan;
  }
  const std::optional<double> budget = regional_budget(year);
  if (budget && scenario_.payment.method_in_year(year) != "dip") {
    // Split by last year's spending; in the first year (no history) by beds.
    std::vector<double> weight(n);
    double total_weight = 0;
    for (std::size_t h = 0; h < n; ++h) {
      weight[h] = year > 0 && previous_inpatient_expenditure_yuan_ > 0 ? previous_inpatient_share_[h]
                                                                       : scenario_.hospitals[h].beds;
      total_weight += weight[h];
    }
    for (std::size_t h = 0; h < n; ++h) {
      HospitalYearMetrics& hy = metrics_.hospital_years[h][y];
      // Claims clawed back by audits were never owed: the hospital is judged on what it keeps.
      const BudgetSettlement b =
          settle_against_budget(*budget * weight[h] / total_weight, hy.inpatient_fund_yuan - hy.clawed_back_yuan,
                                scenario_.payment.global_budget);
      const std::int64_t adjustment_fen = to_fen(b.adjustment_yuan());
      ledger_.claim(h, adjustment_fen);
      schemes_.year_end_claim(h, adjustment_fen);
      regions_.year_end_claim(h, adjustment_fen);
      hospital_revenue_fen_[h] += adjustment_fen;
      hy.revenue_yuan += to_yuan(adjustment_fen);
      hy.budget_yuan = b.budget_yuan;
      hy.retained_surplus_yuan = b.retained_surplus_yuan;
      hy.fund_covered_overspend_yuan = b.fund_covered_overspend_yuan;
      hy.hospital_borne_overspend_yuan = b.hospital_borne_overspend_yuan;
      spent += to_yuan(adjustment_fen);
    }
  }
  // Next year's base: what the fund spent on inpatient care this year, and who received it.
  previous_inpatient_share_.assign(n, 0.0);
  for (std::size_t h = 0; h < n; ++h) {
    const HospitalYearMetrics& hy = metrics_.hospital_years[h][y];
    previous_inpatient_share_[h] = hy.inpatient_fund_yuan - hy.clawed_back_yuan + hy.dip_clearing_yuan +
                                   hy.retained_surplus_yuan - hy.hospital_borne_overspend_yuan;
  }
  previous_inpatient_expenditure_yuan_ = spent;
}

void World::fund_adjustment_fund(int year) {
  if (scenario_.fund.pooling.level != PoolingLevel::Province || year == 0) return;
  const std::size_t fund = regions_.units() - 1;
  for (std::size_t r = 0; r < fund; ++r) {
    const std::int64_t fen =
        to_fen(to_yuan(region_contributions_last_year_fen_[r]) * scenario_.fund.pooling.adjustment_fund_share);
    regions_.transfer(r, fund, fen);
    metrics_.adjustment_paid_in_yuan[static_cast<std::size_t>(year)] += to_yuan(fen);
  }
}

void World::cover_regional_deficits(int year) {
  const std::size_t fund = regions_.units() - 1;
  const auto y = static_cast<std::size_t>(year);
  if (scenario_.fund.pooling.level == PoolingLevel::Province) {
    // Requests: a share of each region's annual deficit; scaled down together if the fund cannot meet them all.
    std::vector<std::int64_t> request(fund, 0);
    std::int64_t requested = 0;
    for (std::size_t r = 0; r < fund; ++r) {
      const std::int64_t deficit = region_spent_this_year_fen_[r] - region_contributions_this_year_fen_[r];
      if (deficit > 0) request[r] = to_fen(to_yuan(deficit) * scenario_.fund.pooling.adjustment_cover_share);
      requested += request[r];
    }
    const std::int64_t available = std::max<std::int64_t>(0, regions_.balance_fen(fund));
    for (std::size_t r = 0; r < fund; ++r) {
      const std::int64_t granted =
          requested <= available
              ? request[r]
              : static_cast<std::int64_t>(static_cast<long double>(request[r]) * available / requested);
      regions_.transfer(fund, r, granted);
      metrics_.adjustment_paid_out_yuan[y] += to_yuan(granted);
    }
    metrics_.adjustment_fund_balance_yuan[y] = to_yuan(regions_.balance_fen(fund));
  }
  for (std::size_t r = 0; r < fund; ++r) {
    if (region_spent_this_year_fen_[r] > region_contributions_this_year_fen_[r]) metrics_.regions_in_deficit[y] += 1;
  }
  region_contributions_last_year_fen_ = region_contributions_this_year_fen_;
  std::fill(region_contributions_this_year_fen_.begin(), region_contributions_this_year_fen_.end(), 0);
  std::fill(region_spent_this_year_fen_.begin(), region_spent_this_year_fen_.end(), 0);
}

void World::record_surplus_and_performance_pay(int year) {
  const auto y = static_cast<std::size_t>(year);
  const bool dip_year = scenario_.payment.method_in_year(year) == "dip";
  for (std::size_t h = 0; h < hospitals_.size(); ++h) {
    HospitalYearMetrics& hy = metrics_.hospital_years[h][y];
    // Yichang rule: what the hospital keeps is its final DIP settlement minus what it billed.
    if (dip_year) hy.yichang_surplus_yuan = hy.settlement_yuan_sum + hy.dip_clearing_yuan - hy.bill_yuan_sum;
    const double surplus = dip_year ? std::max(0.0, hy.yichang_surplus_yuan) : hy.retained_surplus_yuan;
    hy.performance_pay_per_doctor_yuan =
        surplus * scenario_.payment.global_budget.performance_pay_share / scenario_.hospitals[h].doctors;
  }
}

}  // namespace reformsim::agents
