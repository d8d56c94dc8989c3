// Volume-based procurement inside a run: a drug table alone changes nothing; procurement cuts prices, bills and
// drug spending from its start year, agreed volumes follow the reports, savings are retained, shortages appear
// when a winner cannot supply, and the books still balance.
#include <gtest/gtest.h>

#include "agents/model/procurement_outputs.hpp"
#include "agents/procurement/procurement_declarations.hpp"
#include "agents/procurement/tender.hpp"
#include "agents/world/world.hpp"
#include "tests/agents/run_comparison.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

RunMetrics run(const std::string& extra) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(6000, extra));
  World world(s, 5, 0);
  return world.run();
}

std::string drugs(const std::string& generic_capacity = "0") {
  return "drugs:\n"
         "  - name: amlodipine\n"
         "    inpatient_use: [{mdc: F, units_per_case: 10}, {mdc: E, units_per_case: 4}]\n"
         "    outpatient_units_per_visit: 1.5\n"
         "    price_elasticity: 0.2\n"
         "    originator_loyalty: 0.2\n"
         "    products:\n"
         "      - {firm: O, originator: true, list_price_yuan: 4.6, base_share: 0.6, unit_cost_yuan: 3}\n"
         "      - {firm: G1, list_price_yuan: 1.6, base_share: 0.3, unit_cost_yuan: 0.55,"
         " capacity_units_per_year: " +
         generic_capacity +
         "}\n"
         "      - {firm: G2, evaluated: false, list_price_yuan: 1.2, base_share: 0.1}\n"
         "  - name: ceftriaxone\n"
         "    inpatient_use: [{mdc: E, units_per_case: 6}]\n"
         "    products:\n"
         "      - {firm: O, originator: true, list_price_yuan: 40, base_share: 0.4, unit_cost_yuan: 25}\n"
         "      - {firm: G3, list_price_yuan: 15, base_share: 0.6, unit_cost_yuan: 5}\n";
}

double year_sum(const RunMetrics& m, int year, double MonthMetrics::*field) {
  double s = 0;
  for (int t = 12 * year; t < 12 * year + 12; ++t) s += m.months[static_cast<std::size_t>(t)].*field;
  return s;
}

TEST(ProcurementWorldTest, ADrugTableWithoutProcurementChangesNothing) {
  const RunMetrics plain = run("");
  const RunMetrics with_drugs = run(drugs());
  expect_same_fund_and_care(plain, with_drugs);
  EXPECT_GT(year_sum(with_drugs, 0, &MonthMetrics::drug_spending_yuan), 0);
  EXPECT_EQ(with_drugs.cycles, 0u);
}

TEST(ProcurementWorldTest, TheWarmUpIsTheWorldBeforeProcurement) {
  // Procurement from year 1 after a warm-up year: the first tender is held on 1 January of year 1, not in the
  // warm-up, so there is one cycle per reported year and year 1 already buys at tender prices.
  const RunMetrics plain = run("warmup_years: 1\n" + drugs());
  const RunMetrics vbp = run("warmup_years: 1\n" + drugs() + "procurement: {start_year: 1}\n");
  ASSERT_EQ(vbp.cycles, 2u);
  EXPECT_LT(year_sum(vbp, 0, &MonthMetrics::drug_spending_yuan),
            0.7 * year_sum(plain, 0, &MonthMetrics::drug_spending_yuan));
  for (std::size_t d = 0; d < vbp.drugs; ++d) {
    EXPECT_GT(vbp.drug_cycles[d * vbp.cycles].reported_units, 0);  // the warm-up's use is the first report's history
    EXPECT_GT(vbp.drug_cycles[d * vbp.cycles + 1].winner_units, 0);
  }
}

TEST(ProcurementWorldTest, TendersCutPricesAndBillsFromTheirStartYear) {
  const RunMetrics plain = run(drugs());
  const RunMetrics vbp = run(drugs() + "procurement: {start_year: 2}\n");
  ASSERT_EQ(vbp.cycles, 1u);
  // Year 1 is the reporting history: identical.
  for (int t = 0; t < 12; ++t) {
    EXPECT_EQ(plain.months[t].bill_yuan_sum, vbp.months[t].bill_yuan_sum);
    EXPECT_EQ(plain.months[t].drug_spending_yuan, vbp.months[t].drug_spending_yuan);
  }
  EXPECT_LT(year_sum(vbp, 1, &MonthMetrics::bill_yuan_sum), year_sum(plain, 1, &MonthMetrics::bill_yuan_sum));
  EXPECT_LT(year_sum(vbp, 1, &MonthMetrics::drug_spending_yuan),
            0.7 * year_sum(plain, 1, &MonthMetrics::drug_spending_yuan));
  EXPECT_GT(year_sum(vbp, 1, &MonthMetrics::drug_units), year_sum(plain, 1, &MonthMetrics::drug_units));
  const ProcurementConfig defaults = config::defaults_of(procurement_binding());
  for (std::size_t d = 0; d < vbp.drugs; ++d) {
    const DrugCycleMetrics& c = vbp.drug_cycles[d];
    EXPECT_EQ(c.excluded_reports, 0);
    EXPECT_NEAR(c.agreed_units, agreed_volume_ratio(static_cast<std::size_t>(c.winners), defaults) * c.reported_units,
                1e-6 * c.agreed_units);
    EXPECT_GT(c.winner_units, 0);
    EXPECT_LE(c.winner_units, c.total_units);
    EXPECT_GT(c.retained_savings_yuan, 0);
  }
  double retained = 0;
  for (const auto& years : vbp.hospital_years) retained += years[1].vbp_retained_savings_yuan;
  EXPECT_NEAR(retained, vbp.drug_cycles[0].retained_savings_yuan + vbp.drug_cycles[1].retained_savings_yuan, 0.05);
}

TEST(ProcurementWorldTest, ReportsCoverTheWholeCycle) {
  std::string yaml = testing::small_scenario_yaml(
      6000, drugs() + "procurement: {start_year: 2, cycle_years: 2, report_noise_cv: 0}\n");
  yaml.replace(yaml.find("horizon_years: 2"), 16, "horizon_years: 3");
  const ScenarioConfig s = testing::scenario_from_yaml(yaml);
  World world(s, 5, 0);
  const RunMetrics m = world.run();
  ASSERT_EQ(m.cycles, 1u);
  double reported = 0;
  for (std::size_t d = 0; d < m.drugs; ++d) reported += m.drug_cycles[d].reported_units;
  // Two years of last year's use, less the 10% conservative bias.
  EXPECT_NEAR(reported, 2 * 0.9 * year_sum(m, 0, &MonthMetrics::drug_units), 1e-6 * reported);
}

TEST(ProcurementWorldTest, ACycleCutShortByTheHorizonSavesOnTheYearsItRan) {
  // A three-year cycle of which one year runs retains what a one-year cycle does: same budget year, same spending.
  const RunMetrics one = run(drugs() + "procurement: {start_year: 2, cycle_years: 1}\n");
  const RunMetrics three = run(drugs() + "procurement: {start_year: 2, cycle_years: 3}\n");
  double saved_one = 0, saved_three = 0;
  for (const auto& years : one.hospital_years) saved_one += years[1].vbp_retained_savings_yuan;
  for (const auto& years : three.hospital_years) saved_three += years[1].vbp_retained_savings_yuan;
  EXPECT_GT(saved_one, 0);
  EXPECT_NEAR(saved_three, saved_one, 0.05);
}

TEST(ProcurementWorldTest, TheCycleAxisCoversEveryArmsCycles) {
  // The first arm has no procurement: the axis still carries the other arm's cycles, by calendar start year.
  const ScenarioConfig none = testing::scenario_from_yaml(testing::small_scenario_yaml(100, drugs()));
  const ScenarioConfig vbp =
      testing::scenario_from_yaml(testing::small_scenario_yaml(100, drugs() + "procurement: {start_year: 2}\n"));
  const auto axes = procurement_axes(none, {&none, &vbp});
  ASSERT_EQ(axes.size(), 2u);
  EXPECT_EQ(axes[0].labels, (std::vector<std::string>{"amlodipine", "ceftriaxone"}));
  EXPECT_EQ(axes[1].labels, (std::vector<std::string>{"2025"}));
  EXPECT_EQ(procurement_axes(none, {&none})[1].labels, (std::vector<std::string>{"none"}));
}

TEST(ProcurementWorldTest, AWinnerAtCapacityLeavesAShortage) {
  const RunMetrics m = run(drugs("20000") + "procurement: {start_year: 2}\n");
  const DrugCycleMetrics& amlodipine = m.drug_cycles[0];
  EXPECT_EQ(amlodipine.winners, 1);
  EXPECT_NEAR(amlodipine.winner_units, 20000, 1e-6);
  EXPECT_GT(amlodipine.shortage_units, 0);
  // Out of stock, the units are bought at the other products' prices: never above the dearest list price.
  EXPECT_LE(amlodipine.spend_yuan / amlodipine.total_units, 4.6);
  EXPECT_GT(amlodipine.spend_yuan / amlodipine.total_units, 0.66);
}

}  // namespace
}  // namespace reformsim::agents
