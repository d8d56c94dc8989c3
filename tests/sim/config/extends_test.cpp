// load_yaml_file: `extends:` chains, deep merges, cycles, missing files; merge_into and normalize_path.
#include <gtest/gtest.h>

#include "config_test_support.hpp"
#include "sim/config/key_path.hpp"
#include "sim/config/yaml_loader.hpp"

namespace reformsim::config {
namespace {

using test_support::contains;
using test_support::TempDir;

TEST(ExtendsTest, ChainOfThreeFilesMergesAndKeepsLocations) {
  TempDir dir;
  const std::string a = dir.write("a.yaml",
                                  "name: base\n"
                                  "rate: 0.1\n"
                                  "nested:\n"
                                  "  p: a\n"
                                  "  q: a\n"
                                  "list: [1, 2]\n");
  const std::string b = dir.write("sub/b.yaml",
                                  "extends: ../a.yaml\n"
                                  "rate: 0.2\n"
                                  "nested:\n"
                                  "  q: b\n");
  const std::string c = dir.write("sub/c.yaml",
                                  "# the most derived file\n"
                                  "extends: b.yaml\n"
                                  "nested:\n"
                                  "  r: c\n"
                                  "list: [3]\n"
                                  "rate: 0.3\n");
  ErrorList errors;
  const Node root = load_yaml_file(c, errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(root.find("extends"), nullptr);
  EXPECT_EQ(root.find("name")->text(), "base");
  EXPECT_EQ(root.find("rate")->text(), "0.3");
  EXPECT_EQ(find_at_path(root, "nested.p")->text(), "a");
  EXPECT_EQ(find_at_path(root, "nested.q")->text(), "b");
  EXPECT_EQ(find_at_path(root, "nested.r")->text(), "c");
  ASSERT_EQ(root.find("list")->items().size(), 1u);  // sequences replace
  EXPECT_EQ(find_at_path(root, "list[0]")->text(), "3");

  // Every value points at the file and line that wrote it.
  EXPECT_EQ(root.find("name")->location().to_string(), a + ":1:7");
  EXPECT_EQ(root.find("rate")->location().to_string(), c + ":6:7");
  EXPECT_EQ(root.key_location("rate").to_string(), c + ":6:1");
  EXPECT_EQ(find_at_path(root, "nested.p")->location().to_string(), a + ":4:6");
  EXPECT_EQ(find_at_path(root, "nested.q")->location().to_string(), b + ":4:6");
  EXPECT_EQ(find_at_path(root, "nested.r")->location().to_string(), c + ":4:6");
  EXPECT_EQ(root.find("list")->location().to_string(), c + ":5:7");
  // Keys keep the base's order; new keys are appended.
  ASSERT_EQ(root.entries().size(), 4u);
  EXPECT_EQ(root.entries()[0].first, "name");
  EXPECT_EQ(root.entries()[3].first, "list");
  EXPECT_EQ(root.find("nested")->entries().back().first, "r");
}

TEST(ExtendsTest, CyclesAreErrorsAtTheExtendsKey) {
  TempDir dir;
  const std::string a = dir.write("a.yaml", "extends: b.yaml\nx: 1\n");
  const std::string b = dir.write("b.yaml", "y: 2\nextends: a.yaml\n");
  ErrorList errors;
  load_yaml_file(a, errors);
  ASSERT_EQ(errors.size(), 1u) << errors.to_string();
  EXPECT_EQ(errors.errors()[0].where.to_string(), b + ":2:1");
  EXPECT_EQ(errors.errors()[0].key_path, "extends");
  EXPECT_EQ(errors.errors()[0].message, "extends cycle: " + a + " -> " + b + " -> " + a);

  const std::string self = dir.write("self.yaml", "extends: ./self.yaml\n");
  ErrorList self_errors;
  load_yaml_file(self, self_errors);
  ASSERT_EQ(self_errors.size(), 1u) << self_errors.to_string();
  EXPECT_TRUE(contains(self_errors.to_string(), self + ":1:1: extends: extends cycle")) << self_errors.to_string();
}

TEST(ExtendsTest, MissingTargetIsAnErrorAtTheExtendsKey) {
  TempDir dir;
  const std::string c = dir.write("c.yaml", "x: 1\nextends: nowhere.yaml\n");
  ErrorList errors;
  const Node root = load_yaml_file(c, errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors.errors()[0].to_string(),
            c + ":2:1: extends: cannot open file '" + dir.path("nowhere.yaml") + "': No such file or directory");
  EXPECT_EQ(root.find("x")->text(), "1");  // the file's own keys are still there
}

TEST(ExtendsTest, MissingFileAndBrokenBase) {
  TempDir dir;
  ErrorList missing;
  load_yaml_file(dir.path("absent.yaml"), missing);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_TRUE(contains(missing.to_string(), "cannot open file")) << missing.to_string();

  dir.write("broken.yaml", "a: [1,\n");
  const std::string child = dir.write("child.yaml", "extends: broken.yaml\nb: 2\n");
  ErrorList errors;
  load_yaml_file(child, errors);
  ASSERT_EQ(errors.size(), 1u) << errors.to_string();
  EXPECT_TRUE(contains(errors.to_string(), dir.path("broken.yaml") + ":")) << errors.to_string();
  EXPECT_TRUE(contains(errors.to_string(), "YAML syntax error")) << errors.to_string();
}

TEST(ExtendsTest, ExtendsMustNameAFileAndOnlyTheTopLevelCounts) {
  TempDir dir;
  const std::string f = dir.write("f.yaml", "extends: [a.yaml]\nsection:\n  extends: other.yaml\n");
  ErrorList errors;
  const Node root = load_yaml_file(f, errors);
  ASSERT_EQ(errors.size(), 1u) << errors.to_string();
  EXPECT_EQ(errors.errors()[0].to_string(), f + ":1:1: extends: must be the name of a YAML file");
  EXPECT_EQ(find_at_path(root, "section.extends")->text(), "other.yaml");  // left for validation to reject

  const std::string list = dir.write("list.yaml", "- 1\n- 2\n");
  ErrorList not_a_map;
  load_yaml_file(list, not_a_map);
  EXPECT_TRUE(contains(not_a_map.to_string(), "the file must be a map")) << not_a_map.to_string();

  ErrorList empty;
  EXPECT_TRUE(load_yaml_file(dir.write("empty.yaml", ""), empty).is_map());
  EXPECT_TRUE(empty.empty()) << empty.to_string();
}

TEST(MergeIntoTest, MapsMergeRecursivelyOthersReplace) {
  ErrorList errors;
  Node base = parse_yaml("a: {x: 1, y: {z: 2, w: 3}}\nb: [1, 2]\nc: 5\nd: {k: 1}\ne: 1\n", "base.yaml", errors);
  const Node over = parse_yaml("a: {y: {z: 20}, v: 4}\nb: [9]\nc: {m: 1}\nd: 7\ne: ~\nf: new\n", "over.yaml", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  merge_into(base, over);
  EXPECT_EQ(find_at_path(base, "a.x")->text(), "1");
  EXPECT_EQ(find_at_path(base, "a.y.z")->text(), "20");
  EXPECT_EQ(find_at_path(base, "a.y.w")->text(), "3");
  EXPECT_EQ(find_at_path(base, "a.v")->text(), "4");
  EXPECT_EQ(base.find("b")->items().size(), 1u);
  EXPECT_TRUE(base.find("c")->is_map());
  EXPECT_EQ(base.find("d")->text(), "7");
  EXPECT_TRUE(base.find("e")->is_null());
  EXPECT_EQ(base.find("f")->text(), "new");
  EXPECT_EQ(base.find("a")->location().file, "over.yaml");  // merged maps belong to the overriding file
  EXPECT_EQ(find_at_path(base, "a.x")->location().file, "base.yaml");
  EXPECT_EQ(base.key_location("a").file, "over.yaml");
}

TEST(NormalizePathTest, RelativeToTheWritingFile) {
  EXPECT_EQ(normalize_path("data/x.csv", {"/s/dir/f.yaml", 3, 1}), "/s/dir/data/x.csv");
  EXPECT_EQ(normalize_path("../data/./x.csv", {"/s/dir/f.yaml", 3, 1}), "/s/data/x.csv");
  EXPECT_EQ(normalize_path("/abs/x.csv", {"/s/dir/f.yaml", 3, 1}), "/abs/x.csv");
  EXPECT_EQ(normalize_path("x.csv", {"f.yaml", 1, 1}), "x.csv");
  EXPECT_EQ(normalize_path("a/../x.csv", {}), "x.csv");  // defaults: relative to the working directory
}

}  // namespace
}  // namespace reformsim::config
