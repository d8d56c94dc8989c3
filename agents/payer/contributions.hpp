#pragma once
// Contributions to the pooled fund: contributing employees' monthly employer and individual contributions (scaled
// each year by wage growth and rate changes), credited at each month's settlement, and residents' premiums and
// subsidies, collected for the whole year in January. Who contributes is counted afresh each January, after the
// population's yearly update.
#include <cstdint>
#include <vector>

#include "agents/payer/fund_books.hpp"
#include "agents/world/component.hpp"
#include "agents/world/run_context.hpp"

namespace reformsim::agents {

/// Who pays in, and when.
class Contributions final : public Component {
 public:
  Contributions(RunContext& run, FundBooks& books);
  /// The year's employee contribution levels; residents' premiums and subsidies for the year.
  void on_year_start(int year, sim::Simulation& sim) override;
  /// The month's employee contributions, before the claims are paid.
  void on_settlement(std::size_t month, double now) override;

 private:
  RunContext& run_;
  FundBooks& books_;
  /// This year's contributors and residents, at first-year contribution levels.
  void count_contributors();

  std::int64_t monthly_employee_fen_ = 0;                       ///< this year's contributors, first-year level
  std::vector<std::int64_t> monthly_employee_by_region_fen_;    ///< the same by region
  std::int64_t annual_resident_fen_ = 0;                        ///< this year's residents, first-year level
  std::vector<std::int64_t> annual_resident_by_region_fen_;     ///< the same by region
  std::vector<std::int64_t> employee_this_year_by_region_fen_;  ///< this year's, summing to its total
  std::int64_t employee_this_year_fen_ = 0;
  bool counted_ = false;
};

}  // namespace reformsim::agents
