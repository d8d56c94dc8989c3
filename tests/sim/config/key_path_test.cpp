// Key paths: "a.b.c" and "hospitals[2].beds", creating maps, existing indices only, clear errors.
#include <gtest/gtest.h>

#include "config_test_support.hpp"
#include "sim/config/key_path.hpp"
#include "sim/config/validate.hpp"
#include "sim/config/yaml_loader.hpp"
#include "test_spec.hpp"

namespace reformsim::config {
namespace {

using test_support::contains;

Node sample() {
  ErrorList errors;
  Node root =
      parse_yaml("a:\n  list:\n    - {x: 1}\n    - {x: 2}\n  leaf: 3\nmatrix: [[1, 2], [3, 4]]\n", "f.yaml", errors);
  EXPECT_TRUE(errors.empty()) << errors.to_string();
  return root;
}

// The PathError message of set_at_path(root, path, …), or "" when it succeeds.
std::string set_error(Node& root, const std::string& path) {
  try {
    set_at_path(root, path, Node::scalar("1"));
  } catch (const PathError& e) {
    return e.what();
  }
  return "";
}

TEST(KeyPathTest, FindsNestedValuesAndIndices) {
  const Node root = sample();
  EXPECT_EQ(find_at_path(root, "a.list[1].x")->text(), "2");
  EXPECT_EQ(find_at_path(root, "matrix[1][0]")->text(), "3");
  EXPECT_TRUE(find_at_path(root, "a.list")->is_sequence());
  EXPECT_EQ(find_at_path(root, "a.nothing"), nullptr);
  EXPECT_EQ(find_at_path(root, "a.list[2]"), nullptr);
  EXPECT_EQ(find_at_path(root, "a.leaf.x"), nullptr);
  EXPECT_EQ(find_at_path(root, "a..list"), nullptr);  // malformed: not found rather than an exception
}

TEST(KeyPathTest, SetsValuesCreatingMissingMaps) {
  Node root = sample();
  set_at_path(root, "a.list[1].x", Node::scalar("5", {"arm.yaml", 4, 9}));
  set_at_path(root, "b.c.d", Node::scalar("7", {"arm.yaml", 5, 9}));
  set_at_path(root, "matrix[0][1]", Node::scalar("9"));
  set_at_path(root, "a.list[0]", Node::scalar("replaced"));
  EXPECT_EQ(find_at_path(root, "a.list[1].x")->text(), "5");
  EXPECT_EQ(find_at_path(root, "a.list[1].x")->location().to_string(), "arm.yaml:4:9");
  EXPECT_EQ(find_at_path(root, "b.c.d")->text(), "7");
  EXPECT_TRUE(find_at_path(root, "b.c")->is_map());
  EXPECT_EQ(find_at_path(root, "b.c")->location().file, "arm.yaml");  // created maps sit where the value came from
  EXPECT_EQ(find_at_path(root, "matrix[0][1]")->text(), "9");
  EXPECT_EQ(find_at_path(root, "a.list[0]")->text(), "replaced");
  EXPECT_EQ(find_at_path(root, "a.leaf")->text(), "3");  // siblings untouched
  EXPECT_EQ(root.entries().back().first, "b");
}

TEST(KeyPathTest, BadIndicesAndObstaclesThrowClearErrors) {
  Node root = sample();
  EXPECT_EQ(set_error(root, "a.list[5].x"), "key path 'a.list[5].x': index 5 does not exist ('a.list' has 2 items)");
  EXPECT_EQ(set_error(root, "a.leaf.x"), "key path 'a.leaf.x': 'a.leaf' is a scalar, not a map");
  EXPECT_EQ(set_error(root, "a[0]"), "key path 'a[0]': 'a' is a map, not a list");
  EXPECT_EQ(set_error(root, "a.list[1].x.y"), "key path 'a.list[1].x.y': 'a.list[1].x' is a scalar, not a map");
  EXPECT_TRUE(contains(set_error(root, "a.list[-1]"), "'[-1]' is not an index")) << set_error(root, "a.list[-1]");
  EXPECT_TRUE(contains(set_error(root, "a.list[x]"), "is not an index"));
  EXPECT_TRUE(contains(set_error(root, "a.list[]"), "is not an index"));
  EXPECT_TRUE(contains(set_error(root, "a.list[1"), "without a matching ']'"));
  EXPECT_TRUE(contains(set_error(root, "a..b"), "empty key"));
  EXPECT_TRUE(contains(set_error(root, ".a"), "empty key"));
  EXPECT_TRUE(contains(set_error(root, "a."), "ends with '.'"));
  EXPECT_TRUE(contains(set_error(root, "a.list[1]x"), "expected '.' or '[' after ']'"));
  EXPECT_TRUE(contains(set_error(root, "a]"), "without a matching '['"));
  EXPECT_EQ(set_error(root, ""), "empty key path");
  EXPECT_EQ(find_at_path(root, "a.list[1].x")->text(), "2");  // failed sets change nothing they could not reach
}

// A value filled in from its default was written nowhere: problems with it point at the enclosing object the file
// did write, and a problem between values at the one the file wrote.
TEST(KeyPathTest, ProblemsWithDefaultsPointAtWhatTheFileWrote) {
  ErrorList errors;
  const Node raw = parse_yaml("name: x\npopulation:\n  insured: 10\nfund:\n  growth: 0.1\n", "f.yaml", errors);
  const Node root = validate(raw, *test_support::test_spec(), errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_TRUE(find_at_path(root, "fund.reserve_months")->location().file.empty());  // a default
  EXPECT_EQ(location_at_path(root, "fund.reserve_months").to_string(),
            find_at_path(root, "fund")->location().to_string());
  EXPECT_EQ(location_at_path(root, "fund.growth").to_string(), "f.yaml:5:11");
  EXPECT_EQ(location_at_path(root, "population.employee_share").to_string(),
            find_at_path(root, "population")->location().to_string());
  EXPECT_EQ(location_at_path(root, "no.such.key").to_string(), root.location().to_string());

  report_at(errors, root, std::vector<std::string>{"fund.reserve_months", "fund.growth"}, "out of order");
  report_at(errors, root, std::vector<std::string>{"population.employee_share", "seed"}, "both defaults");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors.errors()[0].key_path, "fund.growth");
  EXPECT_EQ(errors.errors()[0].where.to_string(), "f.yaml:5:11");
  EXPECT_EQ(errors.errors()[1].key_path, "population.employee_share");
  EXPECT_EQ(errors.errors()[1].where.to_string(), find_at_path(root, "population")->location().to_string());
}

}  // namespace
}  // namespace reformsim::config
