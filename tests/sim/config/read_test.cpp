// Typed reads of a validated tree; misuse is a logic error that names the key.
#include <gtest/gtest.h>

#include <stdexcept>

#include "sim/config/read.hpp"
#include "sim/config/validate.hpp"
#include "sim/config/yaml_loader.hpp"
#include "test_spec.hpp"

namespace reformsim::config {
namespace {

Node validated() {
  ErrorList errors;
  const Node n = validate(parse_yaml("name: city\npopulation:\n  insured: 2e5\n  age_bands:\n    - {from_age: 0, "
                                     "share: 1}\noutpatient_enabled: False\n",
                                     "f.yaml", errors),
                          *test_support::test_spec(), errors);
  EXPECT_TRUE(errors.empty()) << errors.to_string();
  return n;
}

TEST(ReadTest, TypedValues) {
  const Node n = validated();
  EXPECT_EQ(get_string(n, "name"), "city");
  EXPECT_EQ(get_int(n, "seed"), 1);
  EXPECT_EQ(get_int(get_child(n, "population"), "insured"), 200000);
  EXPECT_DOUBLE_EQ(get_real(get_child(n, "population"), "employee_share"), 0.4);
  EXPECT_FALSE(get_bool(n, "outpatient_enabled"));
  EXPECT_DOUBLE_EQ(get_real(get_child(n, "fund"), "growth"), 0.05);
  EXPECT_EQ(get_string(n, "method"), "ffs");
  EXPECT_TRUE(has(n, "weights"));
  EXPECT_FALSE(has(n, "case_file"));
  const Node& band = get_child(get_child(n, "population"), "age_bands").items().at(0);
  EXPECT_EQ(as_int(*band.find("from_age")), 0);
  EXPECT_DOUBLE_EQ(as_real(*band.find("share")), 1.0);
}

TEST(ReadTest, MisuseThrowsLogicError) {
  const Node n = validated();
  EXPECT_THROW(get_real(n, "case_file"), std::logic_error);  // absent
  EXPECT_THROW(get_real(n, "name"), std::logic_error);       // not a number
  EXPECT_THROW(get_int(get_child(n, "population"), "employee_share"), std::logic_error);
  EXPECT_THROW(get_bool(n, "name"), std::logic_error);
  EXPECT_THROW(get_string(n, "population"), std::logic_error);  // a section, not a scalar
  EXPECT_THROW(as_real(Node::sequence()), std::logic_error);
  try {
    get_child(n, "nothing_here");
    FAIL() << "expected a logic_error";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("nothing_here"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace reformsim::config
