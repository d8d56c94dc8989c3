// The Node tree: ordered maps with key locations, sequences, and YAML re-emission that parses back identically.
#include <gtest/gtest.h>

#include "sim/config/key_path.hpp"
#include "sim/config/node.hpp"
#include "sim/config/yaml_loader.hpp"

namespace reformsim::config {
namespace {

TEST(NodeTest, MapsKeepInsertionOrderAndReplaceInPlace) {
  Node m = Node::map({"f.yaml", 1, 1});
  m.set("b", Node::scalar("1"), {"f.yaml", 2, 1});
  m.set("a", Node::scalar("2"));
  m.set("c", Node::scalar("3"));
  m.set("a", Node::scalar("20", {"g.yaml", 9, 4}));
  ASSERT_EQ(m.entries().size(), 3u);
  EXPECT_EQ(m.entries()[0].first, "b");
  EXPECT_EQ(m.entries()[1].first, "a");
  EXPECT_EQ(m.find("a")->text(), "20");
  EXPECT_EQ(m.key_location("b").line, 2);
  EXPECT_EQ(m.key_location("a").to_string(), "g.yaml:9:4");  // key located at its value by default
  EXPECT_EQ(m.key_location("zz").to_string(), "f.yaml:1:1");  // absent key: the map itself
  EXPECT_TRUE(m.erase("b"));
  EXPECT_FALSE(m.erase("b"));
  EXPECT_EQ(m.find("b"), nullptr);
  EXPECT_EQ(m.entries().front().first, "a");
  EXPECT_EQ(m.key_location("a").line, 9);  // key locations stay aligned after erase
}

TEST(NodeTest, KindsAndConversions) {
  EXPECT_TRUE(Node().is_null());
  EXPECT_TRUE(Node::null().is_null());
  EXPECT_TRUE(Node::scalar("x").is_scalar());
  EXPECT_FALSE(Node::scalar("x").quoted());
  EXPECT_TRUE(Node::scalar("x", {}, true).quoted());
  EXPECT_EQ(Node::sequence().kind(), Node::Kind::Sequence);
  Node n;
  n.set("k", Node::scalar("v"));  // a null becomes a map
  EXPECT_TRUE(n.is_map());
  Node s;
  s.push_back(Node::scalar("1"));  // and a sequence on push_back
  EXPECT_TRUE(s.is_sequence());
  EXPECT_EQ(s.items().size(), 1u);
  EXPECT_EQ(Node::scalar("x").find("k"), nullptr);
}

TEST(NodeTest, YamlRoundTrip) {
  ErrorList errors;
  const Node n = parse_yaml(
      "name: \"a: b\"\n"
      "code: \"007\"\n"
      "flag: \"true\"\n"
      "tricky: \"- x # y\"\n"
      "tab: \"a\\tb\\nc\"\n"
      "none: ~\n"
      "text_null: \"null\"\n"
      "negative: -0.5\n"
      "list:\n  - {x: 1, y: [1, 2]}\n  - 3\n  - [4, [5]]\n"
      "empty: []\n"
      "m: {}\n",
      "f.yaml", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  const std::string yaml = n.to_yaml();
  const Node again = parse_yaml(yaml, "g.yaml", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string() << yaml;
  EXPECT_EQ(again.find("name")->text(), "a: b");
  EXPECT_TRUE(again.find("code")->quoted()) << yaml;  // still a string, not the number 7
  EXPECT_EQ(again.find("code")->text(), "007");
  EXPECT_TRUE(again.find("flag")->quoted());
  EXPECT_EQ(again.find("tricky")->text(), "- x # y");
  EXPECT_EQ(again.find("tab")->text(), "a\tb\nc");
  EXPECT_TRUE(again.find("none")->is_null());
  EXPECT_TRUE(again.find("text_null")->is_scalar());
  EXPECT_EQ(again.find("negative")->text(), "-0.5");
  EXPECT_FALSE(again.find("negative")->quoted());
  EXPECT_EQ(find_at_path(again, "list[0].y[1]")->text(), "2");
  EXPECT_EQ(find_at_path(again, "list[1]")->text(), "3");
  EXPECT_EQ(find_at_path(again, "list[2][1][0]")->text(), "5");
  EXPECT_TRUE(again.find("empty")->is_sequence());
  EXPECT_TRUE(again.find("m")->is_map());
  EXPECT_EQ(again.to_yaml(), yaml);  // emission is stable
}

TEST(NodeTest, ProgrammaticScalarsThatLookSpecialAreQuoted) {
  Node m = Node::map();
  m.set("empty", Node::scalar(""));
  m.set("tilde", Node::scalar("~"));
  m.set("key with: colon", Node::scalar("v"));
  ErrorList errors;
  const Node again = parse_yaml(m.to_yaml(), "g.yaml", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string() << m.to_yaml();
  EXPECT_TRUE(again.find("empty")->is_scalar());
  EXPECT_EQ(again.find("empty")->text(), "");
  EXPECT_TRUE(again.find("tilde")->is_scalar());
  EXPECT_EQ(again.find("key with: colon")->text(), "v");
}

}  // namespace
}  // namespace reformsim::config
