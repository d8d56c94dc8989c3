// Validation against queueing theory: one hospital with c beds, Poisson admissions, exponential LOS and no
// outpatient care is an M/M/c queue; the share of admissions that wait, the mean wait and the occupancy must match
// Erlang C, and Little's law must hold. The warm-up year puts the ward in steady state from the first reported day.
#include <gtest/gtest.h>

#include <cmath>

#include "agents/world/world.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

// Erlang C: probability that an arrival waits, for c servers and offered load a = λ/μ.
double erlang_c(int c, double a) {
  double term = 1, sum = 0;
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  // term = a^c / c!
  const double rho = a / c;
  const double tail = term / (1 - rho);
  return tail / (sum + tail);
}

struct QueueStats {
  double arrivals = 0, waited = 0, wait_days = 0, queue_days = 0, bed_days = 0, days = 0;
};

QueueStats simulate(int beds, double lambda_per_day, double mean_los_days, int years, int replicates) {
  // The validation world: one ward, a fixed Poisson admission rate, the uniform 50-group
  // catalogue, exponential LOS, no outpatient care.
  const std::string yaml = "warmup_years: 1\nhorizon_years: " + std::to_string(years) +
                           "\ncatalogue: " + testing::source_path("scenarios/data/uniform50.csv") +
                           "\npopulation:\n  insured: 20000\n  regions: 1\n"
                           "demand:\n  outpatient_enabled: false\n  admissions_per_day: " +
                           std::to_string(lambda_per_day) + "\ncase_mix:\n  los_distribution: exponential\n" +
                           "hospitals:\n  - {name: Ward, tier: 2, beds: " + std::to_string(beds) +
                           ", los_index: " + std::to_string(mean_los_days / 5.0) + "}\n";
  const ScenarioConfig s = testing::scenario_from_yaml(yaml);
  QueueStats q;
  for (int r = 0; r < replicates; ++r) {
    World world(s, 99, static_cast<std::uint64_t>(r));
    const RunMetrics m = world.run();
    for (int y = 0; y < years; ++y) {
      const HospitalYearMetrics& h = m.hospital_years[0][static_cast<std::size_t>(y)];
      q.arrivals += h.admissions;
      q.waited += h.waited_admissions;
      q.wait_days += h.wait_days_sum;
      q.queue_days += h.queue_patient_days;
      q.bed_days += h.bed_days;
      q.days += 365;
    }
  }
  return q;
}

TEST(QueueingValidationTest, MMcAgreesWithErlangC) {
  const int c = 10;
  const double mean_los = 5.0, lambda = 1.6;  // offered load 8, utilisation 0.8
  const QueueStats q = simulate(c, lambda, mean_los, 10, 8);
  const double a = lambda * mean_los;
  const double p_wait = erlang_c(c, a);
  EXPECT_NEAR(p_wait, 0.409, 0.001);
  EXPECT_NEAR(q.waited / q.arrivals, p_wait, 0.05 * p_wait) << "Erlang C P(wait) " << p_wait;
  const double expected_wait = p_wait / (c / mean_los - lambda);
  const double wait = q.wait_days / q.arrivals;
  EXPECT_NEAR(wait, expected_wait, 0.12 * expected_wait) << "Erlang C mean wait " << expected_wait;
  const double occupancy = q.bed_days / (q.days * c);
  EXPECT_NEAR(occupancy, a / c, 0.02);
  EXPECT_NEAR(q.arrivals / q.days, lambda, 0.03 * lambda);
}

TEST(QueueingValidationTest, LittlesLawHolds) {
  // Time-average queue length = arrival rate × mean wait, up to the boundary effects of the year windows.
  const QueueStats q = simulate(6, 1.0, 5.0, 5, 2);
  const double queue_length = q.queue_days / q.days;
  const double little = (q.arrivals / q.days) * (q.wait_days / q.arrivals);
  EXPECT_NEAR(queue_length, little, 0.03 * little + 0.01);
  // And for the beds: mean occupied beds = arrival rate × mean LOS.
  EXPECT_NEAR(q.bed_days / q.days, (q.arrivals / q.days) * 5.0, 0.05 * 5.0);
}

}  // namespace
}  // namespace reformsim::agents
