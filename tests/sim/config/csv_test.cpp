// Strict CSV: quotes, comments, blank lines, column counts, and typed cells reported with file:line.
#include <gtest/gtest.h>

#include "config_test_support.hpp"
#include "sim/config/csv.hpp"

namespace reformsim::config {
namespace {

using test_support::contains;

TEST(CsvTest, QuotesCommentsAndBlankLines) {
  ErrorList errors;
  const CsvTable t = CsvTable::parse(
      "# catalogue\n"
      "code,name,note\n"
      "\n"
      "A01,\"x, y\",\"say \"\"hi\"\"\"\n"
      "   # indented comment\n"
      "A02, z ,\"two\n"
      "lines\"\n"
      "A03,\"\",\" padded \"\r\n"
      "A04,w,last",
      "t.csv", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(t.file(), "t.csv");
  EXPECT_EQ(t.header(), (std::vector<std::string>{"code", "name", "note"}));
  ASSERT_EQ(t.rows().size(), 4u);
  EXPECT_EQ(t.rows()[0].line, 4);
  EXPECT_EQ(*t.text(t.rows()[0], "name"), "x, y");
  EXPECT_EQ(*t.text(t.rows()[0], "note"), "say \"hi\"");
  EXPECT_EQ(t.rows()[1].line, 6);
  EXPECT_EQ(*t.text(t.rows()[1], "name"), "z");  // unquoted cells are trimmed
  EXPECT_EQ(*t.text(t.rows()[1], "note"), "two\nlines");
  EXPECT_EQ(t.rows()[2].line, 8);  // the multi-line cell moved the count on
  EXPECT_EQ(*t.text(t.rows()[2], "name"), "");
  EXPECT_EQ(*t.text(t.rows()[2], "note"), " padded ");  // quoted cells are kept as written
  EXPECT_EQ(t.rows()[3].line, 9);
  EXPECT_EQ(*t.text(t.rows()[3], "note"), "last");
  EXPECT_EQ(t.text(t.rows()[3], "missing"), nullptr);
  EXPECT_EQ(t.column("note"), 2u);
  EXPECT_FALSE(t.column("nope"));
}

TEST(CsvTest, WrongColumnCountsAreErrorsWithLines) {
  ErrorList errors;
  const CsvTable t = CsvTable::parse("a,b\n1,2\n1,2,3\n# c\n4\n5,6,\n7,8\n", "t.csv", errors);
  EXPECT_EQ(errors.to_string(),
            "t.csv:3: expected 2 columns, got 3\n"
            "t.csv:5: expected 2 columns, got 1\n"
            "t.csv:6: expected 2 columns, got 3\n");
  ASSERT_EQ(t.rows().size(), 2u);
  EXPECT_EQ(t.rows()[1].line, 7);
}

TEST(CsvTest, TypedCellsReportFileLineAndColumn) {
  ErrorList errors;
  const CsvTable t = CsvTable::parse("id,weight,count\nA,1.5,3\nB,abc,2.5\nC,1e3,+4\nD,,200_000\n", "w.csv", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(t.real(t.rows()[0], "weight", errors), 1.5);
  EXPECT_EQ(t.integer(t.rows()[0], "count", errors), 3);
  EXPECT_EQ(t.real(t.rows()[2], "weight", errors), 1000.0);
  EXPECT_EQ(t.integer(t.rows()[2], "count", errors), 4);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_FALSE(t.real(t.rows()[1], "weight", errors));
  EXPECT_FALSE(t.integer(t.rows()[1], "count", errors));
  EXPECT_FALSE(t.real(t.rows()[3], "weight", errors));
  EXPECT_FALSE(t.integer(t.rows()[3], "count", errors));
  EXPECT_FALSE(t.real(t.rows()[0], "nope", errors));
  EXPECT_EQ(errors.to_string(),
            "w.csv:3: column 'weight': expected a number, got 'abc'\n"
            "w.csv:3: column 'count': expected an integer, got '2.5'\n"
            "w.csv:5: column 'weight': expected a number, got ''\n"
            "w.csv:5: column 'count': expected an integer, got '200_000'\n"
            "w.csv:2: no column 'nope'\n");
}

TEST(CsvTest, NumbersWithinARange) {
  ErrorList errors;
  const CsvTable t = CsvTable::parse("v\n0\n5\n10\n10.5\n1e300\nx\n", "r.csv", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  const CellRange closed{0, false, 10}, open_below{0, true, 1e8};
  EXPECT_EQ(t.real_within(t.rows()[0], "v", closed, errors), 0.0);
  EXPECT_EQ(t.real_within(t.rows()[2], "v", closed, errors), 10.0);
  EXPECT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(t.real_within(t.rows()[0], "v", open_below, errors), std::nullopt);
  EXPECT_EQ(t.real_within(t.rows()[3], "v", closed, errors), std::nullopt);
  EXPECT_EQ(t.real_within(t.rows()[4], "v", open_below, errors), std::nullopt);
  EXPECT_EQ(t.real_within(t.rows()[5], "v", closed, errors), std::nullopt);
  const std::string e = errors.to_string();
  EXPECT_TRUE(contains(e, "r.csv:2: column 'v': must be in (0, 100000000], got '0'\n")) << e;
  EXPECT_TRUE(contains(e, "r.csv:5: column 'v': must be in [0, 10], got '10.5'\n")) << e;
  EXPECT_TRUE(contains(e, "r.csv:6: column 'v': must be in (0, 100000000], got '1e300'\n")) << e;
  EXPECT_TRUE(contains(e, "r.csv:7: column 'v': expected a number, got 'x'\n")) << e;
  EXPECT_EQ((CellRange{0.5, true, 2.25}).text(), "(0.5, 2.25]");
}

TEST(CsvTest, RequireColumnsReportsAtTheHeaderLine) {
  ErrorList errors;
  const CsvTable t = CsvTable::parse("a,b\n1,2\n", "t.csv", errors);
  t.require_columns({"a", "zz", "b", "yy"}, errors);
  EXPECT_EQ(errors.to_string(), "t.csv:1: missing column 'zz'\nt.csv:1: missing column 'yy'\n");
  ErrorList after_comment;
  CsvTable::parse("# note\na\n1\n", "c.csv", after_comment).require_columns({"b"}, after_comment);
  EXPECT_EQ(after_comment.to_string(), "c.csv:2: missing column 'b'\n");
}

TEST(CsvTest, MalformedQuotesAndHeaders) {
  ErrorList errors;
  CsvTable::parse("a,b\n\"x\"y,1\nz\"q,2\n3,4\n\"open,5\n", "q.csv", errors);
  EXPECT_EQ(errors.to_string(),
            "q.csv:2: unexpected text after a closing quote\n"
            "q.csv:3: a quote inside an unquoted cell (quote the whole cell and double it)\n"
            "q.csv:5: unterminated quoted cell\n");
  ErrorList header;
  CsvTable::parse("a,,a\n1,2,3\n", "h.csv", header);
  EXPECT_EQ(header.to_string(), "h.csv:1: empty column name in the header\nh.csv:1: duplicate column 'a'\n");
}

TEST(CsvTest, FilesAndEmptyText) {
  test_support::TempDir dir;
  ErrorList errors;
  const CsvTable t = CsvTable::read(dir.write("d.csv", "x,y\n1,2\n"), errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(t.file(), dir.path("d.csv"));
  EXPECT_EQ(t.rows().size(), 1u);
  ErrorList missing;
  CsvTable::read(dir.path("absent.csv"), missing);
  EXPECT_EQ(missing.to_string(), dir.path("absent.csv") + ": cannot open file '" + dir.path("absent.csv") + "': No such file or directory\n");
  ErrorList empty;
  CsvTable::parse("# only a comment\n\n", "e.csv", empty);
  EXPECT_TRUE(contains(empty.to_string(), "e.csv: the file has no header line")) << empty.to_string();
}

}  // namespace
}  // namespace reformsim::config
