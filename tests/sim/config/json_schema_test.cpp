// The JSON Schema derived from the declarations: valid JSON carrying every declared field and constraint.
#include <gtest/gtest.h>

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

TEST(JsonSchemaTest, EmptyObjectAndEscapes) {
  const std::string text = to_json_schema(*Spec::object({}), "a \"b\"\t\\");
  const std::optional<Json> json = JsonReader::parse(text);
  ASSERT_TRUE(json) << text;
  EXPECT_EQ(json->get("title")->text, "a \"b\"\t\\");
  EXPECT_TRUE(JsonReader::parse(to_json_schema(*Spec::any(), "any"))) << to_json_schema(*Spec::any(), "any");
}

}  // namespace
}  // namespace reformsim::config
