// Patient cost sharing and contributions.
#include <gtest/gtest.h>

#include "agents/payer/benefit_rules.hpp"
#include "agents/population/population.hpp"

namespace reformsim::agents {
namespace {

BenefitConfig benefits() {
  BenefitConfig b{};
  b.employee = {{300, 700, 1200}, {0.9, 0.85, 0.8}, 600000};
  b.resident = {{200, 500, 1000}, {0.8, 0.72, 0.65}, 20000};
  b.self_pay_share = 0.1;
  b.class_b_share = 0.2;
  b.class_b_payfirst_rate = 0.1;
  return b;
}

TEST(BenefitRulesTest, FormulaOfTheDomain) {
  // eligible = 10000 − 1000 self-pay − 200 class-B pay-first = 8800; deductible 1000 at a tier-3 hospital;
  // fund = (8800 − 1000) × 0.65 = 5070; patient = 4930.
  const InpatientShare s = inpatient_share(benefits(), Scheme::Resident, 3, 10000, {});
  EXPECT_DOUBLE_EQ(s.eligible_yuan, 8800);
  EXPECT_DOUBLE_EQ(s.deductible_applied_yuan, 1000);
  EXPECT_DOUBLE_EQ(s.fund_share_yuan, 5070);
  EXPECT_DOUBLE_EQ(s.patient_share_yuan, 4930);
}

TEST(BenefitRulesTest, DeductiblePaidOnceAYearAndLowerTiersReimburseMore) {
  BenefitYearUsage used;
  used.deductible_paid_yuan = 1000;
  EXPECT_DOUBLE_EQ(inpatient_share(benefits(), Scheme::Resident, 3, 10000, used).fund_share_yuan, 8800 * 0.65);
  used.deductible_paid_yuan = 400;
  EXPECT_DOUBLE_EQ(inpatient_share(benefits(), Scheme::Resident, 3, 10000, used).deductible_applied_yuan, 600);
  EXPECT_GT(inpatient_share(benefits(), Scheme::Employee, 1, 10000, {}).fund_share_yuan,
            inpatient_share(benefits(), Scheme::Employee, 3, 10000, {}).fund_share_yuan);
}

TEST(BenefitRulesTest, AnnualCapLimitsTheFund) {
  BenefitYearUsage used;
  used.deductible_paid_yuan = 1000;
  used.fund_paid_yuan = 19000;
  const InpatientShare s = inpatient_share(benefits(), Scheme::Resident, 3, 10000, used);
  EXPECT_DOUBLE_EQ(s.fund_share_yuan, 1000);
  EXPECT_DOUBLE_EQ(s.patient_share_yuan, 9000);
  used.fund_paid_yuan = 25000;
  EXPECT_DOUBLE_EQ(inpatient_share(benefits(), Scheme::Resident, 3, 10000, used).fund_share_yuan, 0);
}

TEST(BenefitRulesTest, BillBelowTheDeductibleIsAllPatient) {
  const InpatientShare s = inpatient_share(benefits(), Scheme::Employee, 3, 500, {});
  EXPECT_DOUBLE_EQ(s.fund_share_yuan, 0);
  EXPECT_DOUBLE_EQ(s.patient_share_yuan, 500);
}

TEST(ContributionTest, WageBaseClampExamplesOfTheDomain) {
  FundConfig fund{};
  fund.base_floor_ratio = 0.6;
  fund.base_ceiling_ratio = 3.0;
  fund.individual_rate = 0.02;
  fund.employer_rate = 0.0;
  fund.employee_pooled_share = 1.0;
  // Provincial average 6,000: wage 2,000 → base 3,600 → 72 yuan; wage 20,000 → base 18,000 → 360 yuan.
  EXPECT_DOUBLE_EQ(contribution_base_yuan(2000, fund, 6000), 3600);
  EXPECT_DOUBLE_EQ(monthly_employee_contribution_yuan(2000, fund, 6000), 72);
  EXPECT_DOUBLE_EQ(contribution_base_yuan(20000, fund, 6000), 18000);
  EXPECT_DOUBLE_EQ(monthly_employee_contribution_yuan(20000, fund, 6000), 360);
  EXPECT_DOUBLE_EQ(contribution_base_yuan(5000, fund, 6000), 5000);
  fund.employer_rate = 0.07;
  fund.employee_pooled_share = 0.5;
  EXPECT_DOUBLE_EQ(monthly_employee_contribution_yuan(5000, fund, 6000), 0.09 * 5000 * 0.5);
}

}  // namespace
}  // namespace reformsim::agents
