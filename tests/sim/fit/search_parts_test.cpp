// The search's parts: the Latin hypercube, Nelder–Mead in the unit cube, parameter scales and the statistics a
// target takes of runs' outputs.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "sim/fit/fit_output.hpp"
#include "sim/experiment/latin_hypercube.hpp"
#include "sim/fit/nelder_mead.hpp"
#include "sim/fit/target_statistic.hpp"

namespace reformsim::fit {
namespace {

TEST(LatinHypercubeTest, EveryStratumOfEveryCoordinateHoldsOnePoint) {
  const auto design = experiment::latin_hypercube(17, 3, 5);
  ASSERT_EQ(design.size(), 17u);
  for (std::size_t k = 0; k < 3; ++k) {
    std::set<int> strata;
    for (const auto& p : design) {
      ASSERT_GT(p[k], 0.0);
      ASSERT_LT(p[k], 1.0);
      strata.insert(static_cast<int>(p[k] * 17));
    }
    EXPECT_EQ(strata.size(), 17u) << "coordinate " << k;
  }
}

TEST(LatinHypercubeTest, TheSeedFixesTheDesign) {
  EXPECT_EQ(experiment::latin_hypercube(8, 2, 3), experiment::latin_hypercube(8, 2, 3));
  EXPECT_NE(experiment::latin_hypercube(8, 2, 3), experiment::latin_hypercube(8, 2, 4));
}

// Runs one simplex to convergence on f, returning its best point and the number of evaluations.
template <class F>
std::pair<NelderMead::Point, int> minimise(F f, NelderMead::Point start, double min_step = 1e-4) {
  NelderMead nm(start, f(start), 0.2, min_step);
  int evaluations = 1;
  while (!nm.converged() && evaluations < 5000) {
    std::vector<double> values;
    for (const auto& p : nm.ask()) values.push_back(f(p));
    evaluations += static_cast<int>(values.size());
    nm.tell(values);
  }
  return {nm.best(), evaluations};
}

TEST(NelderMeadTest, FindsTheMinimumOfAQuadraticInsideTheCube) {
  const auto f = [](const NelderMead::Point& p) {
    return std::pow(p[0] - 0.3, 2) + 4 * std::pow(p[1] - 0.7, 2) + std::pow(p[2] - 0.55, 2);
  };
  const auto [best, evaluations] = minimise(f, {0.9, 0.1, 0.2});
  EXPECT_NEAR(best[0], 0.3, 2e-3);
  EXPECT_NEAR(best[1], 0.7, 2e-3);
  EXPECT_NEAR(best[2], 0.55, 2e-3);
  EXPECT_LT(evaluations, 600);
}

TEST(NelderMeadTest, FollowsAValleyAndStopsAtTheBoundary) {
  // Rosenbrock scaled into the cube (minimum at 0.75, 0.75), and a slope whose minimum lies outside it.
  const auto rosenbrock = [](const NelderMead::Point& p) {
    const double x = 4 * p[0] - 2, y = 4 * p[1] - 2;
    return std::pow(1 - x, 2) + 100 * std::pow(y - x * x, 2);
  };
  const auto [best, evaluations] = minimise(rosenbrock, {0.2, 0.8}, 1e-6);
  EXPECT_NEAR(best[0], 0.75, 0.01);
  EXPECT_NEAR(best[1], 0.75, 0.02);
  const auto slope = [](const NelderMead::Point& p) { return p[0] + std::pow(p[1] - 0.4, 2); };
  const auto [edge, n] = minimise(slope, {0.6, 0.9});
  EXPECT_EQ(edge[0], 0.0);
  EXPECT_NEAR(edge[1], 0.4, 2e-3);
}

TEST(NelderMeadTest, AnUnevaluablePointCountsAsTheWorst) {
  const auto f = [](const NelderMead::Point& p) {
    return p[0] > 0.5 ? std::nan("") : std::pow(p[0] - 0.45, 2) + std::pow(p[1] - 0.5, 2);
  };
  const auto [best, evaluations] = minimise(f, {0.1, 0.1});
  EXPECT_NEAR(best[0], 0.45, 5e-3);
  EXPECT_NEAR(best[1], 0.5, 5e-3);
}

TEST(NelderMeadTest, RefusesValuesThatDoNotMatchTheAskedPoints) {
  NelderMead nm({0.5, 0.5}, 1.0, 0.1, 1e-3);
  EXPECT_THROW(nm.tell({1.0}), std::invalid_argument);
}

TEST(ParameterTest, ScalesRoundToTheRecordedPrecision) {
  Parameter linear{"a", 10, 20, Scale::Linear, false, {}};
  EXPECT_EQ(parameter_value(linear, 0.0), 10);
  EXPECT_EQ(parameter_value(linear, 1.0), 20);
  EXPECT_EQ(parameter_value(linear, 1.0 / 3), 13.3333);
  Parameter log{"b", 0.001, 0.1, Scale::Log, false, {}};
  EXPECT_DOUBLE_EQ(parameter_value(log, 0.5), 0.01);
  EXPECT_EQ(parameter_text(log, parameter_value(log, 0.123456789)), "0.00176569");
  EXPECT_EQ(std::stod(parameter_text(log, parameter_value(log, 0.123456789))), parameter_value(log, 0.123456789));
  Parameter integer{"c", 1, 10, Scale::Linear, true, {}};
  EXPECT_EQ(parameter_value(integer, 0.52), 6);
  EXPECT_EQ(parameter_text(integer, 6), "6");
}

Target target(bool relative, bool from_year, bool against) {
  Target t;
  t.relative = relative;
  if (from_year) t.from_year = 1;
  t.year = 2;
  if (against) t.against_arm = "b";
  return t;
}

TEST(TargetStatisticTest, LevelsChangesDifferencesAndDifferenceInDifferences) {
  const RunPoint a{110, 100}, b{120, 80};
  EXPECT_DOUBLE_EQ(replicate_statistic(target(false, false, false), a, nullptr), 110);
  EXPECT_DOUBLE_EQ(replicate_statistic(target(false, true, false), a, nullptr), 10);
  EXPECT_NEAR(replicate_statistic(target(true, true, false), a, nullptr), 0.1, 1e-12);
  EXPECT_DOUBLE_EQ(replicate_statistic(target(false, false, true), a, &b), -10);
  EXPECT_DOUBLE_EQ(replicate_statistic(target(true, false, true), a, &b), 110.0 / 120 - 1);
  EXPECT_DOUBLE_EQ(replicate_statistic(target(false, true, true), a, &b), 10 - 40);
  EXPECT_NEAR(replicate_statistic(target(true, true, true), a, &b), 0.1 - 0.5, 1e-12);
}

experiment::OutputLayout hospital_layout() {
  experiment::OutputLayout layout;
  layout.axes = {{"hospital", {"North", "South", "East"}, ""}, {"year", {"2024", "2025"}, ""}};
  layout.metrics = {{"hospitals/cost_yuan", {"hospital", "year"}, "yuan", ""},
                    {"hospitals/cases", {"hospital", "year"}, "cases", ""},
                    {"summary/total", {}, "", ""},
                    {"groups/cases", {"group"}, "", ""}};
  layout.axes.push_back({"group", {"A", "B"}, ""});
  return layout;
}

TEST(TargetStatisticTest, AReplicateWithoutAValueLeavesTheTargetWithoutOne) {
  Target t = target(true, true, false);
  ResolvedTarget r;
  const experiment::MeanInterval ok = target_estimate(t, r, {{{110, 100}, {121, 110}}});
  EXPECT_NEAR(ok.mean, 0.1, 1e-12);
  // A year without cases in one replicate: averaging the others would compare trials on different replicates.
  EXPECT_TRUE(std::isnan(target_estimate(t, r, {{{110, 100}, {121, 0}}}).mean));
}

TEST(TargetStatisticTest, AggregatesAHospitalSubsetWeightedByAnotherMetric) {
  Target t;
  t.metric = "hospitals/cost_yuan";
  t.year = 2;
  t.from_year = 1;
  t.hospitals = {"South", "North"};
  t.weight_by = "hospitals/cases";
  t.arm = "a";
  config::ErrorList errors;
  const auto resolved = resolve_targets({t}, hospital_layout(), {{"a", {}}}, errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  experiment::RunValues v;
  // [hospital, year] row-major: North (10, 20), South (30, 40), East (1000, 1000); cases North 1, South 3.
  v.metrics = {{10, 20, 30, 40, 1000, 1000}, {1, 1, 3, 3, 5, 5}, {0}, {0, 0}};
  const RunPoint p = run_points(resolved, v)[0];
  EXPECT_DOUBLE_EQ(p.at_year, (20 * 1 + 40 * 3) / 4.0);
  EXPECT_DOUBLE_EQ(p.at_from_year, (10 * 1 + 30 * 3) / 4.0);
}

TEST(TargetStatisticTest, TargetsTheOutputsCannotServeAreNamed) {
  const auto bad = [](auto edit) {
    Target t;
    t.metric = "hospitals/cost_yuan";
    t.year = 1;
    t.arm = "a";
    t.key_path = "targets[0]";
    edit(t);
    config::ErrorList errors;
    resolve_targets({t}, hospital_layout(), {{"a", {}}}, errors);
    return errors.to_string();
  };
  EXPECT_NE(bad([](Target& t) { t.metric = "hospitals/cost_yaun"; }).find("did you mean 'hospitals/cost_yuan'"),
            std::string::npos);
  EXPECT_NE(bad([](Target& t) { t.year = 3; }).find("targets[0].year: year 3 is beyond the horizon (2 years)"),
            std::string::npos);
  EXPECT_NE(bad([](Target& t) { t.year.reset(); }).find("is per year: give `year`"), std::string::npos);
  EXPECT_NE(
      bad([](Target& t) { t.hospitals = {"Sooth"}; }).find("no hospital is named 'Sooth' (did you mean 'South'?)"),
      std::string::npos);
  EXPECT_NE(bad([](Target& t) { t.metric = "groups/cases"; }).find("over the group axis"), std::string::npos);
  EXPECT_NE(bad([](Target& t) {
              t.hospitals = {"North", "North"};
            }).find("hospitals[1]: 'North' is listed twice"),
            std::string::npos);
  EXPECT_NE(bad([](Target& t) {
              t.metric = "summary/total";
              t.hospitals = {"North"};
            }).find("is not per year"),
            std::string::npos);
}

TEST(VerdictTest, SaysWhetherAMissIsInTheRightDirectionAndClearOfZero) {
  Target t;
  t.value = -0.17;
  t.tolerance = 0.02;
  EXPECT_EQ(verdict(t, {-0.16, 0.01, 4}), "within tolerance");
  EXPECT_EQ(verdict(t, {-0.07, 0.01, 4}), "right direction, outside tolerance");
  EXPECT_EQ(verdict(t, {-0.07, 0.09, 4}), "no clear change (CI includes 0)");
  EXPECT_EQ(verdict(t, {0.05, 0.01, 4}), "wrong direction");
  EXPECT_EQ(verdict(t, {std::nan(""), 0, 0}), "no value");
  // One replicate: no interval, so the sign alone decides.
  EXPECT_EQ(verdict(t, {-0.6, std::nan(""), 1}), "right direction, outside tolerance");
  EXPECT_EQ(verdict(t, {0.3, std::nan(""), 1}), "wrong direction");
  Target none;
  none.value = 0;
  none.tolerance = 0.01;
  EXPECT_EQ(verdict(none, {0.2, 0.01, 4}), "outside tolerance");
  Target up;
  up.direction = Direction::Increase;
  EXPECT_EQ(verdict(up, {3, 1, 4}), "right direction");
  EXPECT_EQ(verdict(up, {3, 4, 4}), "right direction, CI includes 0");
  EXPECT_EQ(verdict(up, {-3, 1, 4}), "wrong direction");
  EXPECT_EQ(verdict(up, {3, std::nan(""), 1}), "right direction (no CI: one replicate)");
}

}  // namespace
}  // namespace reformsim::fit
