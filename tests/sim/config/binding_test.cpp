// Bindings: one declaration validates, fills defaults and loads into the struct.
#include "sim/config/binding.hpp"

#include <gtest/gtest.h>

#include "sim/config/validate.hpp"
#include "sim/config/yaml_loader.hpp"

namespace reformsim::config {
namespace {

enum class Mode { Queue, Divert };

const Choices<Mode>& modes() {
  static const Choices<Mode> c{{"queue", Mode::Queue}, {"divert", Mode::Divert}};
  return c;
}

struct Room {
  std::string name;
  int beds = 0;
};

struct Ward {
  double cost_yuan = 0;
  std::int64_t visits = 0;
  bool open = false;
  Mode when_full = Mode::Queue;
  std::optional<double> budget_yuan;
  std::array<double, 3> by_tier{};
  std::vector<int> regions;
  Room main;
  std::vector<Room> rooms;
  std::string label;  // filled by a custom writer
};

Binding<Room> room_binding() {
  return Binding<Room>("Room")
      .field("name", &Room::name, Spec::string()->doc("room name"))
      .field("beds", &Room::beds, Spec::integer()->min(1)->def(4)->doc("beds in the room"));
}

Binding<Ward> ward_binding() {
  return Binding<Ward>("Ward")
      .field("cost_yuan", &Ward::cost_yuan, Spec::real()->min(0)->def(12.5)->unit("yuan")->doc("cost"))
      .field("visits", &Ward::visits, Spec::integer()->def(std::int64_t{7})->doc("visits"))
      .field("open", &Ward::open, Spec::boolean()->def(true)->doc("open"))
      .field("when_full", &Ward::when_full, modes().spec()->def("queue")->doc("when full"), modes())
      .field("budget_yuan", &Ward::budget_yuan, Spec::real()->optional()->doc("budget"))
      .field("by_tier", &Ward::by_tier,
             Spec::array(Spec::real())->min_items(3)->max_items(3)->def_node(Node::sequence())->doc("per tier"))
      .field("regions", &Ward::regions, Spec::array(Spec::integer())->def_node(Node::sequence())->doc("regions"))
      .field("main", &Ward::main, room_binding(), [](SpecPtr s) { return s->doc("the main room"); })
      .list("rooms", &Ward::rooms, room_binding(), [](SpecPtr s) { return s->def_node(Node::sequence()); })
      .custom("label", Spec::string()->def("none")->doc("a label"),
              [](const Node* v, Ward& w) { w.label = "<" + v->text() + ">"; })
      .member("label_text");
}

Ward load(const std::string& yaml, ErrorList& errors) {
  const Node raw = parse_yaml(yaml, "ward.yaml", errors);
  const Binding<Ward> b = ward_binding();
  const Node validated = validate(raw, *b.spec(), errors);
  return errors.empty() ? b.load(validated) : Ward{};
}

TEST(BindingTest, LoadsEveryKindOfMember) {
  ErrorList errors;
  const Ward w = load(
      "cost_yuan: 3\nvisits: 1e3\nopen: false\nwhen_full: divert\nbudget_yuan: 99.5\nby_tier: [1, 2, 3]\n"
      "regions: [0, 2]\nmain: {name: A, beds: 2}\nrooms: [{name: B}, {name: C, beds: 9}]\nlabel: x\n",
      errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(w.cost_yuan, 3);
  EXPECT_EQ(w.visits, 1000);
  EXPECT_FALSE(w.open);
  EXPECT_EQ(w.when_full, Mode::Divert);
  ASSERT_TRUE(w.budget_yuan);
  EXPECT_EQ(*w.budget_yuan, 99.5);
  EXPECT_EQ(w.by_tier, (std::array<double, 3>{1, 2, 3}));
  EXPECT_EQ(w.regions, (std::vector<int>{0, 2}));
  EXPECT_EQ(w.main.name, "A");
  EXPECT_EQ(w.main.beds, 2);
  ASSERT_EQ(w.rooms.size(), 2u);
  EXPECT_EQ(w.rooms[0].beds, 4);  // the item's default
  EXPECT_EQ(w.rooms[1].beds, 9);
  EXPECT_EQ(w.label, "<x>");
}

TEST(BindingTest, DefaultsComeFromTheDeclarationOnly) {
  ErrorList errors;
  const Ward w = load("main: {name: A}\nby_tier: [0, 0, 0]\n", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(w.cost_yuan, 12.5);
  EXPECT_EQ(w.visits, 7);
  EXPECT_TRUE(w.open);
  EXPECT_FALSE(w.budget_yuan);  // optional and absent
  EXPECT_EQ(w.main.beds, 4);
  EXPECT_EQ(w.label, "<none>");
}

TEST(BindingTest, ValidationErrorsAreTheSpecsOwn) {
  ErrorList errors;
  load("cost_yuan: -1\nwhen_full: sideways\nmain: {name: A}\nby_tier: [1]\nbogus: 1\n", errors);
  const std::string e = errors.to_string();
  EXPECT_NE(e.find("cost_yuan: must be >= 0"), std::string::npos) << e;
  EXPECT_NE(e.find("when_full"), std::string::npos) << e;
  EXPECT_NE(e.find("by_tier"), std::string::npos) << e;
  EXPECT_NE(e.find("bogus"), std::string::npos) << e;
}

TEST(BindingTest, InfoNamesTheMembersAndNestedBindings) {
  const auto info = ward_binding().info();
  EXPECT_EQ(info->type_name, "Ward");
  ASSERT_EQ(info->fields.size(), 10u);
  EXPECT_EQ(info->fields[0].key, "cost_yuan");
  EXPECT_EQ(info->fields[0].member, "cost_yuan");
  EXPECT_EQ(info->fields[9].key, "label");
  EXPECT_EQ(info->fields[9].member, "label_text");
  ASSERT_TRUE(info->fields[7].nested);
  EXPECT_EQ(info->fields[7].nested->type_name, "Room");
  EXPECT_EQ(info->fields[7].spec->description(), "the main room");
  ASSERT_TRUE(info->fields[8].nested);
}

TEST(BindingTest, ChoicesParseAndName) {
  EXPECT_EQ(modes().parse("divert"), Mode::Divert);
  EXPECT_EQ(modes().name(Mode::Queue), "queue");
  EXPECT_EQ(modes().names(), (std::vector<std::string>{"queue", "divert"}));
  EXPECT_THROW(modes().parse("nope"), std::logic_error);
}

TEST(BindingTest, DefaultsOfThrowsWithoutADefault) {
  EXPECT_THROW(defaults_of(room_binding()), std::logic_error);  // name has no default
}

}  // namespace
}  // namespace reformsim::config
