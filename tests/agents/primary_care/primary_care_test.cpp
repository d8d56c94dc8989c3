// Primary care: the referral network's paths and targets, contracting and its fees, chronic-care management,
// gatekeeping, referrals, alliance settlements, and an unconfigured primary care that changes nothing.
#include <gtest/gtest.h>

#include <cmath>

#include "agents/payer/benefit_rules.hpp"
#include "agents/primary_care/referral_network.hpp"
#include "agents/world/world.hpp"
#include "tests/agents/run_comparison.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

// Region 0: a township centre T0 → county C (tier 2) → city A (tier 3); region 1: T1 → C, and B (tier 3) far away.
std::string county_yaml(const std::string& extra) {
  return "name: county\nhorizon_years: 2\ncatalogue: " + testing::city_catalogue() +
         "\npopulation:\n  insured: 6000\n  regions: 2\n"
         "hospitals:\n"
         "  - {name: A, tier: 3, region: 0, beds: 60}\n"
         "  - {name: B, tier: 3, region: 1, beds: 30}\n"
         "  - {name: C, tier: 2, region: 0, beds: 40}\n"
         "  - {name: T0, tier: 1, region: 0, beds: 15}\n"
         "  - {name: T1, tier: 1, region: 1, beds: 15}\n" +
         extra;
}

const std::string kNetwork =
    "network:\n"
    "  villages:\n"
    "    - {name: V0, region: 0, township: T0, minutes: 10}\n"
    "    - {name: V1, region: 1, township: T1, minutes: 20}\n"
    "  links:\n"
    "    - {from: T0, to: C, minutes: 30}\n"
    "    - {from: T1, to: C, minutes: 25}\n"
    "    - {from: C, to: A, minutes: 40}\n"
    "    - {from: T1, to: B, minutes: 120}\n";

RunMetrics run(const std::string& extra) {
  World world(testing::scenario_from_yaml(county_yaml(extra)), 3, 0);
  return world.run();
}

TEST(ReferralNetworkTest, ShortestPathsAndReferralTargets) {
  const ScenarioConfig s = testing::scenario_from_yaml(county_yaml(kNetwork));
  const ReferralNetwork net(s);
  EXPECT_DOUBLE_EQ(net.minutes(3, 0), 70);  // T0 → C → A
  EXPECT_EQ(net.path(3, 0), (std::vector<std::size_t>{3, 2, 0}));
  EXPECT_DOUBLE_EQ(net.minutes(4, 1), 120);        // T1 → B directly beats T1 → C → A → … (no road A–B)
  EXPECT_EQ(net.refer_up_target(3), 2u);           // T0 → the county hospital, the nearest higher tier
  EXPECT_EQ(net.refer_up_target(4), 2u);           // T1 → C (25 min) rather than B (120 min)
  EXPECT_EQ(net.refer_up_target(2), 0u);           // C → A
  EXPECT_FALSE(net.refer_up_target(0));            // nothing above tier 3
  EXPECT_EQ(net.refer_down_target(0), 4u);         // A → C → T1 (65 min) is nearer than A → C → T0 (70)
  EXPECT_DOUBLE_EQ(net.region_minutes(0, 0), 80);  // V0 → T0 → C → A
  EXPECT_TRUE(net.isolated_primary_units().empty());
}

TEST(PrimaryCareTest, UnconfiguredPrimaryCareChangesNothing) {
  const RunMetrics plain = run("");
  // A network without travel weight or referrals, and family doctors with no coverage.
  const RunMetrics idle =
      run(kNetwork + "family_doctors: {chronic_admission_reduction: 0.5, bypass_ratio_penalty: 0.2}\n");
  expect_same_fund_and_care(plain, idle);
  EXPECT_EQ(plain.events, idle.events);
}

TEST(PrimaryCareTest, ContractsReachTheTargetAndPayTheirFees) {
  const RunMetrics m =
      run("family_doctors: {initial_coverage: 0.3, coverage_growth: 0.1, annual_fee_yuan: 120,"
          " fund_share: 0.5, public_health_share: 0.3, team_pay_share: 0.7}\n");
  EXPECT_NEAR(m.contracted_insured[0] / m.population_years[0].insured, 0.3, 0.02);
  EXPECT_NEAR(m.contracted_insured[1] / m.population_years[0].insured, 0.4, 0.02);
  EXPECT_GT(m.contracted_key[0] / m.population_years[0].key_insured,
            0.3 + 0.1);  // priority to the elderly and the chronic
  for (std::size_t h = 0; h < m.hospital_years.size(); ++h) {
    for (const HospitalYearMetrics& y : m.hospital_years[h]) {
      EXPECT_NEAR(y.capitation_fund_yuan, y.contracts * 60, 1e-6);
      EXPECT_NEAR(y.capitation_resident_yuan, y.contracts * 24, 1e-6);
      EXPECT_NEAR(y.public_health_yuan, y.contracts * 36, 1e-6);
      EXPECT_NEAR(y.team_pay_yuan, y.contracts * 84, 1e-6);
      if (h < 3) {
        EXPECT_EQ(y.contracts, 0);  // teams sit in the tier-1 units
      }
    }
  }
}

TEST(PrimaryCareTest, HighTargetsAreReachedWithTheKeyPopulationFullyContracted) {
  const RunMetrics m = run("family_doctors: {initial_coverage: 0.75, priority_weight: 3}\n");
  EXPECT_NEAR(m.contracted_insured[0] / m.population_years[0].insured, 0.75, 0.02);
  EXPECT_EQ(m.contracted_key[0], m.population_years[0].key_insured);  // their chance, 3 × the others', is capped at 1
}

TEST(PrimaryCareTest, ChronicCareManagementAvoidsAdmissions) {
  const RunMetrics plain = run("family_doctors: {initial_coverage: 0.5}\n");
  const RunMetrics managed = run("family_doctors: {initial_coverage: 0.5, chronic_admission_reduction: 0.3}\n");
  double avoided = 0, admissions_plain = 0, admissions_managed = 0;
  for (const auto& years : managed.hospital_years)
    for (const auto& y : years) avoided += y.avoided_admissions;
  for (const auto& x : plain.months) admissions_plain += x.admissions;
  for (const auto& x : managed.months) admissions_managed += x.admissions;
  EXPECT_GT(avoided, 20);
  EXPECT_EQ(admissions_plain - admissions_managed, avoided);  // beds are ample: nothing else moves
}

TEST(PrimaryCareTest, SevereCasesAtPrimaryUnitsAreReferredAlongTheNetwork) {
  const RunMetrics m = run(kNetwork + "  refer_up_weight: 1.0\n  refer_down_share: 0.5\n");
  const RunMetrics plain = run(kNetwork);
  double up = 0, down = 0;
  for (const auto& years : m.hospital_years)
    for (const auto& y : years) up += y.referrals_up, down += y.referrals_down;
  EXPECT_GT(up, 10);
  EXPECT_GT(down, 100);
  // Up-referrals from T0 and T1 both land at C, the nearest higher-tier hospital of each: C gains exactly them.
  const double c_gain = m.hospital_years[2][0].admissions + m.hospital_years[2][1].admissions -
                        plain.hospital_years[2][0].admissions - plain.hospital_years[2][1].admissions;
  EXPECT_EQ(c_gain, up);
  // Down-referred follow-ups go to T1, the nearest primary unit of A and of C, paid as outpatient visits.
  EXPECT_GT(m.hospital_years[4][1].referrals_down, 0);
  EXPECT_EQ(m.hospital_years[3][1].referrals_down, 0);
  EXPECT_GT(m.hospital_years[4][1].outpatient_fund_yuan, plain.hospital_years[4][1].outpatient_fund_yuan);
}

TEST(PrimaryCareTest, GatekeepingMovesTheReimbursementRatio) {
  BenefitConfig b{};  // no self-pay items, deductible or cap in the way
  b.self_pay_share = b.class_b_share = 0;
  b.employee.reimbursement_ratio = {0.8, 0.8, 0.8};
  b.employee.deductible_yuan = {0, 0, 0};
  b.employee.annual_cap_yuan = 1e9;
  const BenefitYearUsage none;
  const double plain = inpatient_share(b, Scheme::Employee, 2, 10000, none).patient_share_yuan;
  EXPECT_NEAR(inpatient_share(b, Scheme::Employee, 2, 10000, none, -0.1).patient_share_yuan, plain + 1000, 1e-9);
  EXPECT_NEAR(inpatient_share(b, Scheme::Employee, 2, 10000, none, 0.05).patient_share_yuan, plain - 500, 1e-9);
  EXPECT_NEAR(inpatient_share(b, Scheme::Employee, 2, 10000, none, 0.5).patient_share_yuan, 0, 1e-9);  // ≤ 100%
}

TEST(PrimaryCareTest, AlliancesKeepTheirSurplusAndBearTheirOverspend) {
  const std::string alliance =
      "alliances:\n  - {name: County, lead: C, members: [T0], regions: [0], per_capita_budget_yuan: ";
  const RunMetrics rich = run(alliance + "5000, surplus_retention: 0.6}\n");
  const RunMetrics poor = run(alliance + "100, overspend_share: 0.5}\n");
  for (std::size_t y = 0; y < 2; ++y) {
    const auto& r = rich.alliance_years[y];
    EXPECT_GT(r.budget_yuan, r.spending_yuan);
    EXPECT_NEAR(r.settlement_yuan, 0.6 * (r.budget_yuan - r.spending_yuan), 0.01);
    const auto& p = poor.alliance_years[y];
    EXPECT_LT(p.budget_yuan, p.spending_yuan);
    EXPECT_NEAR(p.settlement_yuan, 0.5 * (p.budget_yuan - p.spending_yuan), 0.01);
  }
  EXPECT_LT(rich.final_balance_yuan, poor.final_balance_yuan);  // the fund pays a surplus out, recovers an overspend
}

}  // namespace
}  // namespace reformsim::agents
