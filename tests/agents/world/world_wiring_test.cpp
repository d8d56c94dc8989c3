// The composition root: only configured components are built, the hooks run in their documented order, and a
// failure inside a run says when, during what and about whom it happened.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "agents/world/simulation_error.hpp"
#include "agents/world/world.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

std::size_t components_of(const std::string& shipped_city) {
  const ScenarioConfig s = load_scenario(testing::source_path("scenarios/city/" + shipped_city));
  return World(s, 1, 0).components();
}

TEST(WorldWiringTest, OnlyConfiguredComponentsAreBuilt) {
  // The core: books, demography, contributions, payment, inpatient and outpatient care, arrivals.
  EXPECT_EQ(components_of("baseline.yaml"), 7u);
  EXPECT_EQ(components_of("gaming_city.yaml"), 9u);         // + provider behaviour + supervision
  EXPECT_EQ(components_of("procurement_city.yaml"), 8u);    // + procurement
  EXPECT_EQ(components_of("primary_care_city.yaml"), 10u);  // + referrals + family doctors + alliances
}

// Records the calendar hooks it sees.
class CalendarProbe final : public Component {
 public:
  std::vector<std::string> seen;
  void on_run_start(sim::Simulation&) override { seen.push_back("run start"); }
  void on_year_start(int year, sim::Simulation&) override { seen.push_back("year start " + std::to_string(year)); }
  void on_month_end(std::size_t m, double) override { seen.push_back("month end " + std::to_string(m)); }
  void on_year_end(int year, double) override { seen.push_back("year end " + std::to_string(year)); }
  void on_settlement(std::size_t m, double) override { seen.push_back("settlement " + std::to_string(m)); }
  int claims = 0;
  void on_claim_paid(sim::Simulation&, ClaimOutcome&) override { ++claims; }
  void on_warmup_year_end() override {
    seen.push_back("warm-up year end");
    claims = 0;
  }
};

TEST(WorldWiringTest, CalendarHooksRunInTheirOrder) {
  const ScenarioConfig s = testing::scenario_from_yaml("warmup_years: 0\n" + testing::small_scenario_yaml(500));
  World world(s, 3, 0);
  CalendarProbe probe;
  world.attach(probe);
  const RunMetrics m = world.run();
  ASSERT_GE(probe.seen.size(), 5u);
  EXPECT_EQ(probe.seen[0], "run start");
  EXPECT_EQ(probe.seen[1], "year start 0");
  EXPECT_EQ(probe.seen[2], "month end 0");
  EXPECT_EQ(probe.seen[3], "settlement 0");
  // December: month end, then year end, then the settlement; the next year starts after it.
  const auto december = std::find(probe.seen.begin(), probe.seen.end(), "month end 11");
  ASSERT_NE(december, probe.seen.end());
  EXPECT_EQ(*(december + 1), "year end 0");
  EXPECT_EQ(*(december + 2), "settlement 11");
  EXPECT_EQ(*(december + 3), "year start 1");
  EXPECT_EQ(probe.seen.back(), "settlement 23");
  EXPECT_EQ(std::count(probe.seen.begin(), probe.seen.end(), "warm-up year end"), 0);
  double discharges = 0;
  for (const MonthMetrics& x : m.months) discharges += x.discharges;
  EXPECT_EQ(probe.claims, discharges);
}

TEST(WorldWiringTest, WarmUpYearsRepeatYearOneAndAreDiscarded) {
  const ScenarioConfig s = testing::scenario_from_yaml("warmup_years: 2\n" + testing::small_scenario_yaml(500));
  World world(s, 3, 0);
  CalendarProbe probe;
  world.attach(probe);
  const RunMetrics m = world.run();
  // Each warm-up year is reported as year 0 and closed after its December settlement; then year 0 for real.
  std::vector<std::string> expected{"run start"};
  for (int round = 0; round < 3; ++round) {
    expected.push_back("year start 0");
    for (int month = 0; month < 12; ++month) {
      expected.push_back("month end " + std::to_string(month));
      if (month == 11) expected.push_back("year end 0");
      expected.push_back("settlement " + std::to_string(month));
    }
    if (round < 2) expected.push_back("warm-up year end");
  }
  expected.push_back("year start 1");
  ASSERT_GE(probe.seen.size(), expected.size());
  EXPECT_EQ(std::vector<std::string>(probe.seen.begin(), probe.seen.begin() + static_cast<long>(expected.size())),
            expected);
  EXPECT_EQ(probe.seen.back(), "settlement 23");
  ASSERT_EQ(m.months.size(), 24u);
  // Only the reported years' claims are recorded, and the fund starts them from its initial balance.
  double discharges = 0;
  for (const MonthMetrics& x : m.months) discharges += x.discharges;
  EXPECT_EQ(probe.claims, discharges);
  const double initial = s.fund.initial_balance_per_insured_yuan * s.population.insured;
  EXPECT_NEAR(m.months[0].balance_yuan, initial + m.months[0].contributions_yuan - m.months[0].fund_expenditure_yuan,
              0.01);
}

// Fails at the end of its chosen month.
class FailingProbe final : public Component {
 public:
  void on_month_end(std::size_t m, double) override {
    if (m == 4) throw std::runtime_error("money not conserved: probe");
  }
};

TEST(WorldWiringTest, AFailureSaysWhenAndDuringWhat) {
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml(500));
  ASSERT_EQ(s.warmup_years, 1);
  World world(s, 3, 0);
  FailingProbe probe;
  world.attach(probe);
  try {
    world.run();
    FAIL() << "the run should have failed";
  } catch (const SimulationError& e) {
    // The default warm-up year fails first: its days count back from 1 January of start_year.
    EXPECT_STREQ(e.what(),
                 "day -214.0 (2023-06-01, warm-up), month-end settlement of 2023-05: money not conserved: probe");
  }
}

}  // namespace
}  // namespace reformsim::agents
