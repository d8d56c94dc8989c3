// The JSON Schema derived from the declarations: valid JSON carrying every declared field and constraint.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "config_test_support.hpp"
#include "json_reader.hpp"
#include "sim/config/json_schema.hpp"
#include "test_spec.hpp"

namespace reformsim::config {
namespace {

using test_support::Json;
using test_support::JsonReader;

Json schema() {
  const std::string text = to_json_schema(*test_support::test_spec(), "test scenario");
  const std::optional<Json> json = JsonReader::parse(text);
  EXPECT_TRUE(json) << "not valid JSON:\n" << text;
  return json.value_or(Json{});
}

std::vector<std::string> strings(const Json* array) {
  std::vector<std::string> out;
  if (array) {
    for (const Json& item : array->items) out.push_back(item.text);
  }
  return out;
}

TEST(JsonSchemaTest, ReaderRejectsBrokenJson) {  // so the checks below can fail
  EXPECT_TRUE(JsonReader::parse("{\"a\": [1, 2.5e3, true, null, \"x\\n\"]}"));
  for (const char* bad : {"{\"a\": 1,}", "{\"a\" 1}", "[1 2]", "{}}", "[01]", "{'a': 1}", "[1.]", "[inf]"}) {
    EXPECT_FALSE(JsonReader::parse(bad)) << bad;
  }
}

TEST(JsonSchemaTest, HeaderAndRootObject) {
  const Json s = schema();
  ASSERT_EQ(s.kind, Json::Kind::Object);
  EXPECT_EQ(s.members[0].first, "$schema");
  EXPECT_EQ(s.get("$schema")->text, "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(s.get("title")->text, "test scenario");
  EXPECT_EQ(s.get("type")->text, "object");
  EXPECT_FALSE(s.get("additionalProperties")->boolean);
  std::vector<std::string> declared;
  for (const auto& [key, value] : s.get("properties")->members) declared.push_back(key);
  EXPECT_EQ(declared,
            (std::vector<std::string>{"extends", "name", "seed", "population", "fund", "method", "outpatient_enabled",
                                      "catalogue", "case_file", "weights", "extra", "note"}));
  EXPECT_EQ(s.get("properties")->get("extends")->get("type")->text, "string");
  EXPECT_EQ(s.get("properties")->get("extends")->get("minLength")->number, 1);
}

TEST(JsonSchemaTest, RequiredKeysOnlyWithoutExtends) {
  const Json s = schema();
  // A file with `extends:` inherits them, so they are required only in the else branch...
  EXPECT_EQ(s.get("required"), nullptr);
  ASSERT_NE(s.get("if"), nullptr);
  EXPECT_EQ(strings(s.get("if")->get("required")), (std::vector<std::string>{"extends"}));
  const Json& otherwise = *s.get("else");
  // ...population has a required key inside, fund does not (it is filled from defaults)...
  EXPECT_EQ(strings(otherwise.get("required")), (std::vector<std::string>{"name", "population"}));
  EXPECT_EQ(strings(otherwise.get("properties")->get("population")->get("required")),
            (std::vector<std::string>{"insured"}));
  // ...and merged sections do not list them themselves (an extending file may write population: {regions: 2}).
  EXPECT_EQ(s.get("properties")->get("population")->get("required"), nullptr);
  // List items are replaced whole, not merged: they keep theirs.
  const Json& band = *s.get("properties")->get("population")->get("properties")->get("age_bands")->get("items");
  EXPECT_EQ(strings(band.get("required")), (std::vector<std::string>{"from_age", "share"}));
}

TEST(JsonSchemaTest, FieldsCarryTypesBoundsDefaultsAndDescriptions) {
  const Json s = schema();
  const Json& props = *s.get("properties");
  const Json& population = *props.get("population");
  const Json& insured = *population.get("properties")->get("insured");
  EXPECT_EQ(insured.get("type")->text, "integer");
  EXPECT_EQ(insured.get("exclusiveMinimum")->number, 0);
  EXPECT_EQ(insured.get("minimum"), nullptr);
  EXPECT_EQ(insured.get("description")->text, "insured persons [persons]");
  const Json& share = *population.get("properties")->get("employee_share");
  EXPECT_EQ(share.get("type")->text, "number");
  EXPECT_EQ(share.get("minimum")->number, 0);
  EXPECT_EQ(share.get("maximum")->number, 1);
  EXPECT_EQ(share.get("default")->kind, Json::Kind::Number);
  EXPECT_EQ(share.get("default")->number, 0.4);
  const Json& bands = *population.get("properties")->get("age_bands");
  EXPECT_EQ(bands.get("type")->text, "array");
  EXPECT_EQ(bands.get("minItems")->number, 1);
  EXPECT_EQ(bands.get("maxItems")->number, 3);
  const Json& band_share = *bands.get("items")->get("properties")->get("share");
  EXPECT_EQ(band_share.get("exclusiveMinimum")->number, 0);
  EXPECT_EQ(band_share.get("maximum")->number, 1);
  const Json& growth = *props.get("fund")->get("properties")->get("growth");
  EXPECT_EQ(growth.get("exclusiveMinimum")->number, -1);
  EXPECT_EQ(growth.get("exclusiveMaximum")->number, 1);
  EXPECT_EQ(props.get("fund")->get("properties")->get("reserve_months")->get("description")->text,
            "reserve | window [months]");
  EXPECT_EQ(strings(props.get("method")->get("enum")), (std::vector<std::string>{"ffs", "drg", "dip"}));
  EXPECT_EQ(props.get("method")->get("default")->text, "ffs");
  EXPECT_EQ(props.get("outpatient_enabled")->get("type")->text, "boolean");
  EXPECT_EQ(props.get("outpatient_enabled")->get("default")->kind, Json::Kind::Boolean);
  EXPECT_TRUE(props.get("outpatient_enabled")->get("default")->boolean);
  EXPECT_EQ(props.get("catalogue")->get("type")->text, "string");
  EXPECT_EQ(props.get("seed")->get("default")->number, 1);
  EXPECT_EQ(props.get("weights")->get("additionalProperties")->get("minimum")->number, 0);
  EXPECT_EQ(props.get("weights")->get("default")->kind, Json::Kind::Object);
  EXPECT_EQ(props.get("extra")->get("type"), nullptr);  // anything goes
  EXPECT_EQ(props.get("name")->get("minLength")->number, 1);
  EXPECT_EQ(props.get("catalogue")->get("minLength")->number, 1);
  EXPECT_EQ(props.get("note")->get("minLength"), nullptr);  // free text may be empty
}

TEST(JsonSchemaTest, PythonAcceptsIt) {
  if (!std::filesystem::exists("/usr/bin/python3")) GTEST_SKIP() << "no /usr/bin/python3";
  test_support::TempDir dir;
  const std::string file = dir.write("schema.json", to_json_schema(*test_support::test_spec(), "t \"quoted\"\n"));
  const std::string command =
      "/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); "
      "assert d[\"properties\"][\"population\"][\"properties\"][\"insured\"][\"exclusiveMinimum\"] == 0' " +
      file;
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
}

// An experiment-like format whose maps are keyed by key paths into test_spec().
SpecPtr overrides_spec() {
  return Spec::object({
      {"base", Spec::path()->doc("base file")},
      {"set", Spec::map_of(Spec::any())->key_paths()->def_node(Node::map())->doc("key path -> value")},
      {"vary", Spec::map_of(Spec::array(Spec::any())->min_items(1))->key_paths()->def_node(Node::map())},
      {"fitted", Spec::map_of(Spec::object({{"min", Spec::real()}, {"max", Spec::real()}}))
                     ->key_paths(KeyPaths::Numbers)
                     ->def_node(Node::map())},
      {"ranged", Spec::map_of(Spec::object({{"min", Spec::real()}, {"max", Spec::real()}}))
                     ->key_paths(KeyPaths::AnyNumbers)
                     ->def_node(Node::map())},
      {"free", Spec::map_of(Spec::any())->def_node(Node::map())},
  });
}

Json overrides_schema(const Spec& format) {
  const std::string text = to_json_schema(*overrides_spec(), "overrides", {"test", &format});
  const std::optional<Json> json = JsonReader::parse(text);
  EXPECT_TRUE(json) << "not valid JSON:\n" << text;
  return json.value_or(Json{});
}

std::vector<std::string> keys(const Json* object) {
  std::vector<std::string> out;
  if (object) {
    for (const auto& [key, value] : object->members) out.push_back(key);
  }
  return out;
}

TEST(JsonSchemaTest, KeyPathMapsListTheFormatsPaths) {
  const SpecPtr format = test_support::test_spec();
  const Json s = overrides_schema(*format);
  const Json& set = *s.get("properties")->get("set");
  EXPECT_FALSE(set.get("additionalProperties")->boolean);
  const std::vector<std::string> paths = keys(set.get("properties"));
  for (const char* p :
       {"name", "population", "population.insured", "population.age_bands", "fund.growth", "weights", "extra"}) {
    EXPECT_NE(std::find(paths.begin(), paths.end(), p), paths.end()) << p;
  }
  EXPECT_EQ(std::find(paths.begin(), paths.end(), "extends"), paths.end());  // resolved before overrides apply
  // Each path's value is its declaration, embedded once under $defs.
  EXPECT_EQ(set.get("properties")->get("fund.growth")->get("$ref")->text,
            "#/$defs/test/properties/fund/properties/growth");
  const Json& embedded = *s.get("$defs")->get("test");
  EXPECT_EQ(embedded.get("properties")->get("fund")->get("properties")->get("growth")->get("exclusiveMinimum")->number,
            -1);
  // Embedded whole: a value set at a key path replaces that section, so its required keys apply.
  EXPECT_EQ(strings(embedded.get("properties")->get("population")->get("required")),
            (std::vector<std::string>{"insured"}));
  // List items by index, map keys by any name, anything below an Any.
  const std::vector<std::string> patterns = keys(set.get("patternProperties"));
  EXPECT_EQ(patterns,
            (std::vector<std::string>{
                "^population\\.age_bands\\[[0-9]+\\]$", "^population\\.age_bands\\[[0-9]+\\]\\.from_age$",
                "^population\\.age_bands\\[[0-9]+\\]\\.share$", "^weights\\.[^.\\[\\]]+$", "^extra[.\\[].*$"}));
  EXPECT_EQ(set.get("patternProperties")->get("^population\\.age_bands\\[[0-9]+\\]\\.share$")->get("$ref")->text,
            "#/$defs/test/properties/population/properties/age_bands/items/properties/share");
  EXPECT_EQ(set.get("patternProperties")->get("^extra[.\\[].*$")->members.size(), 0u);  // unchecked
  // A list of values: the list is declared by the map, its items by the path.
  const Json& growth = *s.get("properties")->get("vary")->get("properties")->get("fund.growth");
  EXPECT_EQ(growth.get("type")->text, "array");
  EXPECT_EQ(growth.get("minItems")->number, 1);
  EXPECT_EQ(growth.get("items")->get("$ref")->text, "#/$defs/test/properties/fund/properties/growth");
  // Numbers outside lists, named by propertyNames; the value spec stays the map's own.
  const Json& fitted = *s.get("properties")->get("fitted");
  const Json* any_of = fitted.get("propertyNames")->get("anyOf");
  ASSERT_NE(any_of, nullptr);
  ASSERT_EQ(any_of->items.size(), 3u);
  EXPECT_EQ(strings(any_of->items[0].get("enum")),
            (std::vector<std::string>{"seed", "population.insured", "population.employee_share", "fund.growth",
                                      "fund.reserve_months", "extra"}));
  EXPECT_EQ(any_of->items[1].get("pattern")->text, "^weights\\.[^.\\[\\]]+$");
  EXPECT_EQ(any_of->items[2].get("pattern")->text, "^extra[.\\[].*$");
  EXPECT_EQ(fitted.get("additionalProperties")->get("type")->text, "object");
  // Numbers anywhere: the numbers inside list items join as patterns.
  const Json* ranged = s.get("properties")->get("ranged")->get("propertyNames")->get("anyOf");
  ASSERT_NE(ranged, nullptr);
  std::vector<std::string> ranged_patterns;
  for (std::size_t i = 1; i < ranged->items.size(); ++i)
    ranged_patterns.push_back(ranged->items[i].get("pattern")->text);
  const auto has = [&](const std::string& p) {
    return std::find(ranged_patterns.begin(), ranged_patterns.end(), p) != ranged_patterns.end();
  };
  EXPECT_TRUE(has("^population\\.age_bands\\[[0-9]+\\]\\.share$"));
  EXPECT_FALSE(has("^population\\.age_bands\\[[0-9]+\\]$"));
  // A map not declared as key paths stays free-form.
  EXPECT_EQ(s.get("properties")->get("free")->get("additionalProperties")->members.size(), 0u);
}

TEST(JsonSchemaTest, KeyPathMapsWithoutAFormatAreFreeForm) {
  const std::optional<Json> s = JsonReader::parse(to_json_schema(*overrides_spec(), "overrides"));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->get("$defs"), nullptr);
  EXPECT_EQ(s->get("properties")->get("set")->get("properties"), nullptr);
  EXPECT_EQ(s->get("properties")->get("set")->get("additionalProperties")->kind, Json::Kind::Object);
}

TEST(JsonSchemaTest, PythonJsonschemaChecksKeyPaths) {
  if (std::system("/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "no python3-jsonschema";
  }
  const SpecPtr format = test_support::test_spec();
  test_support::TempDir dir;
  const std::string file =
      dir.write("schema.json", to_json_schema(*overrides_spec(), "overrides", {"test", format.get()}));
  const std::string script = dir.write("check.py", R"(import json, sys, jsonschema
v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
ok = [{"base": "b.yaml", "set": {"fund.growth": 0.5, "population.age_bands[2].share": 1, "weights.abc": 2,
                                "extra.a[0]": "x", "population": {"insured": 5}}},
      {"extends": "other.yaml", "vary": {"population.insured": [1, 2]}},
      {"base": "b.yaml", "fitted": {"fund.growth": {"min": 0, "max": 0.5}}},
      {"base": "b.yaml", "ranged": {"population.age_bands[0].share": {"min": 0, "max": 1}}}]
bad = [{"base": "b.yaml", "set": {"fund.grwth": 0.5}},             # unknown path
       {"base": "b.yaml", "set": {"fund.growth": 1}},              # out of range (exclusive)
       {"base": "b.yaml", "set": {"method": "cash"}},              # not one of the values
       {"base": "b.yaml", "set": {"population.age_bands.share": 1}},  # a list needs an index
       {"base": "b.yaml", "set": {"population": {"employee_share": 0.5}}},  # replaced whole: insured missing
       {"base": "b.yaml", "vary": {"fund.growth": [0.1, 2]}},
       {"base": "b.yaml", "fitted": {"method": {"min": 0, "max": 1}}},  # not a number
       {"base": "b.yaml", "fitted": {"population.age_bands[0].share": {"min": 0, "max": 1}}},  # in a list
       {"base": "b.yaml", "ranged": {"population.age_bands[0]": {"min": 0, "max": 1}}},  # a list item, not a number
       {"set": {}}]                                                  # no base and no extends
for i, doc in enumerate(ok):
    errors = [e.message for e in v.iter_errors(doc)]
    assert not errors, ("ok", i, errors)
for i, doc in enumerate(bad):
    assert not v.is_valid(doc), ("bad", i)
)");
  const std::string command = "/usr/bin/python3 " + script + " " + file;
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
}

TEST(JsonSchemaTest, EmptyObjectAndEscapes) {
  const std::string text = to_json_schema(*Spec::object({}), "a \"b\"\t\\");
  const std::optional<Json> json = JsonReader::parse(text);
  ASSERT_TRUE(json) << text;
  EXPECT_EQ(json->get("title")->text, "a \"b\"\t\\");
  EXPECT_TRUE(JsonReader::parse(to_json_schema(*Spec::any(), "any"))) << to_json_schema(*Spec::any(), "any");
}

}  // namespace
}  // namespace reformsim::config
