// Strict CSV: quotes, comments, column counts and typed cells with file:line.
#include <gtest/gtest.h>

#include "sim/config/csv.hpp"

namespace reformsim::config {
namespace {

TEST(CsvTest, QuotesCommentsAndBlankLines) {
  ErrorList errors;
  const CsvTable t =
      CsvTable::parse("# comment\na,b,c\n\n1,\"x, y\",\"say \"\"hi\"\"\"\n# again\n2, z ,3\n", "t.csv", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  ASSERT_EQ(t.rows().size(), 2u);
  EXPECT_EQ(t.rows()[0].line, 4);
  EXPECT_EQ(*t.text(t.rows()[0], "b"), "x, y");
  EXPECT_EQ(*t.text(t.rows()[0], "c"), "say \"hi\"");
  EXPECT_EQ(t.rows()[1].line, 6);
  EXPECT_EQ(*t.text(t.rows()[1], "b"), "z");
  EXPECT_EQ(*t.real(t.rows()[1], "c", errors), 3.0);
  EXPECT_EQ(t.text(t.rows()[1], "missing"), nullptr);
}

TEST(CsvTest, WrongColumnCountsAndBadNumbers) {
  ErrorList errors;
  const CsvTable t = CsvTable::parse("a,b\n1,2\n1,2,3\n1,abc\n", "t.csv", errors);
  EXPECT_NE(errors.to_string().find("t.csv:3: expected 2 columns, got 3"), std::string::npos) << errors.to_string();
  ASSERT_EQ(t.rows().size(), 2u);
  EXPECT_FALSE(t.real(t.rows()[1], "b", errors));
  EXPECT_NE(errors.to_string().find("t.csv:4: column 'b': expected a number, got 'abc'"), std::string::npos)
      << errors.to_string();
  EXPECT_FALSE(t.integer(t.rows()[0], "a", errors) == std::nullopt);
  t.require_columns({"a", "zz"}, errors);
  EXPECT_NE(errors.to_string().find("t.csv:1: missing column 'zz'"), std::string::npos);
}

TEST(CsvTest, MissingFileAndEmptyText) {
  ErrorList errors;
  CsvTable::read("/nonexistent/file.csv", errors);
  EXPECT_NE(errors.to_string().find("cannot open file"), std::string::npos);
  ErrorList empty;
  CsvTable::parse("# only a comment\n", "e.csv", empty);
  EXPECT_NE(empty.to_string().find("no header"), std::string::npos);
}

}  // namespace
}  // namespace reformsim::config
