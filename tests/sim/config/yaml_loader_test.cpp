// YAML loading with source locations, `extends:` chains, cycles, duplicates and syntax errors.
#include <gtest/gtest.h>

#include "config_test_support.hpp"
#include "sim/config/key_path.hpp"
#include "sim/config/yaml_loader.hpp"

namespace reformsim::config {
namespace {

TEST(YamlLoaderTest, ExtendsChainMergesAndKeepsLocations) {
  testing::TempDir dir;
  dir.write("a.yaml", "x: 1\nnested:\n  p: a\n  q: a\nlist: [1, 2]\n");
  dir.write("sub/b.yaml", "extends: ../a.yaml\nnested:\n  q: b\ny: 2\n");
  const std::string c = dir.write("sub/c.yaml", "extends: b.yaml\nnested:\n  r: c\nlist: [3]\n");
  ErrorList errors;
  const Node root = load_yaml_file(c, errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(root.find("extends"), nullptr);
  EXPECT_EQ(root.find("x")->text(), "1");
  EXPECT_EQ(find_at_path(root, "nested.p")->text(), "a");
  EXPECT_EQ(find_at_path(root, "nested.q")->text(), "b");
  EXPECT_EQ(find_at_path(root, "nested.r")->text(), "c");
  EXPECT_EQ(root.find("list")->items().size(), 1u);  // lists replace
  EXPECT_NE(find_at_path(root, "nested.q")->location().file.find("b.yaml"), std::string::npos);
  EXPECT_EQ(find_at_path(root, "nested.q")->location().line, 3);
  EXPECT_NE(root.find("x")->location().file.find("a.yaml"), std::string::npos);
  EXPECT_EQ(find_at_path(root, "nested.r")->location().line, 3);
}

TEST(YamlLoaderTest, CyclesAndMissingFilesAreErrorsAtTheExtendsKey) {
  testing::TempDir dir;
  dir.write("a.yaml", "extends: b.yaml\n");
  const std::string b = dir.write("b.yaml", "x: 1\nextends: a.yaml\n");
  ErrorList errors;
  load_yaml_file(b, errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors.to_string().find("cycle"), std::string::npos) << errors.to_string();
  const std::string c = dir.write("c.yaml", "extends: nowhere.yaml\n");
  ErrorList missing;
  load_yaml_file(c, missing);
  EXPECT_NE(missing.to_string().find("c.yaml:1:1: extends: cannot open file"), std::string::npos)
      << missing.to_string();
}

TEST(YamlLoaderTest, DuplicateKeysAndSyntaxErrors) {
  ErrorList errors;
  parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml", errors);
  EXPECT_NE(errors.to_string().find("f.yaml:3:1: a: duplicate key 'a'"), std::string::npos) << errors.to_string();
  ErrorList syntax;
  parse_yaml("a: [1, 2\n", "g.yaml", syntax);
  EXPECT_NE(syntax.to_string().find("g.yaml:"), std::string::npos);
  EXPECT_NE(syntax.to_string().find("YAML syntax error"), std::string::npos);
}

TEST(YamlLoaderTest, QuotedScalarsAndNulls) {
  ErrorList errors;
  const Node n = parse_yaml("a: \"1\"\nb: 1\nc: ~\nd:\n", "f.yaml", errors);
  EXPECT_TRUE(n.find("a")->quoted());
  EXPECT_FALSE(n.find("b")->quoted());
  EXPECT_TRUE(n.find("c")->is_null());
  EXPECT_TRUE(n.find("d")->is_null());
}

TEST(KeyPathTest, SetsNestedValuesAndIndices) {
  ErrorList errors;
  Node root = parse_yaml("a:\n  list:\n    - {x: 1}\n    - {x: 2}\n", "f.yaml", errors);
  set_at_path(root, "a.list[1].x", Node::scalar("5"));
  set_at_path(root, "b.c.d", Node::scalar("7"));
  EXPECT_EQ(find_at_path(root, "a.list[1].x")->text(), "5");
  EXPECT_EQ(find_at_path(root, "b.c.d")->text(), "7");
  EXPECT_THROW(set_at_path(root, "a.list[5].x", Node::scalar("1")), PathError);
  EXPECT_THROW(set_at_path(root, "a.list[1].x.y", Node::scalar("1")), PathError);
  EXPECT_THROW(set_at_path(root, "a..b", Node::scalar("1")), PathError);
  EXPECT_EQ(find_at_path(root, "a.nothing"), nullptr);
}

TEST(NodeTest, YamlRoundTrip) {
  ErrorList errors;
  const Node n =
      parse_yaml("name: \"a: b\"\nlist:\n  - {x: 1, y: [1, 2]}\n  - 3\nempty: []\nm: {}\n", "f.yaml", errors);
  const Node again = parse_yaml(n.to_yaml(), "g.yaml", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string() << n.to_yaml();
  EXPECT_EQ(again.find("name")->text(), "a: b");
  EXPECT_EQ(find_at_path(again, "list[0].y[1]")->text(), "2");
  EXPECT_EQ(find_at_path(again, "list[1]")->text(), "3");
  EXPECT_TRUE(again.find("empty")->is_sequence());
}

}  // namespace
}  // namespace reformsim::config
