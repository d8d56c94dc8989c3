// The case catalogue: the shipped one, and every class of bad catalogue input with file:line.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "agents/scenario/case_catalogue.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

const char* kHeader =
    "code,mdc,adrg,name,kind,weight,frequency,mean_los_days,los_cv,mean_cost_yuan,cost_cv,standard_yuan,basic\n";

std::string parse_errors(const std::string& body) {
  config::ErrorList errors;
  CaseCatalogue::parse(std::string(kHeader) + body, "cat.csv", errors);
  return errors.to_string();
}

TEST(CaseCatalogueTest, ShippedCatalogueHasTheSeedsCodesAndWeights) {
  config::ErrorList errors;
  const CaseCatalogue c = CaseCatalogue::load(testing::city_catalogue(), errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_GE(c.size(), 150u);
  const std::map<std::string, double> seeds = {{"KD15", 1.26}, {"DA15", 2.08}, {"ES35", 0.52}, {"ES33", 0.89},
                                               {"BR25", 0.97}, {"BR23", 1.25}, {"HC25", 1.26}, {"HU15", 0.64}};
  for (const auto& [code, weight] : seeds) {
    ASSERT_TRUE(c.find(code)) << code;
    EXPECT_DOUBLE_EQ(c.group(*c.find(code)).weight, weight) << code;
  }
  std::set<std::string> mdcs;
  double frequency = 0, weighted = 0;
  for (const CaseGroup& g : c.groups()) {
    mdcs.insert(g.mdc);
    frequency += g.frequency;
    weighted += g.frequency * g.weight;
  }
  EXPECT_GE(mdcs.size(), 20u);
  EXPECT_NEAR(weighted / frequency, 1.0, 0.05);  // the catalogue's CMI
  EXPECT_EQ(c.group(*c.find("KD15")).severity(), 5);
}

TEST(CaseCatalogueTest, ParsesOptionalColumns) {
  config::ErrorList errors;
  const CaseCatalogue c = CaseCatalogue::parse(
      std::string(kHeader) +
          "AB11,A,AB1,x,normal,2.5,1,10,0.5,25000,0.5,22000,1\nXQY,X,XQY,y,qy,1,1,5,0.5,9000,0.5,,0\n",
      "cat.csv", errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  EXPECT_EQ(*c.group(0).standard_yuan, 22000);
  EXPECT_TRUE(c.group(0).basic);
  EXPECT_EQ(c.group(1).kind, GroupKind::Qy);
  EXPECT_FALSE(c.group(1).standard_yuan);
}

TEST(CaseCatalogueTest, DuplicateCodes) {
  const std::string e =
      parse_errors("AB11,A,AB1,x,normal,1,1,5,0.5,9000,0.5,,0\nAB11,A,AB1,x,normal,1,1,5,0.5,9000,0.5,,0\n");
  EXPECT_NE(e.find("cat.csv:3"), std::string::npos) << e;
  EXPECT_NE(e.find("duplicate group code 'AB11'"), std::string::npos) << e;
}

TEST(CaseCatalogueTest, NonPositiveWeightAndBadNumbersAndKinds) {
  const std::string e = parse_errors(
      "AB11,A,AB1,x,normal,0,1,5,0.5,9000,0.5,,0\n"
      "AB13,A,AB1,x,normal,1,1,five,0.5,9000,0.5,,0\n"
      "AB15,A,AB1,x,weird,1,1,5,0.5,-3,0.5,,2\n");
  EXPECT_NE(e.find("cat.csv:2"), std::string::npos) << e;
  EXPECT_NE(e.find("'weight'"), std::string::npos) << e;
  EXPECT_NE(e.find("cat.csv:3"), std::string::npos) << e;
  EXPECT_NE(e.find("'five'"), std::string::npos) << e;
  EXPECT_NE(e.find("cat.csv:4"), std::string::npos) << e;
  EXPECT_NE(e.find("'kind'"), std::string::npos) << e;
  EXPECT_NE(e.find("'mean_cost_yuan'"), std::string::npos) << e;
  EXPECT_NE(e.find("'basic'"), std::string::npos) << e;
}

TEST(CaseCatalogueTest, MissingColumnsAndEmptyCatalogue) {
  config::ErrorList errors;
  CaseCatalogue::parse("code,weight\nAB11,1\n", "cat.csv", errors);
  EXPECT_NE(errors.to_string().find("frequency"), std::string::npos) << errors.to_string();
  EXPECT_NE(parse_errors("").find("no groups"), std::string::npos);
}

}  // namespace
}  // namespace reformsim::agents
