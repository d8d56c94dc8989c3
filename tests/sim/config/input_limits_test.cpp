// The limits every loader shares: regular files only, a size cap, alias expansion and nesting budgets, one
// document, a byte-order mark skipped, NUL bytes refused, quoted values on one line, aliases located at the alias.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "config_test_support.hpp"
#include "sim/config/csv.hpp"
#include "sim/config/input_file.hpp"
#include "sim/config/key_path.hpp"
#include "sim/config/yaml_loader.hpp"

namespace reformsim::config {
namespace {

using test_support::contains;
using test_support::TempDir;

TEST(InputLimitsTest, OnlyRegularFilesWithinTheLimitAreRead) {
  TempDir dir;
  std::string problem;
  EXPECT_FALSE(read_input_file("/dev/zero", 100, problem));
  EXPECT_TRUE(contains(problem, "is not a regular file")) << problem;
  EXPECT_FALSE(read_input_file(dir.path(""), 100, problem));
  EXPECT_TRUE(contains(problem, "is a directory")) << problem;
  const std::string fifo = dir.path("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_FALSE(read_input_file(fifo, 100, problem));  // returns at once: no writer is waited for
  EXPECT_TRUE(contains(problem, "is not a regular file")) << problem;
  const std::string big = dir.write("big.yaml", std::string(101, 'x'));
  EXPECT_FALSE(read_input_file(big, 100, problem));
  EXPECT_TRUE(contains(problem, "over the limit of 100 bytes")) << problem;
  const std::optional<std::string> ok = read_input_file(dir.write("ok.yaml", "a: 1\n"), 100, problem);
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, "a: 1\n");
  EXPECT_FALSE(read_input_file(dir.path("missing.yaml"), 100, problem));
  EXPECT_TRUE(contains(problem, "No such file or directory")) << problem;
}

TEST(InputLimitsTest, FilesReadAreKnownUnderAnyName) {
  TempDir dir;
  const std::string file = dir.write("input.csv", "a\n1\n");
  std::string problem;
  ASSERT_TRUE(read_input_file(file, 100, problem));
  const std::string link = dir.path("link.csv");
  std::filesystem::create_symlink(file, link);
  ASSERT_TRUE(input_file_read_as(link));
  EXPECT_EQ(*input_file_read_as(link), file);
  EXPECT_FALSE(input_file_read_as(dir.write("other.csv", "b\n")));
  EXPECT_FALSE(input_file_read_as(dir.path("not_yet.h5")));
}

TEST(InputLimitsTest, AnInputDeletedSinceItWasReadIsNoLongerKnown) {
  TempDir dir;
  std::string problem;
  for (int i = 0; i < 50; ++i) {
    // A deleted file's inode is typically reused at once by the next file created in the same folder.
    const std::string input = dir.write("input.csv", "a\n1\n");
    ASSERT_TRUE(read_input_file(input, 100, problem));
    std::filesystem::remove(input);
    const std::string next = dir.write("output.csv", "b\n");
    EXPECT_FALSE(input_file_read_as(next));
    // Read as an input in turn, the file that took the inode is known under its own name.
    ASSERT_TRUE(read_input_file(next, 100, problem));
    ASSERT_TRUE(input_file_read_as(next));
    EXPECT_EQ(*input_file_read_as(next), next);
    std::filesystem::remove(next);
  }
}

TEST(InputLimitsTest, RecursiveAliasesAndAliasBombsAreRefused) {
  ErrorList errors;
  EXPECT_TRUE(parse_yaml("a: &a [*a]\n", "f.yaml", errors).is_null());
  EXPECT_TRUE(contains(errors.to_string(), "f.yaml:1:8: a[0]: the alias refers to the value that contains it"))
      << errors.to_string();
  std::string bomb = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    const std::string prev = std::string("*l").append(std::to_string(i - 1));
    const std::string name = std::string("l").append(std::to_string(i));
    bomb += name;
    bomb += ": &";
    bomb += name;
    bomb += " [";
    for (int k = 0; k < 10; ++k) {
      if (k) bomb += ", ";
      bomb += prev;
    }
    bomb += "]\n";
  }
  ErrorList bomb_errors;
  EXPECT_TRUE(parse_yaml(bomb, "f.yaml", bomb_errors).is_null());
  EXPECT_TRUE(contains(bomb_errors.to_string(), "more than 100000 values")) << bomb_errors.to_string();
}

TEST(InputLimitsTest, AliasesAreExpandedAndLocatedAtTheAlias) {
  ErrorList errors;
  const Node n = parse_yaml("a: &x {b: 1}\nc: *x\n", "f.yaml", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(find_at_path(n, "c.b")->text(), "1");
  EXPECT_EQ(find_at_path(n, "c.b")->location().to_string(), "f.yaml:2:4");
  EXPECT_EQ(find_at_path(n, "a.b")->location().to_string(), "f.yaml:1:11");
}

TEST(InputLimitsTest, NestingDeeperThanTheLimitIsRefused) {
  ErrorList errors;
  const std::string deep = "a: " + std::string(kMaxYamlDepth + 1, '[') + std::string(kMaxYamlDepth + 1, ']');
  EXPECT_TRUE(parse_yaml(deep, "f.yaml", errors).is_null());
  EXPECT_TRUE(contains(errors.to_string(), "nested more than 64 levels deep")) << errors.to_string();
  ErrorList fine;
  parse_yaml("a: " + std::string(kMaxYamlDepth - 1, '[') + std::string(kMaxYamlDepth - 1, ']'), "f.yaml", fine);
  EXPECT_TRUE(fine.empty()) << fine.to_string();
}

TEST(InputLimitsTest, OneDocumentPerFile) {
  ErrorList errors;
  parse_yaml("---\na: 1\n---\na: 2\n", "f.yaml", errors);
  EXPECT_TRUE(contains(errors.to_string(), "f.yaml:3:1: a second YAML document")) << errors.to_string();
  ErrorList one;
  EXPECT_EQ(parse_yaml("---\na: 1\n...\n", "f.yaml", one).find("a")->text(), "1");
  EXPECT_TRUE(one.empty()) << one.to_string();
}

TEST(InputLimitsTest, QuotedValuesEndOnTheirLine) {
  ErrorList errors;
  parse_yaml("name: \"abc\nseed: 3\"\n", "f.yaml", errors);
  EXPECT_TRUE(contains(errors.to_string(), "f.yaml:1:7: name: a quoted value runs past the end of its line"))
      << errors.to_string();
  ErrorList fine;
  parse_yaml("a: \"x \\\" y\"\nb: 'it''s'\nc: \"\"\n", "f.yaml", fine);
  EXPECT_TRUE(fine.empty()) << fine.to_string();
}

TEST(InputLimitsTest, ByteOrderMarksAreSkippedAndNulBytesRefused) {
  ErrorList errors;
  EXPECT_EQ(parse_yaml("\xEF\xBB\xBF"
                       "a: 1\n",
                       "f.yaml", errors)
                .find("a")
                ->text(),
            "1");
  EXPECT_TRUE(errors.empty()) << errors.to_string();
  const CsvTable t = CsvTable::parse(
      "\xEF\xBB\xBF"
      "code,x\nA,1\n",
      "t.csv", errors);
  EXPECT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_TRUE(t.column("code"));
  ErrorList nul;
  parse_yaml(std::string("a: 1\nb: x\0y\n", 11), "f.yaml", nul);
  EXPECT_TRUE(contains(nul.to_string(), "f.yaml:2: the file contains a NUL byte")) << nul.to_string();
  ErrorList csv_nul;
  const CsvTable u = CsvTable::parse(std::string("code\nA\0B\n", 9), "t.csv", csv_nul);
  EXPECT_TRUE(contains(csv_nul.to_string(), "t.csv:2: the file contains a NUL byte")) << csv_nul.to_string();
  EXPECT_FALSE(u.has_header());
}

TEST(InputLimitsTest, ControlCharactersInMessagesAreShownEscaped) {
  ErrorList errors;
  errors.add({"f.csv", 2, 0}, "", std::string("got 'a\0b\r'", 10));
  EXPECT_EQ(errors.to_string(), "f.csv:2: got 'a\\x00b\\x0d'\n");
}

TEST(InputLimitsTest, ACatalogueThatCannotBeReadGivesOneError) {
  ErrorList errors;
  const CsvTable t = CsvTable::read("/no/such/table.csv", errors);
  t.require_columns({"code"}, errors);
  t.allow_only_columns({"code"}, errors);
  EXPECT_EQ(errors.size(), 1u) << errors.to_string();
}

TEST(InputLimitsTest, SetPathsIndexIntoDefaultLists) {
  ErrorList errors;
  Node root = parse_yaml("population: {insured: 5}\n", "f.yaml", errors);
  const Node defaults = parse_yaml("population: {bands: [{share: 0.5}, {share: 0.5}]}\n", "", errors);
  set_at_path(root, "population.bands[1].share", Node::scalar("0.7"), &defaults);
  EXPECT_EQ(find_at_path(root, "population.bands[1].share")->text(), "0.7");
  EXPECT_EQ(find_at_path(root, "population.bands[0].share")->text(), "0.5");
  EXPECT_EQ(find_at_path(root, "population.insured")->text(), "5");
  try {
    set_at_path(root, "population.other[0]", Node::scalar("1"), &defaults);
    ADD_FAILURE() << "expected a PathError";
  } catch (const PathError& e) {
    EXPECT_TRUE(contains(e.what(), "'population.other' is not set and has no default list")) << e.what();
  }
}

}  // namespace
}  // namespace reformsim::config
