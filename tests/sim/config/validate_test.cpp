// Declaration-driven validation: every class of error, all at once, with file:line and key path.
#include <gtest/gtest.h>

#include "sim/config/json_schema.hpp"
#include "sim/config/markdown.hpp"
#include "sim/config/read.hpp"
#include "sim/config/validate.hpp"
#include "sim/config/yaml_loader.hpp"

namespace reformsim::config {
namespace {

SpecPtr spec() {
  return Spec::object({
      {"rate", Spec::real()->range(0, 1)->def(0.5)->unit("fraction")->doc("a rate")},
      {"count", Spec::integer()->greater_than(0)->doc("a required count")},
      {"mode", Spec::enumeration({"fast", "slow"})->def("fast")->doc("how")},
      {"flag", Spec::boolean()->def(false)->doc("a flag")},
      {"file", Spec::path()->optional()->doc("a file")},
      {"section", Spec::object({{"inner", Spec::real()->less_than(10)->def(1.0)->doc("inner value")}})},
      {"items", Spec::array(Spec::object({{"w", Spec::real()->min(0)->doc("weight")}}))
                    ->min_items(1)
                    ->max_items(3)
                    ->optional()
                    ->doc("items")},
  });
}

Node check(const std::string& yaml, ErrorList& errors) {
  return validate(parse_yaml(yaml, "f.yaml", errors), *spec(), errors);
}

TEST(ValidateTest, FillsDefaultsAndNormalisesPaths) {
  ErrorList errors;
  const Node n = validate(parse_yaml("count: 3\nfile: data/x.csv\n", "/tmp/dir/f.yaml", errors), *spec(), errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_DOUBLE_EQ(get_real(n, "rate"), 0.5);
  EXPECT_EQ(get_string(n, "mode"), "fast");
  EXPECT_FALSE(get_bool(n, "flag"));
  EXPECT_DOUBLE_EQ(get_real(get_child(n, "section"), "inner"), 1.0);
  EXPECT_EQ(get_string(n, "file"), "/tmp/dir/data/x.csv");
  EXPECT_EQ(get_child(n, "rate").location().to_string(), "<default>");
}

TEST(ValidateTest, ReportsEveryProblemAtOnce) {
  ErrorList errors;
  check("rate: 1.5\nmode: medium\nflag: yes\nsection: {inner: 10}\nitems: []\ncont: 3\n", errors);
  const std::string e = errors.to_string();
  EXPECT_NE(e.find("f.yaml:1:7: rate: must be in [0, 1], got 1.5"), std::string::npos) << e;
  EXPECT_NE(e.find("f.yaml:2:7: mode: must be one of fast, slow; got 'medium'"), std::string::npos) << e;
  EXPECT_NE(e.find("flag: expected true or false, got 'yes'"), std::string::npos) << e;
  EXPECT_NE(e.find("section.inner: must be < 10, got 10"), std::string::npos) << e;
  EXPECT_NE(e.find("items: needs at least 1 items, got 0"), std::string::npos) << e;
  EXPECT_NE(e.find("f.yaml:6:1: cont: unknown key 'cont'; did you mean 'count'?"), std::string::npos) << e;
  EXPECT_NE(e.find("missing required key 'count'"), std::string::npos) << e;
  EXPECT_EQ(errors.size(), 7u) << e;
}

TEST(ValidateTest, RangeEdges) {
  ErrorList ok;
  check("count: 1\nrate: 0\nsection: {inner: 9.999}\n", ok);
  check("count: 1\nrate: 1\n", ok);
  EXPECT_TRUE(ok.empty()) << ok.to_string();
  ErrorList bad;
  check("count: 0\n", bad);
  EXPECT_NE(bad.to_string().find("count: must be > 0, got 0"), std::string::npos) << bad.to_string();
}

TEST(ValidateTest, TypesAreStrict) {
  ErrorList errors;
  check("count: 2.5\nrate: \"0.5\"\nitems: {w: 1}\nsection: 3\n", errors);
  const std::string e = errors.to_string();
  EXPECT_NE(e.find("count: expected an integer, got '2.5'"), std::string::npos) << e;
  EXPECT_NE(e.find("rate: expected a number"), std::string::npos) << e;
  EXPECT_NE(e.find("items: expected a list, got a map"), std::string::npos) << e;
  EXPECT_NE(e.find("section: expected a map of keys, got '3'"), std::string::npos) << e;
  ErrorList nan;
  check("count: 1\nrate: .nan\n", nan);
  EXPECT_FALSE(nan.empty());
}

TEST(ValidateTest, ArrayItemPaths) {
  ErrorList errors;
  check("count: 1\nitems:\n  - {w: 1}\n  - {w: -1}\n  - {v: 2}\n  - {w: 0}\n", errors);
  const std::string e = errors.to_string();
  EXPECT_NE(e.find("items[1].w: must be >= 0, got -1"), std::string::npos) << e;
  EXPECT_NE(e.find("items[2].v: unknown key 'v'"), std::string::npos) << e;
  EXPECT_NE(e.find("items[2]: missing required key 'w'"), std::string::npos) << e;
  EXPECT_NE(e.find("items: takes at most 3 items, got 4"), std::string::npos) << e;
}

TEST(SchemaOutputTest, JsonSchemaAndMarkdownCoverTheDeclarations) {
  const std::string json = to_json_schema(*spec(), "test");
  EXPECT_NE(json.find("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""), std::string::npos);
  EXPECT_NE(json.find("\"required\": [\"count\"]"), std::string::npos) << json;
  EXPECT_NE(json.find("\"exclusiveMaximum\": 10"), std::string::npos) << json;
  EXPECT_NE(json.find("\"enum\": [\"fast\", \"slow\"]"), std::string::npos) << json;
  EXPECT_NE(json.find("\"additionalProperties\": false"), std::string::npos) << json;
  // Balanced braces and no trailing commas before a closing brace.
  int depth = 0;
  for (char c : json) depth += c == '{' ? 1 : c == '}' ? -1 : 0;
  EXPECT_EQ(depth, 0);
  EXPECT_EQ(json.find(",\n}"), std::string::npos);
  const std::string md = to_markdown_table(*spec());
  EXPECT_NE(md.find("| `section.inner` | number |"), std::string::npos) << md;
  EXPECT_NE(md.find("| `items[].w` |"), std::string::npos) << md;
  EXPECT_NE(md.find("**required**"), std::string::npos) << md;
}

}  // namespace
}  // namespace reformsim::config
