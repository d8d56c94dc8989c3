// The reform model's output layout: a mechanism's datasets (and the axes only they use) exist when some run of the
// experiment has the mechanism, and every run fills exactly the layout's metrics.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "agents/model/reform_outputs.hpp"
#include "agents/world/world.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::testing {
namespace {

using agents::ScenarioConfig;

bool has_metric(const experiment::OutputLayout& layout, const std::string& path) {
  return std::any_of(layout.metrics.begin(), layout.metrics.end(),
                     [&path](const experiment::MetricSpec& m) { return m.path == path; });
}

bool has_axis(const experiment::OutputLayout& layout, const std::string& name) {
  return std::any_of(layout.axes.begin(), layout.axes.end(),
                     [&name](const experiment::AxisSpec& a) { return a.name == name; });
}

std::size_t with_prefix(const experiment::OutputLayout& layout, const std::string& prefix) {
  return static_cast<std::size_t>(
      std::count_if(layout.metrics.begin(), layout.metrics.end(),
                    [&prefix](const experiment::MetricSpec& m) { return m.path.rfind(prefix, 0) == 0; }));
}

const std::string kGaming = "payment: {method: drg}\nbehaviour:\n  propensity: {upcoding_secondary_diagnosis: 0.3}\n";

TEST(ReformOutputLayoutTest, TheDatasetsOfMechanismsNoRunHasAreNotDeclared) {
  const ScenarioConfig plain = scenario_from_yaml(small_scenario_yaml());
  const experiment::OutputLayout layout = agents::reform_output_layout(plain, plain, {&plain});
  for (const char* prefix : {"supervision/", "procurement/", "alliances/"}) {
    EXPECT_EQ(with_prefix(layout, prefix), 0u) << prefix;
  }
  for (const char* path : {"summary/violations", "years/fund_loss_yuan", "hospitals/contracts",
                           "hospitals/referrals_up", "hospitals/dip_points", "years/dip_point_value_yuan",
                           "monthly/drug_spending_yuan", "summary/contract_coverage"}) {
    EXPECT_FALSE(has_metric(layout, path)) << path;
    const auto omitted = std::find_if(layout.omitted.begin(), layout.omitted.end(),
                                      [&path](const experiment::OutputLayout::Omitted& o) { return o.path == path; });
    ASSERT_NE(omitted, layout.omitted.end()) << path;
    EXPECT_EQ(omitted->reason.rfind("no run has ", 0), 0u) << omitted->reason;
  }
  for (const char* axis : {"violation_type", "drug", "cycle", "alliance"}) EXPECT_FALSE(has_axis(layout, axis)) << axis;
  // What every run has stays.
  for (const char* path : {"summary/fund_balance_end_yuan", "monthly/admissions", "hospitals/settlement_yuan",
                           "summary/turned_away_severe", "hospitals/outpatient_fund_yuan"}) {
    EXPECT_TRUE(has_metric(layout, path)) << path;
  }
  for (const char* axis : {"month", "year", "hospital", "group"}) EXPECT_TRUE(has_axis(layout, axis)) << axis;
}

TEST(ReformOutputLayoutTest, OneRunWithAMechanismDeclaresItsDatasetsForAll) {
  const ScenarioConfig plain = scenario_from_yaml(small_scenario_yaml());
  const ScenarioConfig gaming = scenario_from_yaml(small_scenario_yaml(5000, kGaming));
  const experiment::OutputLayout layout = agents::reform_output_layout(plain, plain, {&plain, &gaming});
  EXPECT_GT(with_prefix(layout, "supervision/"), 0u);
  EXPECT_TRUE(has_metric(layout, "summary/violations"));
  EXPECT_TRUE(has_axis(layout, "violation_type"));
  EXPECT_FALSE(has_metric(layout, "procurement/spend_yuan"));

  // The run without the mechanism fills its rows too, and every run fills exactly the layout's metrics.
  for (const ScenarioConfig* s : {&plain, &gaming}) {
    agents::World world(*s, 1, 0);
    const agents::RunMetrics metrics = world.run();
    const experiment::RunValues values = agents::reform_output_values(layout, *s, metrics);
    ASSERT_EQ(values.metrics.size(), layout.metrics.size());
    for (std::size_t i = 0; i < layout.metrics.size(); ++i) {
      EXPECT_EQ(values.metrics[i].size(), layout.row_size(i)) << layout.metrics[i].path;
    }
    const std::size_t violations = layout.metric_index("summary/violations");
    if (s == &plain) {
      EXPECT_EQ(values.metrics[violations][0], 0.0);
    } else {
      EXPECT_GT(values.metrics[violations][0], 0.0);
    }
  }
}

}  // namespace
}  // namespace reformsim::testing
