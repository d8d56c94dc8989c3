// A warm start puts year 1 in steady state: in the shipped default city with nothing changing, every headline
// outcome of year 1 equals year 3's within sampling error. The test: over R replicates, the paired difference
// d = year 3 − year 1 of each outcome must satisfy |mean(d)| ≤ 4 × sd(d)/√R (a t statistic below 4, R − 1 degrees
// of freedom). A cold start (warmup_years: 0) must fail it for mean LOS, or the test could not tell them apart.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "agents/scenario/scenario_loader.hpp"
#include "agents/world/world.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

constexpr int kReplicates = 10;

struct Outcome {
  std::string name;
  std::function<double(const RunMetrics&, std::size_t year)> of;
};

double sum_months(const RunMetrics& m, std::size_t year, double MonthMetrics::*field) {
  double s = 0;
  for (std::size_t i = year * 12; i < year * 12 + 12; ++i) s += m.months[i].*field;
  return s;
}

double sum_hospitals(const RunMetrics& m, std::size_t year, double HospitalYearMetrics::*field) {
  double s = 0;
  for (const auto& h : m.hospital_years) s += h[year].*field;
  return s;
}

const std::vector<Outcome>& headline_outcomes() {
  static const std::vector<Outcome> outcomes{
      {"admissions", [](const RunMetrics& m, std::size_t y) { return sum_months(m, y, &MonthMetrics::admissions); }},
      {"cost per case",
       [](const RunMetrics& m, std::size_t y) {
         return sum_months(m, y, &MonthMetrics::bill_yuan_sum) / sum_months(m, y, &MonthMetrics::discharges);
       }},
      {"OOP share",
       [](const RunMetrics& m, std::size_t y) {
         return sum_months(m, y, &MonthMetrics::patient_share_yuan_sum) /
                sum_months(m, y, &MonthMetrics::bill_yuan_sum);
       }},
      {"mean LOS",
       [](const RunMetrics& m, std::size_t y) {
         return sum_months(m, y, &MonthMetrics::los_days_sum) / sum_months(m, y, &MonthMetrics::discharges);
       }},
      {"CMI",
       [](const RunMetrics& m, std::size_t y) {
         return sum_months(m, y, &MonthMetrics::weight_sum) / sum_months(m, y, &MonthMetrics::discharges);
       }},
      {"bed-days",
       [](const RunMetrics& m, std::size_t y) { return sum_hospitals(m, y, &HospitalYearMetrics::bed_days); }},
      {"hospital margin",
       [](const RunMetrics& m, std::size_t y) {
         const double cost = sum_hospitals(m, y, &HospitalYearMetrics::cost_yuan);
         return (sum_hospitals(m, y, &HospitalYearMetrics::revenue_yuan) - cost) / cost;
       }},
      {"fund expenditure",
       [](const RunMetrics& m, std::size_t y) { return sum_months(m, y, &MonthMetrics::fund_expenditure_yuan); }},
      {"time index", [](const RunMetrics& m, std::size_t y) { return m.city_time_index[y]; }},
      {"cost index", [](const RunMetrics& m, std::size_t y) { return m.city_cost_index[y]; }},
  };
  return outcomes;
}

// t statistic of year 3 − year 1 for each headline outcome.
std::vector<double> year3_vs_year1(int warmup_years) {
  ScenarioConfig s = load_scenario(testing::source_path("scenarios/city/baseline.yaml"));
  s.warmup_years = warmup_years;
  EXPECT_EQ(s.horizon_years, 3);
  const std::vector<Outcome>& outcomes = headline_outcomes();
  std::vector<std::vector<double>> d(outcomes.size());
  for (int r = 0; r < kReplicates; ++r) {
    const RunMetrics m = World(s, 20261202, static_cast<std::uint64_t>(r)).run();
    for (std::size_t k = 0; k < outcomes.size(); ++k) d[k].push_back(outcomes[k].of(m, 2) - outcomes[k].of(m, 0));
  }
  std::vector<double> t;
  for (const std::vector<double>& x : d) {
    double mean = 0, ss = 0;
    for (double v : x) mean += v / x.size();
    for (double v : x) ss += (v - mean) * (v - mean);
    const double se = std::sqrt(ss / (x.size() - 1) / x.size());
    t.push_back(se > 0 ? mean / se : (mean == 0 ? 0 : INFINITY));
  }
  return t;
}

TEST(WarmStartTest, YearOneEqualsYearThreeWithNothingChanging) {
  const std::vector<double> t = year3_vs_year1(1);
  for (std::size_t k = 0; k < t.size(); ++k) {
    std::printf("%s: t = %.2f\n", headline_outcomes()[k].name.c_str(), t[k]);
    EXPECT_LT(std::abs(t[k]), 4.0) << headline_outcomes()[k].name << ": year 3 − year 1, t = " << t[k];
  }
}

TEST(WarmStartTest, AColdStartIsDetectablyOutOfSteadyState) {
  // Empty hospitals discharge the short stays first: year 1's mean LOS is biased low.
  const std::vector<double> t = year3_vs_year1(0);
  for (std::size_t k = 0; k < t.size(); ++k) std::printf("%s: t = %.2f\n", headline_outcomes()[k].name.c_str(), t[k]);
  EXPECT_GT(t[3], 4.0) << "mean LOS, year 3 − year 1 from a cold start";
}

}  // namespace
}  // namespace reformsim::agents
