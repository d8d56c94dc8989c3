// Declarations: fluent builders, getters, defaults as nodes, and which fields are required.
#include <gtest/gtest.h>

#include "sim/config/schema.hpp"
#include "test_spec.hpp"

namespace reformsim::config {
namespace {

TEST(SchemaTest, BuildersChainAndGettersReadBack) {
  const SpecPtr s = Spec::real()->range(0, 1)->unit("fraction")->doc("a share")->def(0.25);
  EXPECT_EQ(s->type(), ValueType::Real);
  EXPECT_EQ(s->unit(), "fraction");
  EXPECT_EQ(s->unit_name(), "fraction");
  EXPECT_EQ(s->description(), "a share");
  EXPECT_EQ(s->lower(), 0.0);
  EXPECT_EQ(s->upper(), 1.0);
  EXPECT_FALSE(s->lower_exclusive());
  EXPECT_FALSE(s->upper_exclusive());
  ASSERT_TRUE(s->default_value());
  EXPECT_EQ(s->default_value()->text(), "0.25");
  EXPECT_EQ(s->default_value()->location().to_string(), "<default>");
  EXPECT_FALSE(s->is_required());

  const SpecPtr e = Spec::real()->greater_than(-1)->less_than(10);
  EXPECT_TRUE(e->lower_exclusive());
  EXPECT_TRUE(e->upper_exclusive());
  EXPECT_TRUE(e->is_required());
  EXPECT_FALSE(Spec::string()->optional()->is_required());
  EXPECT_TRUE(Spec::string()->optional()->is_optional());

  const SpecPtr list = Spec::array(Spec::integer())->min_items(1)->max_items(3);
  EXPECT_EQ(list->min_item_count(), 1u);
  EXPECT_EQ(list->max_item_count(), 3u);
  EXPECT_EQ(list->item()->type(), ValueType::Integer);
}

TEST(SchemaTest, DefaultsBecomeNodes) {
  EXPECT_EQ(Spec::real()->def(1e6)->default_value()->text(), "1000000");
  EXPECT_EQ(Spec::real()->def(0.1)->default_value()->text(), "0.1");
  EXPECT_EQ(Spec::integer()->def(3)->default_value()->text(), "3");
  EXPECT_EQ(Spec::integer()->def(std::int64_t{1} << 40)->default_value()->text(), "1099511627776");
  EXPECT_EQ(Spec::boolean()->def(false)->default_value()->text(), "false");
  EXPECT_EQ(Spec::string()->def("x")->default_value()->text(), "x");
  EXPECT_TRUE(Spec::string()->def("x")->default_value()->quoted());
  EXPECT_EQ(Spec::string()->def(std::string("y"))->default_value()->text(), "y");
  EXPECT_TRUE(Spec::array(Spec::real())->def_node(Node::sequence())->default_value()->is_sequence());
}

TEST(SchemaTest, ObjectsListFieldsAndTypeNames) {
  const SpecPtr s = test_support::test_spec();
  EXPECT_EQ(s->type(), ValueType::Object);
  EXPECT_EQ(s->fields().front().key, "name");
  ASSERT_NE(s->field("population"), nullptr);
  EXPECT_EQ(s->field("population")->field("insured")->unit(), "persons");
  EXPECT_EQ(s->field("nope"), nullptr);
  EXPECT_EQ(s->field("method")->type_name(), "one of ffs, drg, dip");
  EXPECT_EQ(s->field("seed")->type_name(), "an integer");
  EXPECT_EQ(s->field("weights")->key_pattern_description(), "lower-case letters");
  EXPECT_TRUE(s->field("weights")->key_check()("abc"));
  EXPECT_FALSE(s->field("weights")->key_check()("aBc"));
}

TEST(SchemaTest, FormatNumber) {
  EXPECT_EQ(format_number(0), "0");
  EXPECT_EQ(format_number(-3), "-3");
  EXPECT_EQ(format_number(123456), "123456");
  EXPECT_EQ(format_number(9e15), "9e+15");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(2.5e-7), "2.5e-07");
}

}  // namespace
}  // namespace reformsim::config
