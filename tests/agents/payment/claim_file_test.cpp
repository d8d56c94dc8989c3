// Claims files: one reader for `settle` and `audit`, every problem with file:line and column.
#include "agents/payment/claim_file.hpp"

#include <gtest/gtest.h>

#include "agents/payment/case_file_settlement.hpp"
#include "agents/supervision/claim_audit.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

class ClaimFileTest : public ::testing::Test {
 protected:
  ScenarioConfig scenario_ = testing::scenario_from_yaml(testing::small_scenario_yaml(1000));
  testing::TempDir dir_;
  std::string errors_of(const std::string& csv, const ClaimFileLayout& layout) {
    config::ErrorList errors;
    read_claim_file(dir_.write("claims.csv", csv), scenario_, layout, errors);
    return errors.to_string();
  }
};

TEST_F(ClaimFileTest, ReadsBothLayouts) {
  config::ErrorList errors;
  const auto cases = read_claim_file(
      dir_.write("cases.csv", "case_id,hospital,group,total_cost_yuan,scheme\nc1,Tertiary,KD15,12000,resident\n"),
      scenario_, case_file_layout(), errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].hospital_id, 0u);
  EXPECT_EQ(cases[0].scheme, Scheme::Resident);
  EXPECT_EQ(cases[0].sides[0].cost_yuan, 12000);
  const auto claims = read_claim_file(dir_.write("audit.csv",
                                                 "claim_id,hospital,submitted_group,submitted_cost_yuan,"
                                                 "corrected_group,corrected_cost_yuan,violation\n"
                                                 "a,2,DA15,10000,KD15,10000,upcoding_main_diagnosis\n"),
                                      scenario_, audit_file_layout(), errors);
  ASSERT_TRUE(errors.empty()) << errors.to_string();
  ASSERT_EQ(claims[0].sides.size(), 2u);
  EXPECT_EQ(claims[0].hospital_id, 2u);
  EXPECT_EQ(claims[0].violation, "upcoding_main_diagnosis");
}

TEST_F(ClaimFileTest, UnknownColumnsAreErrorsWithASuggestion) {
  const std::string e =
      errors_of("case_id,hospital,group,total_cost_yuan,los_day\nc1,0,KD15,1,2\n", case_file_layout());
  EXPECT_NE(e.find("claims.csv:1: unknown column 'los_day' (did you mean 'los_days'?)"), std::string::npos) << e;
  // violation belongs to audit files only
  EXPECT_NE(errors_of("case_id,hospital,group,total_cost_yuan,violation\nc1,0,KD15,1,other\n", case_file_layout())
                .find("unknown column 'violation'"),
            std::string::npos);
}

TEST_F(ClaimFileTest, EveryBadCellIsNamed) {
  const std::string e = errors_of(
      "claim_id,hospital,submitted_group,submitted_cost_yuan,corrected_group,corrected_cost_yuan,patient_share_yuan,"
      "los_days,violation\n"
      "a,Nowhere,KD15,100,ZZ99,90,95,-1,made_up\n"
      "a,0,KD15,-5,KD15,10,,,\n",
      audit_file_layout());
  EXPECT_NE(e.find("claims.csv:2: column 'hospital': no hospital named 'Nowhere'"), std::string::npos) << e;
  EXPECT_NE(e.find("claims.csv:2: column 'corrected_group': group 'ZZ99' is not in the catalogue"), std::string::npos)
      << e;
  EXPECT_NE(e.find("claims.csv:2: column 'patient_share_yuan': must not exceed corrected_cost_yuan"), std::string::npos)
      << e;
  EXPECT_NE(e.find("claims.csv:2: column 'los_days': must be in [0, 3650], got '-1'"), std::string::npos) << e;
  EXPECT_NE(e.find("claims.csv:2: column 'violation': 'made_up' is not a violation type"), std::string::npos) << e;
  EXPECT_NE(e.find("claims.csv:3: duplicate claim_id 'a'"), std::string::npos) << e;
  EXPECT_NE(e.find("claims.csv:3: column 'submitted_cost_yuan': must be in [0, 100000000], got '-5'"), std::string::npos) << e;
}

TEST_F(ClaimFileTest, MissingColumnsAreNamed) {
  const std::string e = errors_of("case_id,group\nc1,KD15\n", case_file_layout());
  EXPECT_NE(e.find("missing column 'hospital'"), std::string::npos) << e;
  EXPECT_NE(e.find("missing column 'total_cost_yuan'"), std::string::npos) << e;
}

}  // namespace
}  // namespace reformsim::agents
