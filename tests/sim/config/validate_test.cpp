// Declaration-driven validation: every class of error, all at once, with file:line:col and key path; defaults.
#include <gtest/gtest.h>

#include "config_test_support.hpp"
#include "sim/config/key_path.hpp"
#include "sim/config/validate.hpp"
#include "sim/config/yaml_loader.hpp"
#include "test_spec.hpp"

namespace reformsim::config {
namespace {

using test_support::contains;
using test_support::TempDir;

constexpr const char* kValid = "name: city\npopulation:\n  insured: 100\n";

// Validates YAML text (file name f.yaml) against the test spec.
Node check(const std::string& yaml, ErrorList& errors) {
  const Node raw = parse_yaml(yaml, "f.yaml", errors);
  EXPECT_TRUE(errors.empty()) << "test input is not valid YAML: " << errors.to_string();
  return validate(raw, *test_support::test_spec(), errors);
}

// All error lines for `yaml` ("" when valid).
std::string errors_of(const std::string& yaml) {
  ErrorList errors;
  check(yaml, errors);
  return errors.to_string();
}

TEST(ValidateTest, FillsDefaultsInDeclarationOrder) {
  ErrorList errors;
  const Node n = check(std::string("method: drg\n") + kValid, errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(n.find("seed")->text(), "1");
  EXPECT_EQ(n.find("seed")->location().to_string(), "<default>");
  EXPECT_EQ(find_at_path(n, "population.employee_share")->text(), "0.4");
  EXPECT_EQ(find_at_path(n, "population.insured")->location().to_string(), "f.yaml:4:12");
  EXPECT_EQ(find_at_path(n, "fund.growth")->text(), "0.05");  // an absent section is filled
  EXPECT_EQ(find_at_path(n, "fund.reserve_months")->text(), "6");
  EXPECT_EQ(n.find("method")->text(), "drg");
  EXPECT_EQ(n.find("outpatient_enabled")->text(), "true");
  EXPECT_EQ(n.find("catalogue")->text(), "data/catalogue.csv");
  EXPECT_TRUE(n.find("weights")->is_map());
  EXPECT_EQ(n.find("case_file"), nullptr);  // optional, absent
  EXPECT_EQ(find_at_path(n, "population.age_bands"), nullptr);
  const std::vector<std::string> order = {"name",      "seed",   "population", "fund", "method", "outpatient_enabled",
                                          "catalogue", "weights"};
  ASSERT_EQ(n.entries().size(), order.size());
  for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(n.entries()[i].first, order[i]);
}

TEST(ValidateTest, NullSectionMeansDefaultsAndNullOptionalMeansAbsent) {
  ErrorList errors;
  const Node n = check(std::string(kValid) + "fund:\ncase_file: ~\n", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(find_at_path(n, "fund.growth")->text(), "0.05");
  EXPECT_EQ(n.find("case_file"), nullptr);
}

TEST(ValidateTest, PathsAreNormalisedRelativeToTheFileThatWroteThem) {
  TempDir dir;
  dir.write("base/b.yaml", "name: base\npopulation: {insured: 10}\ncatalogue: data/c.csv\n");
  const std::string child = dir.write("child.yaml", "extends: base/b.yaml\ncase_file: ./claims/../claims.csv\n");
  ErrorList errors;
  const Node n = validate(load_yaml_file(child, errors), *test_support::test_spec(), errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(n.find("catalogue")->text(), dir.path("base/data/c.csv"));
  EXPECT_EQ(n.find("case_file")->text(), dir.path("claims.csv"));
  EXPECT_TRUE(n.find("case_file")->quoted());
  ErrorList empty;
  check(std::string(kValid) + "case_file: \"\"\n", empty);
  EXPECT_TRUE(contains(empty.to_string(), "case_file: expected a file path, got nothing")) << empty.to_string();
}

TEST(ValidateTest, UnknownKeysWithSuggestions) {
  EXPECT_EQ(errors_of(std::string(kValid) + "metod: drg\nzzz: 1\n"),
            "f.yaml:4:1: metod: unknown key 'metod'; did you mean 'method'?\n"
            "f.yaml:5:1: zzz: unknown key 'zzz'\n");
  EXPECT_EQ(errors_of("name: x\npopulation:\n  insurd: 5\n  insured: 5\n"),
            "f.yaml:3:3: population.insurd: unknown key 'insurd'; did you mean 'insured'?\n");
}

TEST(ValidateTest, WrongTypes) {
  const std::string e = errors_of(
      "name: [a]\n"
      "population:\n  insured: abc\n  employee_share: \"0.5\"\n  age_bands: {from_age: 1}\n"
      "fund: 3\n"
      "method: capitation\n"
      "outpatient_enabled: yes\n"
      "seed: 2.5\n"
      "weights: [1]\n");
  EXPECT_TRUE(contains(e, "f.yaml:1:7: name: expected a string, got a list\n")) << e;
  EXPECT_TRUE(contains(e, "f.yaml:3:12: population.insured: expected an integer, got 'abc'\n")) << e;
  EXPECT_TRUE(contains(e, "population.employee_share: expected a number, got '0.5' (quoted, so a string")) << e;
  EXPECT_TRUE(contains(e, "population.age_bands: expected a list, got a map\n")) << e;
  EXPECT_TRUE(contains(e, "f.yaml:6:7: fund: expected a map of keys, got '3'\n")) << e;
  EXPECT_TRUE(contains(e, "method: must be one of ffs, drg, dip; got 'capitation'\n")) << e;
  EXPECT_TRUE(contains(e, "outpatient_enabled: expected true or false, got 'yes'\n")) << e;
  EXPECT_TRUE(contains(e, "seed: expected an integer, got '2.5'\n")) << e;
  EXPECT_TRUE(contains(e, "weights: expected a map, got a list\n")) << e;
  EXPECT_EQ(std::count(e.begin(), e.end(), '\n'), 9) << e;
}

TEST(ValidateTest, StringsAreNotEmptyUnlessFreeText) {
  const std::string e = errors_of("name: \"\"\npopulation:\n  insured: 1\nnote: \"\"\n");
  EXPECT_EQ(e, "f.yaml:1:7: name: expected a non-empty string, got \"\"\n") << e;
  EXPECT_EQ(errors_of("name: x\npopulation:\n  insured: 1\nnote: \"\"\n"), "");
}

TEST(ValidateTest, NumbersMustBeFiniteAndBooleansStrict) {
  for (const char* bad : {".nan", ".inf", "-.inf", "1e999", "1_000"}) {
    EXPECT_TRUE(contains(errors_of(std::string(kValid) + "  employee_share: " + bad + "\n"), "expected a number"))
        << bad;
  }
  for (const char* bad : {"no", "on", "off", "1", "\"true\""}) {
    EXPECT_TRUE(
        contains(errors_of(std::string(kValid) + "outpatient_enabled: " + bad + "\n"), "expected true or false"))
        << bad;
  }
  for (const char* good : {"true", "True", "false", "False"}) {
    EXPECT_EQ(errors_of(std::string(kValid) + "outpatient_enabled: " + good + "\n"), "") << good;
  }
  EXPECT_EQ(errors_of("name: x\npopulation:\n  insured: 1e5\n"), "");   // integral reals are integers
  EXPECT_EQ(errors_of("name: 123\npopulation:\n  insured: +7\n"), "");  // strings may look like numbers
}

TEST(ValidateTest, InclusiveRangeEdges) {
  const std::string prefix = std::string(kValid) + "  employee_share: ";
  EXPECT_EQ(errors_of(prefix + "0\n"), "");
  EXPECT_EQ(errors_of(prefix + "1\n"), "");
  EXPECT_EQ(errors_of(prefix + "1.0000001\n"),
            "f.yaml:4:19: population.employee_share: must be in [0, 1], got 1.0000001\n");
  EXPECT_EQ(errors_of(prefix + "-0.001\n"), "f.yaml:4:19: population.employee_share: must be in [0, 1], got -0.001\n");
  EXPECT_EQ(errors_of(std::string(kValid) + "fund: {reserve_months: 120}\n"), "");
  EXPECT_TRUE(contains(errors_of(std::string(kValid) + "fund: {reserve_months: 121}\n"),
                       "fund.reserve_months: must be in [0, 120], got 121"));
  EXPECT_EQ(errors_of(std::string(kValid) + "seed: 0\n"), "");
  EXPECT_TRUE(contains(errors_of(std::string(kValid) + "seed: -1\n"), "seed: must be >= 0, got -1"));
}

TEST(ValidateTest, ExclusiveRangeEdges) {
  EXPECT_EQ(errors_of("name: x\npopulation:\n  insured: 1\n"), "");
  EXPECT_EQ(errors_of("name: x\npopulation:\n  insured: 0\n"), "f.yaml:3:12: population.insured: must be > 0, got 0\n");
  const std::string fund = std::string(kValid) + "fund:\n  growth: ";
  EXPECT_EQ(errors_of(fund + "-0.999\n"), "");
  EXPECT_EQ(errors_of(fund + "0.999\n"), "");
  EXPECT_EQ(errors_of(fund + "-1\n"), "f.yaml:5:11: fund.growth: must be in (-1, 1), got -1\n");
  EXPECT_EQ(errors_of(fund + "1\n"), "f.yaml:5:11: fund.growth: must be in (-1, 1), got 1\n");
  const std::string band = std::string(kValid) + "  age_bands:\n    - {from_age: 0, share: ";
  EXPECT_EQ(errors_of(band + "1}\n"), "");  // (0, 1]: upper edge included
  EXPECT_TRUE(contains(errors_of(band + "0}\n"), "population.age_bands[0].share: must be in (0, 1], got 0"));
}

TEST(ValidateTest, ItemCountsAndItemPaths) {
  EXPECT_EQ(errors_of(std::string(kValid) + "  age_bands: []\n"),
            "f.yaml:4:14: population.age_bands: needs at least 1 item, got 0\n");
  const std::string e = errors_of(std::string(kValid) +
                                  "  age_bands:\n"
                                  "    - {from_age: 0, share: 0.5}\n"
                                  "    - {from_age: 200, share: 0.5}\n"
                                  "    - {from_ag: 3, share: 0.1}\n"
                                  "    - {from_age: 4, share: 0.1}\n");
  EXPECT_TRUE(contains(e, "f.yaml:5:5: population.age_bands: takes at most 3 items, got 4\n")) << e;
  EXPECT_TRUE(contains(e, "f.yaml:6:18: population.age_bands[1].from_age: must be in [0, 120], got 200\n")) << e;
  EXPECT_TRUE(contains(e,
                       "f.yaml:7:8: population.age_bands[2].from_ag: unknown key 'from_ag'; did you mean "
                       "'from_age'?\n"))
      << e;
  EXPECT_TRUE(contains(e, "f.yaml:7:7: population.age_bands[2]: missing required key 'from_age'\n")) << e;
  EXPECT_EQ(std::count(e.begin(), e.end(), '\n'), 4) << e;
}

TEST(ValidateTest, MissingRequiredKeysAreLocatedAtTheEnclosingMap) {
  EXPECT_EQ(errors_of("population:\n  insured: 5\n"), "f.yaml:1:1: missing required key 'name'\n");
  EXPECT_EQ(errors_of("name: x\npopulation:\n  employee_share: 0.5\n"),
            "f.yaml:3:3: population: missing required key 'insured'\n");
  // An absent section with a required key inside is reported too (at the map that should hold it).
  EXPECT_EQ(errors_of("name: x\n"), "f.yaml:1:1: population: missing required key 'insured'\n");
}

TEST(ValidateTest, AFileWithFourProblemsGivesFourErrorsInFileOrder) {
  TempDir dir;
  const std::string f = dir.write("scenario.yaml",
                                  "name: city\n"
                                  "population:\n"
                                  "  insured: 100\n"
                                  "  employee_share: 1.5\n"  // out of range
                                  "fund:\n"
                                  "  growht: 0.1\n"              // unknown key (did you mean growth)
                                  "method: capitation\n"         // not an allowed value
                                  "outpatient_enabled: yes\n");  // not a boolean
  ErrorList errors;
  const Node raw = load_yaml_file(f, errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  validate(raw, *test_support::test_spec(), errors);
  ASSERT_EQ(errors.size(), 4u) << errors.to_string();
  EXPECT_EQ(errors.errors()[0].to_string(), f + ":4:19: population.employee_share: must be in [0, 1], got 1.5");
  EXPECT_EQ(errors.errors()[1].to_string(), f + ":6:3: fund.growht: unknown key 'growht'; did you mean 'growth'?");
  EXPECT_EQ(errors.errors()[2].to_string(), f + ":7:9: method: must be one of ffs, drg, dip; got 'capitation'");
  EXPECT_EQ(errors.errors()[3].to_string(), f + ":8:21: outpatient_enabled: expected true or false, got 'yes'");
}

TEST(ValidateTest, ErrorsFollowTheFileThenMissingKeys) {
  const std::string e = errors_of("foo: 1\npopulation:\n  employee_share: x\n  insured: -5\nseed: 1.5\n");
  EXPECT_EQ(e,
            "f.yaml:1:1: foo: unknown key 'foo'\n"
            "f.yaml:3:19: population.employee_share: expected a number, got 'x'\n"
            "f.yaml:4:12: population.insured: must be > 0, got -5\n"
            "f.yaml:5:7: seed: expected an integer, got '1.5'\n"
            "f.yaml:1:1: missing required key 'name'\n");
}

TEST(ValidateTest, MapKeysValuesAnyAndRootPath) {
  const std::string e = errors_of(std::string(kValid) + "weights: {ok: 1, Bad: 2, neg: -1}\nextra: {anything: [1]}\n");
  EXPECT_EQ(e,
            "f.yaml:4:18: weights.Bad: key must be lower-case letters\n"
            "f.yaml:4:31: weights.neg: must be >= 0, got -1\n");
  ErrorList errors;
  const Node n = check(std::string(kValid) + "weights: {a: 1}\nextra: {anything: [1]}\n", errors);
  EXPECT_EQ(find_at_path(n, "weights.a")->text(), "1");
  EXPECT_EQ(find_at_path(n, "extra.anything[0]")->text(), "1");

  ErrorList rooted;
  validate(parse_yaml("name: x\npopulation: {insured: 0}\n", "f.yaml", rooted), *test_support::test_spec(), rooted,
           "scenario");
  EXPECT_EQ(rooted.to_string(), "f.yaml:2:23: scenario.population.insured: must be > 0, got 0\n");
}

TEST(ValidateTest, ResultsAreDeterministic) {
  const std::string yaml = "zz: 1\npopulation: {insured: x, qq: 2}\nseed: -4\n";
  EXPECT_EQ(errors_of(yaml), errors_of(yaml));
  EXPECT_FALSE(errors_of(yaml).empty());
}

}  // namespace
}  // namespace reformsim::config
