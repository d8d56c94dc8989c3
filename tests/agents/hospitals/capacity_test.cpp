// Beds over the years and the queue's limit: planned growth, expansion after a year of high occupancy (after the
// lag, within the cap), patients who leave a queue after the longest wait (to another hospital, out of the region
// at the fund's expense, or untreated) with the money conserved, and no leaving without a limit.
#include <gtest/gtest.h>

#include <cmath>

#include "agents/world/world.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

// A crowded city: 20,000 insured (≈ 3,300 admissions a year, ≈ 80 beds' worth) on few beds; patients wait.
RunMetrics run(const std::string& capacity, int years = 3) {
  const ScenarioConfig s =
      testing::scenario_from_yaml("name: crowded\nwarmup_years: 0\nhorizon_years: " + std::to_string(years) +
                                  "\ncatalogue: " + testing::city_catalogue() +
                                  "\ndemand: {outpatient_enabled: false}\n"
                                  "population: {insured: 20000, regions: 1}\n"
                                  "hospitals:\n"
                                  "  - {name: Tertiary, tier: 3, beds: 30}\n"
                                  "  - {name: Secondary, tier: 2, beds: 20}\n"
                                  "  - {name: Primary, tier: 1, beds: 10}\n" +
                                  capacity);
  return World(s, 7, 0).run();
}

double sum(const RunMetrics& m, std::size_t year, double HospitalYearMetrics::*field) {
  double total = 0;
  for (const auto& years : m.hospital_years) total += years[year].*field;
  return total;
}

TEST(CapacityTest, PlannedGrowthCompoundsEveryHospitalsBeds) {
  const RunMetrics m = run("capacity: {rule: planned, planned_growth: 0.1}\n");
  const int initial[] = {30, 20, 10};
  for (std::size_t h = 0; h < 3; ++h) {
    for (std::size_t y = 0; y < 3; ++y)
      EXPECT_EQ(m.hospital_years[h][y].beds, std::lround(initial[h] * std::pow(1.1, static_cast<double>(y))));
  }
}

TEST(CapacityTest, BedsCloseAsTheyEmpty) {
  const RunMetrics m = run("capacity: {rule: planned, planned_growth: -0.5}\n");
  for (const auto& years : m.hospital_years) {
    for (const HospitalYearMetrics& hy : years) EXPECT_LE(hy.bed_days, hy.beds * 365.0 + 1e-6);
  }
}

TEST(CapacityTest, HighOccupancyOpensBedsAfterTheLagWithinTheCap) {
  const RunMetrics m =
      run("capacity: {rule: occupancy, occupancy_threshold: 0.8, expansion_share: 0.25, lag_years: 2, "
          "max_beds_ratio: 1.5}\n",
          5);
  // Full all year 1 → +25% decided at its end, open in January of year 3 (lag 2); year 2 decides nothing while
  // those beds are pending; year 3 decides again, for year 5, within the cap.
  EXPECT_EQ(m.hospital_years[0][0].beds, 30);
  EXPECT_EQ(m.hospital_years[0][1].beds, 30);
  EXPECT_EQ(m.hospital_years[0][2].beds, 38);
  EXPECT_EQ(m.hospital_years[0][3].beds, 38);
  EXPECT_EQ(m.hospital_years[0][4].beds, 45);  // 38 + 10, capped at 1.5 × 30
}

TEST(CapacityTest, PatientsLeaveTheQueueAfterTheLongestWaitAndEveryOutcomeIsCounted) {
  const RunMetrics fixed = run("");
  const RunMetrics limited = run(
      "capacity: {max_wait_days: 14, leave_to_other_hospital: 0.2, leave_out_of_region: 0.5, leave_untreated: 0.3}\n");
  double leavers = 0, other = 0, out = 0, untreated = 0, out_fund = 0, waited = 0, admissions = 0;
  for (std::size_t y = 0; y < 3; ++y) {
    EXPECT_EQ(sum(fixed, y, &HospitalYearMetrics::queue_leavers), 0);  // no limit: nobody leaves
    leavers += sum(limited, y, &HospitalYearMetrics::queue_leavers);
    other += sum(limited, y, &HospitalYearMetrics::left_to_other_hospital);
    out += sum(limited, y, &HospitalYearMetrics::left_out_of_region);
    untreated += sum(limited, y, &HospitalYearMetrics::left_untreated);
    out_fund += sum(limited, y, &HospitalYearMetrics::out_of_region_fund_yuan);
    waited += sum(limited, y, &HospitalYearMetrics::wait_days_sum);
    admissions += sum(limited, y, &HospitalYearMetrics::admissions);
  }
  ASSERT_GT(leavers, 100);
  EXPECT_EQ(leavers, other + out + untreated);
  // Another hospital needs a free bed, and in a city this full there rarely is one: those go out of the region.
  EXPECT_LE(other, 0.2 * leavers + 3 * std::sqrt(leavers));
  EXPECT_NEAR(untreated / leavers, 0.3, 4 * std::sqrt(0.3 * 0.7 / leavers));
  EXPECT_GT(out_fund, 0);
  EXPECT_LE(waited / admissions, 14.0);  // no admission waited longer than the limit
  double fixed_waited = 0, fixed_admissions = 0;
  for (std::size_t y = 0; y < 3; ++y) {
    fixed_waited += sum(fixed, y, &HospitalYearMetrics::wait_days_sum);
    fixed_admissions += sum(fixed, y, &HospitalYearMetrics::admissions);
  }
  EXPECT_GT(fixed_waited / fixed_admissions, 14.0);  // the same city without a limit: months-long queues
}

}  // namespace
}  // namespace reformsim::agents
