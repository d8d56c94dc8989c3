// Stress-test shocks and growth: the yearly levels they imply, their effect on a simulated city,
// and their validation.
#include <gtest/gtest.h>

#include <cmath>

#include "agents/world/shock_schedule.hpp"
#include "agents/world/world.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

std::string three_years(const std::string& extra) {
  std::string yaml = testing::small_scenario_yaml(4000, extra);
  yaml.replace(yaml.find("horizon_years: 2"), 16, "horizon_years: 3");
  return yaml;
}

TEST(ShockScheduleTest, LevelsByYear) {
  const ScenarioConfig s = testing::scenario_from_yaml(
      three_years("fund:\n  wage_growth: 0.05\n  premium_growth: 0.10\n  employer_rate: 0.07\n  individual_rate: 0.02\n"
                  "shocks:\n"
                  "  - {type: admission_surge, from_year: 2, to_year: 2, factor: 1.5}\n"
                  "  - {type: ageing_drift, from_year: 2, annual_growth: 0.02}\n"
                  "  - {type: wage_growth, from_year: 3, annual_growth: 0.01}\n"
                  "  - {type: employer_rate, from_year: 3, employer_rate: 0.06}\n"
                  "  - {type: new_technology, from_year: 3, group: FM13, factor: 1.4}\n"));
  const std::vector<YearLevels> y = shock_schedule(s);
  ASSERT_EQ(y.size(), 3u);
  EXPECT_DOUBLE_EQ(y[0].admission_multiplier, 1.0);
  EXPECT_DOUBLE_EQ(y[1].admission_multiplier, 1.5 * 1.02);
  EXPECT_DOUBLE_EQ(y[2].admission_multiplier, 1.02 * 1.02);  // the surge is over, the drift compounds
  EXPECT_DOUBLE_EQ(y[1].wage_level, 1.05);
  EXPECT_DOUBLE_EQ(y[2].wage_level, 1.05 * 1.01);
  EXPECT_DOUBLE_EQ(y[1].employee_contribution_scale, 1.05);
  EXPECT_NEAR(y[2].employee_contribution_scale, 1.05 * 1.01 * 0.08 / 0.09, 1e-12);
  EXPECT_NEAR(y[2].resident_contribution_scale, 1.21, 1e-12);
  const std::size_t fm13 = *s.catalogue->find("FM13");
  EXPECT_DOUBLE_EQ(y[1].group_cost_factor[fm13], 1.0);
  EXPECT_DOUBLE_EQ(y[2].group_cost_factor[fm13], 1.4);
}

double admissions_in_year(const RunMetrics& m, int year) {
  double n = 0;
  for (int i = 12 * year; i < 12 * (year + 1); ++i) n += m.months[static_cast<std::size_t>(i)].admissions;
  return n;
}

TEST(ShockWorldTest, AnEpidemicSurgeRaisesAdmissionsOnlyWhileItLasts) {
  const ScenarioConfig base = testing::scenario_from_yaml(three_years(""));
  const ScenarioConfig surge = testing::scenario_from_yaml(
      three_years("shocks: [{type: admission_surge, from_year: 2, to_year: 2, factor: 1.5}]\n"));
  World a(base, 8, 0), b(surge, 8, 0);
  const RunMetrics x = a.run(), y = b.run();
  EXPECT_EQ(admissions_in_year(x, 0), admissions_in_year(y, 0));  // same draws before the shock
  EXPECT_NEAR(admissions_in_year(y, 1) / admissions_in_year(x, 1), 1.5, 0.1);
  EXPECT_NEAR(admissions_in_year(y, 2) / admissions_in_year(x, 2), 1.0, 0.08);
}

TEST(ShockWorldTest, AContributionCutLowersIncomeFromItsYear) {
  const ScenarioConfig base = testing::scenario_from_yaml(three_years(""));
  const ScenarioConfig cut =
      testing::scenario_from_yaml(three_years("shocks: [{type: employer_rate, from_year: 3, employer_rate: 0.05}]\n"));
  World a(base, 8, 0), b(cut, 8, 0);
  const RunMetrics x = a.run(), y = b.run();
  EXPECT_EQ(x.months[5].contributions_yuan, y.months[5].contributions_yuan);
  EXPECT_NEAR(y.months[30].contributions_yuan / x.months[30].contributions_yuan, 0.07 / 0.09, 1e-3);
}

TEST(ShockValidationTest, BadShocks) {
  const auto errors_of = testing::config_errors_of;
  const std::string e =
      errors_of(three_years("shocks:\n"
                            "  - {type: admission_surge, from_year: 5, factor: 2}\n"
                            "  - {type: new_technology, from_year: 2, group: ZZ99, factor: 2}\n"
                            "  - {type: ageing_drift, from_year: 2}\n"
                            "  - {type: wage_growth, from_year: 2, annual_growth: 0.01, factor: 2}\n"));
  EXPECT_NE(e.find("shocks[0].from_year: shock in year 5 is after the horizon"), std::string::npos) << e;
  EXPECT_NE(e.find("shocks[1].group: group 'ZZ99' is not in the catalogue"), std::string::npos) << e;
  EXPECT_NE(e.find("shocks[2]: 'ageing_drift' shocks need 'annual_growth'"), std::string::npos) << e;
  EXPECT_NE(e.find("shocks[3].factor: does not apply to 'wage_growth' shocks"), std::string::npos) << e;
}

}  // namespace
}  // namespace reformsim::agents
