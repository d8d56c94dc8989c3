// Numbers and booleans from scalar text: from_chars rules, no separators, no yes/no booleans.
#include <gtest/gtest.h>

#include "sim/config/scalar_text.hpp"

namespace reformsim::config {
namespace {

TEST(ScalarTextTest, Reals) {
  EXPECT_EQ(parse_real("0.25"), 0.25);
  EXPECT_EQ(parse_real("-3"), -3.0);
  EXPECT_EQ(parse_real("+2.5"), 2.5);
  EXPECT_EQ(parse_real("1e5"), 1e5);
  for (const char* bad : {"", "abc", "1,5", "200_000", "1.5x", " 1", "+-1", "nan", "inf", ".inf", "1e999", "0x10"}) {
    EXPECT_FALSE(parse_real(bad)) << bad;
  }
}

TEST(ScalarTextTest, Integers) {
  EXPECT_EQ(parse_int("42"), 42);
  EXPECT_EQ(parse_int("-7"), -7);
  EXPECT_EQ(parse_int("+7"), 7);
  EXPECT_EQ(parse_int("1e5"), 100000);  // integral reals are integers
  EXPECT_EQ(parse_int("3.0"), 3);
  EXPECT_EQ(parse_int("9223372036854775807"), INT64_MAX);
  for (const char* bad : {"2.5", "", "ten", "200_000", "9223372036854775808", "1e19", "1e-3"}) {
    EXPECT_FALSE(parse_int(bad)) << bad;
  }
}

TEST(ScalarTextTest, BooleansAreOnlyTrueAndFalse) {
  EXPECT_EQ(parse_bool("true"), true);
  EXPECT_EQ(parse_bool("True"), true);
  EXPECT_EQ(parse_bool("false"), false);
  EXPECT_EQ(parse_bool("False"), false);
  for (const char* bad : {"yes", "no", "on", "off", "1", "0", "", "y"}) EXPECT_FALSE(parse_bool(bad)) << bad;
}

}  // namespace
}  // namespace reformsim::config
