// Every class of bad scenario input is reported with file, line and key path — all at once.
#include <gtest/gtest.h>

#include "agents/payment/drg.hpp"
#include "agents/scenario/scenario_loader.hpp"
#include "sim/config/errors.hpp"
#include "sim/config/yaml_loader.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

using testing::TempDir;

// Loads `yaml` and returns all error messages joined (empty when valid).
std::string errors_of(const std::string& yaml, std::string* file = nullptr) {
  TempDir dir;
  const std::string path = dir.write("scenario.yaml", yaml);
  if (file) *file = path;
  try {
    load_scenario(path);
  } catch (const config::ConfigException& e) {
    return e.errors().to_string();
  }
  return "";
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(ScenarioValidationTest, TheSmallScenarioIsValid) {
  EXPECT_EQ(errors_of(testing::small_scenario_yaml()), "");
  const ScenarioConfig s = testing::scenario_from_yaml(testing::small_scenario_yaml());
  EXPECT_EQ(s.population.insured, 5000);
  EXPECT_EQ(s.hospitals.size(), 3u);
  EXPECT_DOUBLE_EQ(s.payment.section<DrgConfig>("drg").base_rate_yuan, 8811);     // default
  EXPECT_EQ(s.payment.section<DrgConfig>("drg").high_multiple_bands.size(), 3u);  // default bands
  EXPECT_GE(s.catalogue->size(), 150u);
}

TEST(ScenarioValidationTest, UnknownKeyNamesFileLineAndPath) {
  const std::string e = errors_of(testing::small_scenario_yaml(5000, "payment:\n  drg:\n    base_rat_yuan: 9000\n"));
  EXPECT_TRUE(contains(e, "scenario.yaml:13:")) << e;
  EXPECT_TRUE(contains(e, "payment.drg")) << e;
  EXPECT_TRUE(contains(e, "base_rat_yuan")) << e;
}

TEST(ScenarioValidationTest, WrongTypeAndOutOfRange) {
  const std::string e = errors_of(testing::small_scenario_yaml(5000,
                                                               "fund:\n  employer_rate: lots\n"
                                                               "benefits:\n  self_pay_share: 1.5\n"));
  EXPECT_TRUE(contains(e, "fund.employer_rate")) << e;
  EXPECT_TRUE(contains(e, "'lots'")) << e;
  EXPECT_TRUE(contains(e, "benefits.self_pay_share")) << e;
  EXPECT_TRUE(contains(e, "1.5")) << e;
}

TEST(ScenarioValidationTest, MissingRequiredKeys) {
  const std::string e = errors_of("catalogue: " + testing::city_catalogue() + "\nhospitals:\n  - {name: A, tier: 2}\n");
  EXPECT_TRUE(contains(e, "hospitals[0]")) << e;
  EXPECT_TRUE(contains(e, "beds")) << e;
  const std::string no_hospitals = errors_of("catalogue: " + testing::city_catalogue() + "\n");
  EXPECT_TRUE(contains(no_hospitals, "hospitals")) << no_hospitals;
}

TEST(ScenarioValidationTest, AllErrorsAtOnce) {
  const std::string e = errors_of(testing::small_scenario_yaml(5000,
                                                               "start_year: 1800\n"
                                                               "fund:\n  employer_rate: -1\n"
                                                               "demand:\n  outpatient_enabled: maybe\n"));
  EXPECT_TRUE(contains(e, "start_year")) << e;
  EXPECT_TRUE(contains(e, "fund.employer_rate")) << e;
  EXPECT_TRUE(contains(e, "demand.outpatient_enabled")) << e;
}

TEST(ScenarioValidationTest, CrossFieldRules) {
  const std::string e =
      errors_of("catalogue: " + testing::city_catalogue() +
                "\nhorizon_years: 2\n"
                "population:\n  regions: 2\n  age_bands:\n"
                "    - {from_age: 0, to_age: 40, share: 0.5}\n"
                "    - {from_age: 30, to_age: 90, share: 0.4}\n"
                "hospitals:\n  - {name: A, tier: 2, beds: 10, region: 2}\n  - {name: A, tier: 3, beds: 10}\n"
                "payment:\n  switches: [{year: 3, method: drg}]\n"
                "  drg:\n    high_multiple_bands: [{max_weight: 2, factor: 3}, {max_weight: 1, factor: 2}]\n");
  EXPECT_TRUE(contains(e, "population.age_bands: shares must sum to 1")) << e;
  EXPECT_TRUE(contains(e, "population.age_bands[1].from_age")) << e;
  EXPECT_TRUE(contains(e, "hospitals[0].region")) << e;
  EXPECT_TRUE(contains(e, "duplicate hospital name 'A'")) << e;
  EXPECT_TRUE(contains(e, "payment.switches[0].year")) << e;
  EXPECT_TRUE(contains(e, "after the horizon")) << e;
  EXPECT_TRUE(contains(e, "high_multiple_bands[1].max_weight")) << e;
}

TEST(ScenarioValidationTest, MissingCatalogueFile) {
  const std::string e = errors_of("catalogue: no_such_catalogue.csv\nhospitals:\n  - {name: A, tier: 2, beds: 10}\n");
  EXPECT_TRUE(contains(e, "no_such_catalogue.csv")) << e;
}

TEST(ScenarioValidationTest, SwitchYearsTakeEffectOnTheirFirstOfJanuary) {
  const ScenarioConfig s = testing::scenario_from_yaml(
      testing::small_scenario_yaml(100, "payment:\n  method: ffs\n  switches: [{year: 2, method: drg}]\n"));
  EXPECT_EQ(s.payment.method_in_year(0), "ffs");
  EXPECT_EQ(s.payment.method_in_year(1), "drg");
}

}  // namespace
}  // namespace reformsim::agents

namespace reformsim::agents {
namespace {

// The resolved scenario stored in every output file must itself be a valid scenario that rebuilds the same run.
TEST(ScenarioValidationTest, ResolvedScenarioRoundTrips) {
  testing::TempDir dir;
  config::ErrorList errors;
  const config::Node raw = config::load_yaml_file(
      dir.write("s.yaml", testing::small_scenario_yaml(1000, "payment:\n  switches: [{year: 2, method: drg}]\n")),
      errors);
  config::Node validated;
  const ScenarioConfig first = build_scenario(raw, errors, &validated);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  const config::Node again = config::load_yaml_file(dir.write("resolved.yaml", validated.to_yaml()), errors);
  const ScenarioConfig second = build_scenario(again, errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string() << validated.to_yaml();
  EXPECT_EQ(second.hospitals.size(), first.hospitals.size());
  EXPECT_EQ(second.hospitals[1].name, first.hospitals[1].name);
  EXPECT_EQ(second.population.age_bands.size(), first.population.age_bands.size());
  EXPECT_EQ(second.payment.method_in_year(1), "drg");
  EXPECT_EQ(second.catalogue->size(), first.catalogue->size());
  EXPECT_DOUBLE_EQ(second.benefits.resident.reimbursement_ratio[2], first.benefits.resident.reimbursement_ratio[2]);
}

}  // namespace
}  // namespace reformsim::agents
