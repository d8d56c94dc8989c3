// The fund's books: every posting reaches the pool, the scheme and regional funds and the hospital's revenue at
// once; year-end settlements follow the year's inpatient shares; the month end pays, records and checks.
#include "agents/payer/fund_books.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "agents/payer/contributions.hpp"
#include "agents/world/world.hpp"
#include "sim/engine/simulation.hpp"
#include "tests/agents/run_fixture.hpp"

namespace reformsim::agents {
namespace {

std::string two_region_city(const std::string& extra = "") {
  std::string yaml = testing::small_scenario_yaml(1000, extra);
  yaml.replace(yaml.find("regions: 1"), 10, "regions: 2");
  return yaml;
}

TEST(FundBooksTest, APostingReachesThePoolTheSubAccountsAndTheRevenue) {
  testing::RunFixture f(two_region_city());
  FundBooks books(f.run);
  const double initial = to_yuan(books.balance_fen());
  books.pay_for_care(0, Scheme::Resident, 1, 10000, 2500, true, 0);
  EXPECT_DOUBLE_EQ(f.metrics.hospital_years[0][0].revenue_yuan, 125.0);
  EXPECT_EQ(books.patient_received_fen(0), 2500);
  EXPECT_EQ(books.fund_received_fen(0), 0);  // claims wait for the settlement
  books.on_settlement(0, 31);
  const MonthMetrics& month = f.metrics.months[0];
  EXPECT_DOUBLE_EQ(month.fund_expenditure_yuan, 100.0);
  EXPECT_DOUBLE_EQ(month.resident_expenditure_yuan, 100.0);
  EXPECT_DOUBLE_EQ(month.employee_expenditure_yuan, 0.0);
  EXPECT_DOUBLE_EQ(month.balance_yuan, initial - 100.0);
  EXPECT_NEAR(month.region_balance_yuan[0] + month.region_balance_yuan[1], month.balance_yuan, 1e-6);
  EXPECT_DOUBLE_EQ(month.months_of_reserve, month.balance_yuan / 100.0);  // one month in the window
  EXPECT_EQ(books.fund_received_fen(0), 10000);
  EXPECT_NO_THROW(books.check_conservation());
}

TEST(FundBooksTest, YearEndSettlementsAreSharedByTheYearsInpatientClaims) {
  testing::RunFixture f(two_region_city());
  FundBooks books(f.run);
  books.pay_for_care(0, Scheme::Employee, 0, 3000, 0, true, 0);
  books.pay_for_care(0, Scheme::Resident, 1, 1000, 0, true, 0);
  books.pay_for_care(0, Scheme::Employee, 0, 5000, 0, false, 0);  // outpatient: no share of year-end settlements
  books.on_settlement(0, 31);
  books.settle_year_end(0, 400, 0);
  books.on_settlement(1, 59);
  EXPECT_DOUBLE_EQ(f.metrics.months[1].employee_expenditure_yuan, 3.0);
  EXPECT_DOUBLE_EQ(f.metrics.months[1].resident_expenditure_yuan, 1.0);
  EXPECT_DOUBLE_EQ(f.metrics.hospital_years[0][0].revenue_yuan, 30 + 10 + 50 + 4.0);
  // A new year of shares: with none yet, the last unit takes a year-end settlement.
  books.on_year_end(0, 365);
  books.settle_year_end(0, -200, 1);
  books.on_settlement(12, 396);
  EXPECT_DOUBLE_EQ(f.metrics.months[12].employee_expenditure_yuan, 0.0);
  EXPECT_DOUBLE_EQ(f.metrics.months[12].resident_expenditure_yuan, -2.0);
  EXPECT_NO_THROW(books.check_conservation());
}

TEST(FundBooksTest, SplitSettlementsFollowTheGivenParts) {
  testing::RunFixture f(two_region_city());
  FundBooks books(f.run);
  books.settle_split(1, 1000, {600, 400}, {250, 750, 0}, 0);
  books.on_settlement(0, 31);
  EXPECT_DOUBLE_EQ(f.metrics.months[0].employee_expenditure_yuan, 6.0);
  EXPECT_DOUBLE_EQ(f.metrics.months[0].resident_expenditure_yuan, 4.0);
  EXPECT_DOUBLE_EQ(f.metrics.hospital_years[1][0].revenue_yuan, 10.0);
  EXPECT_NO_THROW(books.check_conservation());
}

TEST(ContributionsTest, EmployeesMonthlyResidentsInJanuary) {
  testing::RunFixture f(two_region_city());
  FundBooks books(f.run);
  Contributions contributions(f.run, books);
  sim::Simulation sim;
  contributions.on_year_start(0, sim);
  std::int64_t employee_fen = 0;
  double residents = 0;
  for (std::size_t p = 0; p < f.population.size(); ++p) {
    employee_fen += f.population.monthly_contribution_fen(p);
    residents += f.population.scheme(p) == Scheme::Resident;
  }
  EXPECT_DOUBLE_EQ(f.metrics.months[0].resident_contributions_yuan, residents * (350.0 + 610.0));
  contributions.on_settlement(0, 31);
  books.on_settlement(0, 31);
  contributions.on_settlement(1, 59);
  EXPECT_DOUBLE_EQ(f.metrics.months[0].employee_contributions_yuan, to_yuan(employee_fen));
  EXPECT_DOUBLE_EQ(f.metrics.months[1].employee_contributions_yuan, to_yuan(employee_fen));
  EXPECT_DOUBLE_EQ(f.metrics.months[1].resident_contributions_yuan, 0.0);
}

TEST(SchemeFundsTest, EmployeeAndResidentFundsAddUpToThePool) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(
      3000, "payment:\n  method: dip\n  dip:\n    catalogue: " +
                testing::source_path("scenarios/data/dip_catalogue.csv") + "\n    annual_budget_yuan: 2000000\n"));
  World world(s, 6, 0);
  const RunMetrics m = world.run();
  for (std::size_t i = 0; i < m.months.size(); ++i) {
    const MonthMetrics& x = m.months[i];
    EXPECT_NEAR(x.employee_balance_yuan + x.resident_balance_yuan, x.balance_yuan, 0.005) << i;
    EXPECT_NEAR(x.employee_expenditure_yuan + x.resident_expenditure_yuan, x.fund_expenditure_yuan, 0.005) << i;
    EXPECT_NEAR(x.employee_contributions_yuan + x.resident_contributions_yuan, x.contributions_yuan, 0.005) << i;
    // Residents pay once a year, in January; employees every month.
    if (i % 12 != 0) {
      EXPECT_EQ(x.resident_contributions_yuan, 0.0) << i;
    }
    EXPECT_GT(x.employee_contributions_yuan, 0.0) << i;
  }
}

// Province-level pooling: regions pay a share of last year's contributions into the adjustment fund each January,
// and it covers part of the regions' annual deficits at year end; the books still add up to the pool.
TEST(PoolingTest, AdjustmentFundCollectsAndCovers) {
  std::string yaml = testing::small_scenario_yaml(
      6000,
      "fund:\n  pooling: {level: province, adjustment_fund_share: 0.05, adjustment_cover_share: 0.5}\n"
      "  resident_premium_yuan: 100\n  resident_subsidy_yuan: 100\n  employer_rate: 0.01\n  individual_rate: 0.0\n");
  yaml.replace(yaml.find("regions: 1"), 10, "regions: 3");
  yaml.replace(yaml.find("horizon_years: 2"), 16, "horizon_years: 3");
  const ScenarioConfig s = testing::scenario_from_yaml(yaml);
  World world(s, 9, 0);
  const RunMetrics m = world.run();                     // throws if regional accounts and the pool disagree
  EXPECT_DOUBLE_EQ(m.adjustment_paid_in_yuan[0], 0.0);  // no previous year to draw on
  EXPECT_GT(m.adjustment_paid_in_yuan[1], 0.0);
  EXPECT_GT(m.regions_in_deficit[1], 0.0);  // 200-yuan premiums and a 1% rate cannot carry the care
  EXPECT_GT(m.adjustment_paid_out_yuan[1], 0.0);
  EXPECT_LE(m.adjustment_paid_out_yuan[1], m.adjustment_paid_in_yuan[1] + 1e-6);
  EXPECT_NEAR(m.adjustment_fund_balance_yuan[1], m.adjustment_paid_in_yuan[1] - m.adjustment_paid_out_yuan[1], 0.02);
  const MonthMetrics& last = m.months.back();
  double regions = 0;
  for (double b : last.region_balance_yuan) regions += b;
  EXPECT_NEAR(regions + m.adjustment_fund_balance_yuan[2], last.balance_yuan, 0.05);
}

TEST(PoolingTest, CityPoolingHasNoAdjustmentFund) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(2000));
  World world(s, 9, 0);
  const RunMetrics m = world.run();
  EXPECT_TRUE(std::isnan(m.adjustment_fund_balance_yuan[1]));
  EXPECT_EQ(m.adjustment_paid_in_yuan[1], 0.0);
}

}  // namespace
}  // namespace reformsim::agents
