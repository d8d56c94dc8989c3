// Locations and error lists print as "file:line:col: key.path: message", one per line.
#include <gtest/gtest.h>

#include "sim/config/errors.hpp"
#include "sim/config/source_location.hpp"

namespace reformsim::config {
namespace {

TEST(SourceLocationTest, PrintsFileLineAndColumn) {
  EXPECT_EQ((SourceLocation{"a.yaml", 3, 7}).to_string(), "a.yaml:3:7");
  EXPECT_EQ((SourceLocation{"a.yaml", 3, 0}).to_string(), "a.yaml:3");
  EXPECT_EQ((SourceLocation{"a.yaml", 0, 0}).to_string(), "a.yaml");
  EXPECT_EQ(SourceLocation{}.to_string(), "<default>");
}

TEST(ErrorListTest, FormatsAndKeepsOrder) {
  ErrorList errors;
  EXPECT_TRUE(errors.empty());
  errors.add({"a.yaml", 2, 5}, "fund.rate", "must be in [0, 1], got 2");
  errors.add({"a.yaml", 0, 0}, "", "cannot open file 'a.yaml'");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors.errors()[0].to_string(), "a.yaml:2:5: fund.rate: must be in [0, 1], got 2");
  EXPECT_EQ(errors.errors()[1].to_string(), "a.yaml: cannot open file 'a.yaml'");
  EXPECT_EQ(errors.to_string(), "a.yaml:2:5: fund.rate: must be in [0, 1], got 2\na.yaml: cannot open file 'a.yaml'\n");

  ErrorList more;
  more.add({}, "x", "bad");
  errors.append(more);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors.errors()[2].to_string(), "<default>: x: bad");
}

TEST(ConfigExceptionTest, CarriesEveryError) {
  ErrorList errors;
  errors.add({"f.yaml", 1, 1}, "a", "first");
  errors.add({"f.yaml", 2, 1}, "b", "second");
  try {
    throw ConfigException(errors);
  } catch (const ConfigException& e) {
    EXPECT_EQ(std::string(e.what()), "f.yaml:1:1: a: first\nf.yaml:2:1: b: second\n");
    EXPECT_EQ(e.errors().size(), 2u);
  }
}

}  // namespace
}  // namespace reformsim::config
