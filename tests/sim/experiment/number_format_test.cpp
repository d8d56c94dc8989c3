// The table's numbers: one scale per number, value and interval in the same unit, shares in percent, and no digits
// beyond what the interval supports.
#include "sim/experiment/number_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace reformsim::experiment {
namespace {

TEST(NumberFormatTest, ValueAndIntervalShareOneScale) {
  EXPECT_EQ(format_estimate(16.66e6, 402360, "yuan", false), "16.66M ± 0.40M");
  EXPECT_EQ(format_estimate(2.345e9, 12e6, "yuan", false), "2.345bn ± 0.012bn");
  // The larger of the two picks the scale: an interval wider than the value still shares its unit.
  EXPECT_EQ(format_estimate(0.5e6, 2.5e6, "yuan", true), "+0.5M ± 2.5M");
}

TEST(NumberFormatTest, ThousandsAreSeparated) {
  EXPECT_EQ(format_estimate(12345.6, 210, "yuan", false), "12,346 ± 210");
  EXPECT_EQ(format_value(987654, "persons"), "987,654");
  EXPECT_EQ(with_thousands(-1234567.891, 2), "-1,234,567.89");
  EXPECT_EQ(with_thousands(999, 0), "999");
  EXPECT_EQ(with_thousands(-0.0001, 2), "0.00");
}

TEST(NumberFormatTest, SharesArePercentAndTheirDifferencesPercentagePoints) {
  EXPECT_EQ(format_estimate(0.2731, 0.0042, "fraction", false), "27.31 ± 0.42%");
  EXPECT_EQ(format_estimate(-0.012, 0.003, "fraction", true), "-1.20 ± 0.30 pp");
  EXPECT_EQ(format_value(0.25, "fraction"), "25%");
}

TEST(NumberFormatTest, NoRoundingNoiseFromTheArithmetic) {
  // A spread of 1e-9 is the arithmetic, not the model: the value keeps four significant digits and no more.
  EXPECT_EQ(format_estimate(0.08696, 8.575e-10, "ratio", false), "0.08696 ± 0");
  EXPECT_EQ(format_estimate(1.0, 0.0, "", true), "+1 ± 0");
  EXPECT_EQ(format_estimate(9.123456, 0.37, "days", false), "9.12 ± 0.37");
  EXPECT_EQ(format_estimate(9.123456, 3.7, "days", false), "9.1 ± 3.7");
  EXPECT_EQ(format_estimate(912.3456, 37, "days", false), "912 ± 37");
}

TEST(NumberFormatTest, RoundingThatCarriesIntoTheNextScaleIsLaidOutAgain) {
  EXPECT_EQ(format_value(999999.7, "yuan"), "1M");
  EXPECT_EQ(format_estimate(999999.7, 20000, "yuan", false), "1.000M ± 0.020M");
  EXPECT_EQ(format_estimate(999960000, 1e6, "yuan", false), "1.000bn ± 0.001bn");
  EXPECT_EQ(format_estimate(99.996, 0.02, "days", false), "100.0 ± <0.05");
}

TEST(NumberFormatTest, ASpreadNarrowerThanTheDigitsIsBoundedAndNoiseIsZero) {
  // Four significant digits of the value at most: a real but narrower spread is shown as a bound, never as 0.
  EXPECT_EQ(format_estimate(99.996, 0.002, "days", false), "100.0 ± <0.05");
  // A spread below a millionth of the value is floating-point noise: exactly zero.
  EXPECT_EQ(format_estimate(0.08696, 8.575e-12, "fraction", false), "8.696 ± 0%");
  EXPECT_EQ(format_estimate(1234.5, INFINITY, "yuan", false), "1,234 ± inf");
}

TEST(NumberFormatTest, ADifferenceThatRoundsToZeroHasNoSign) {
  EXPECT_EQ(format_estimate(0.0001, 0.5, "", true), "0.00 ± 0.50");
  EXPECT_EQ(format_estimate(-0.0001, 0.5, "", true), "0.00 ± 0.50");
  EXPECT_EQ(format_estimate(0.3, 0.5, "", true), "+0.30 ± 0.50");
}

TEST(NumberFormatTest, HugeNumbersAreNotTruncated) {
  std::string text = format_value(1e300, "yuan");  // 1e291 billions, every digit printed
  ASSERT_EQ(text.substr(text.size() - 2), "bn");
  text.erase(text.size() - 2);
  std::erase(text, ',');
  EXPECT_EQ(text.size(), 292u);
  EXPECT_EQ(format_value(1e-320, "yuan"), "0");
}

TEST(NumberFormatTest, OneRunHasNoInterval) {
  EXPECT_EQ(format_estimate(9.5, std::nan(""), "days", false), "9.5");
  EXPECT_EQ(format_value(std::nan(""), "yuan"), "-");
  EXPECT_EQ(format_value(0, "yuan"), "0");
}

}  // namespace
}  // namespace reformsim::experiment
