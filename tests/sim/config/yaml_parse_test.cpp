// parse_yaml: 1-based locations, quoted scalars, nulls, duplicate keys and syntax errors.
#include <gtest/gtest.h>

#include "config_test_support.hpp"
#include "sim/config/key_path.hpp"
#include "sim/config/yaml_loader.hpp"

namespace reformsim::config {
namespace {

using test_support::contains;

TEST(YamlParseTest, LocationsAreOneBased) {
  ErrorList errors;
  const Node n = parse_yaml("a: 1\nsection:\n  inner: x\nlist:\n  - 5\n", "f.yaml", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(n.find("a")->location().to_string(), "f.yaml:1:4");
  EXPECT_EQ(n.key_location("a").to_string(), "f.yaml:1:1");
  EXPECT_EQ(find_at_path(n, "section.inner")->location().to_string(), "f.yaml:3:10");
  EXPECT_EQ(n.find("section")->key_location("inner").to_string(), "f.yaml:3:3");
  EXPECT_EQ(find_at_path(n, "list[0]")->location().to_string(), "f.yaml:5:5");
}

TEST(YamlParseTest, QuotedScalarsAndNulls) {
  ErrorList errors;
  const Node n = parse_yaml("a: \"1\"\nb: 1\nc: ~\nd:\ne: 'x'\nf: null\n", "f.yaml", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_TRUE(n.find("a")->quoted());
  EXPECT_EQ(n.find("a")->text(), "1");
  EXPECT_FALSE(n.find("b")->quoted());
  EXPECT_TRUE(n.find("c")->is_null());
  EXPECT_TRUE(n.find("d")->is_null());
  EXPECT_TRUE(n.find("e")->quoted());
  EXPECT_TRUE(n.find("f")->is_null());
}

TEST(YamlParseTest, DuplicateKeysAreErrorsAndTheFirstValueIsKept) {
  ErrorList errors;
  const Node n = parse_yaml("a: 1\nb: 2\na: 3\nsub:\n  x: 1\n  x: 2\n", "f.yaml", errors);
  ASSERT_EQ(errors.size(), 2u) << errors.to_string();
  EXPECT_EQ(errors.errors()[0].to_string(), "f.yaml:3:1: a: duplicate key 'a'");
  EXPECT_EQ(errors.errors()[1].to_string(), "f.yaml:6:3: sub.x: duplicate key 'x'");
  EXPECT_EQ(n.find("a")->text(), "1");
  EXPECT_EQ(n.find("b")->text(), "2");
}

TEST(YamlParseTest, SyntaxErrorsCarryFileLineAndColumn) {
  ErrorList errors;
  const Node n = parse_yaml("a: 1\nb: [1, 2\n", "g.yaml", errors);
  ASSERT_EQ(errors.size(), 1u);
  const ConfigError& e = errors.errors()[0];
  EXPECT_EQ(e.where.file, "g.yaml");
  EXPECT_GE(e.where.line, 2) << e.to_string();
  EXPECT_GE(e.where.column, 1) << e.to_string();
  EXPECT_TRUE(contains(e.message, "YAML syntax error: ")) << e.to_string();
  EXPECT_TRUE(n.is_null());

  ErrorList bad_indent;
  parse_yaml("a:\n  b: 1\n c: 2\n", "h.yaml", bad_indent);
  ASSERT_EQ(bad_indent.size(), 1u);
  EXPECT_TRUE(contains(bad_indent.to_string(), "h.yaml:3:")) << bad_indent.to_string();
}

TEST(YamlParseTest, NonScalarKeysAreErrors) {
  ErrorList errors;
  parse_yaml("? [a, b]\n: 1\n", "f.yaml", errors);
  EXPECT_TRUE(contains(errors.to_string(), "map keys must be plain names")) << errors.to_string();
}

TEST(YamlParseTest, EmptyTextIsNull) {
  ErrorList errors;
  EXPECT_TRUE(parse_yaml("", "f.yaml", errors).is_null());
  EXPECT_TRUE(parse_yaml("# only a comment\n", "f.yaml", errors).is_null());
  EXPECT_TRUE(errors.empty());
}

}  // namespace
}  // namespace reformsim::config
