// Per-diem payment for long-stay beds: graduated daily rates by LOS band, the bed types' groups, the other cases
// under another method, validation, and a year under per diem in a run.
#include "agents/payment/per_diem.hpp"

#include <gtest/gtest.h>

#include "agents/payment/payment_registry.hpp"
#include "agents/world/world.hpp"
#include "tests/agents/test_support.hpp"
#include "tests/integration/cli_support.hpp"

namespace reformsim::agents {
namespace {

std::string per_diem_yaml(const std::string& other = "ffs", const std::string& extra = "") {
  return testing::small_scenario_yaml(
      3000, "payment:\n  method: per_diem\n  per_diem:\n    other_cases: " + other +
                "\n    tier_coefficient: [0.8, 1, 1.2]\n    bed_types:\n"
                "      - name: psychiatric\n        groups: [T]\n"
                "        daily_rates: [{to_day: 60, rate_yuan: 420}, {to_day: 180, rate_yuan: 350}, {rate_yuan: 300}]\n"
                "      - name: rehabilitation\n        groups: [XJ1]\n        daily_rates: [{rate_yuan: 280}]\n" +
                extra);
}

Claim claim_of(const ScenarioConfig& s, const std::string& group, double cost, double los, int tier) {
  Claim c;
  c.group = *s.catalogue->find(group);
  c.tier = tier;
  c.total_cost_yuan = cost;
  c.patient_share_yuan = 1000;
  c.los_days = los;
  return c;
}

TEST(PerDiemTest, EachDayIsPaidAtTheRateOfItsBand) {
  const ScenarioConfig s = testing::scenario_from_yaml(per_diem_yaml());
  const auto rule = make_payment_rule("per_diem", s);
  const auto& per_diem = dynamic_cast<const PerDiemRule&>(*rule);
  EXPECT_DOUBLE_EQ(per_diem.payment_yuan(0, 100, 2), 60 * 420 + 40 * 350);
  EXPECT_DOUBLE_EQ(per_diem.payment_yuan(0, 200, 2), 60 * 420 + 120 * 350 + 20 * 300);
  EXPECT_DOUBLE_EQ(per_diem.payment_yuan(0, 10.5, 2), 10.5 * 420);
  EXPECT_DOUBLE_EQ(per_diem.payment_yuan(0, 0, 2), 0);
  EXPECT_DOUBLE_EQ(per_diem.payment_yuan(0, 100, 3), 1.2 * (60 * 420 + 40 * 350));
  EXPECT_DOUBLE_EQ(per_diem.payment_yuan(1, 30, 1), 0.8 * 30 * 280);
  const Settlement st = rule->settle(claim_of(s, "TS15", 20000, 100, 2));
  EXPECT_EQ(settlement_type_name(st.type), "per_diem");
  EXPECT_DOUBLE_EQ(st.settlement_yuan, 39200);
  EXPECT_DOUBLE_EQ(st.fund_payment_yuan, 39200 - 1000);
  EXPECT_TRUE(rule->bundles());
}

TEST(PerDiemTest, OtherCasesArePaidByTheOtherMethod) {
  const ScenarioConfig ffs = testing::scenario_from_yaml(per_diem_yaml());
  const Settlement a = make_payment_rule("per_diem", ffs)->settle(claim_of(ffs, "KD15", 12000, 5, 3));
  EXPECT_EQ(a.type, SettlementType::Ffs);
  EXPECT_DOUBLE_EQ(a.settlement_yuan, 12000);
  EXPECT_EQ(make_payment_rule("per_diem", ffs)->settle(claim_of(ffs, "XJ15", 9000, 30, 1)).type,
            settlement_type_named("per_diem"));  // XJ1 prefix
  const ScenarioConfig drg = testing::scenario_from_yaml(per_diem_yaml("drg"));
  const Settlement b = make_payment_rule("per_diem", drg)->settle(claim_of(drg, "KD15", 12000, 5, 3));
  EXPECT_EQ(b.type, SettlementType::Normal);
  EXPECT_DOUBLE_EQ(b.settlement_yuan,
                   make_payment_rule("drg", drg)->settle(claim_of(drg, "KD15", 12000, 5, 3)).settlement_yuan);
}

TEST(PerDiemTest, TheOtherMethodsYearCycleIsPassedOn) {
  const ScenarioConfig s =
      testing::scenario_from_yaml(per_diem_yaml("drg", "  drg: {special_case_multiple: 2, special_case_quota: 1}\n"));
  const auto rule = make_payment_rule("per_diem", s);
  Claim a = claim_of(s, "KD15", 60000, 5, 3), b = a;
  EXPECT_EQ(rule->pay(a, 0).type, SettlementType::SpecialCase);
  EXPECT_NE(rule->pay(b, 0).type, SettlementType::SpecialCase);  // the DRG quota, kept by the DRG year rule
  const ScenarioConfig dip = testing::scenario_from_yaml(per_diem_yaml(
      "dip", "  dip:\n    catalogue: " + testing::source_path("scenarios/data/dip_catalogue.csv") + "\n"));
  EXPECT_TRUE(make_payment_rule("per_diem", dip)->has_own_pot());
  EXPECT_FALSE(make_payment_rule("per_diem", s)->has_own_pot());
}

TEST(PerDiemTest, BadSectionsAreNamed) {
  auto errors = [](const std::string& yaml) { return testing::config_errors_of(yaml); };
  std::string e = errors(per_diem_yaml("ffs").replace(per_diem_yaml("ffs").find("groups: [T]"), 11, "groups: [Q9]"));
  EXPECT_NE(e.find("payment.per_diem.bed_types[0].groups[0]: 'Q9' is the start of no case-catalogue code"),
            std::string::npos)
      << e;
  e = errors(per_diem_yaml("ffs").replace(per_diem_yaml("ffs").find("groups: [XJ1]"), 13, "groups: [TS1]"));
  EXPECT_NE(e.find("payment.per_diem.bed_types[1].groups[0]: group TS13 already uses bed type 'psychiatric'"),
            std::string::npos)
      << e;
  e = errors(
      per_diem_yaml("ffs").replace(per_diem_yaml("ffs").find("{rate_yuan: 300}"), 16, "{to_day: 90, rate_yuan: 300}"));
  EXPECT_NE(e.find("payment.per_diem.bed_types[0].daily_rates[2]: the last band must omit to_day"), std::string::npos)
      << e;
  e = errors(per_diem_yaml("per_diem"));
  EXPECT_NE(e.find("payment.per_diem.other_cases"), std::string::npos) << e;
  e = errors(testing::small_scenario_yaml(1000, "payment:\n  switches: [{year: 2, method: per_diem}]\n"));
  // Located where per diem was chosen (the bed types are an unwritten default).
  EXPECT_NE(e.find("scenario.yaml:"), std::string::npos) << e;
  EXPECT_EQ(e.find("<default>"), std::string::npos) << e;
  EXPECT_NE(e.find("payment.per_diem.bed_types: per_diem is put in force by payment.switches[0].method but "
                   "payment.per_diem.bed_types names no bed type"),
            std::string::npos)
      << e;
  e = errors(per_diem_yaml("ffs").replace(per_diem_yaml("ffs").find("groups: [XJ1]"), 13, "groups: [\"\"]"));
  EXPECT_NE(e.find("payment.per_diem.bed_types[1].groups[0]: expected a non-empty string"), std::string::npos) << e;
  const std::string dip_catalogue =
      "  dip:\n    catalogue: " + testing::source_path("scenarios/data/dip_catalogue.csv") + "\n";
  e = errors(per_diem_yaml("dip", dip_catalogue + "  global_budget: {mode: growth_cap}\n"));
  EXPECT_NE(e.find("payment.per_diem.other_cases: 'dip' pays from a pot of its own"), std::string::npos) << e;
  EXPECT_EQ(errors(per_diem_yaml("drg", "  global_budget: {mode: growth_cap}\n")), "");
  EXPECT_EQ(errors(per_diem_yaml("dip", dip_catalogue)), "");
  e = errors(per_diem_yaml("dip"));
  EXPECT_NE(e.find("payment.per_diem.other_cases: 'dip' cannot pay them: the scenario sets no payment.dip.catalogue"),
            std::string::npos)
      << e;
}

TEST(PerDiemTest, AYearUnderPerDiemInARun) {
  std::string yaml = per_diem_yaml();
  yaml.replace(yaml.find("  method: per_diem\n"), 19, "  switches: [{year: 2, method: per_diem}]\n");
  const ScenarioConfig s = testing::scenario_from_yaml(yaml);
  World world(s, 5, 0);
  const RunMetrics m = world.run();  // money conservation is checked inside
  const auto per_diem = static_cast<std::size_t>(settlement_type_named("per_diem"));
  EXPECT_EQ(m.settlement_type_counts[0][per_diem], 0);
  EXPECT_GT(m.settlement_type_counts[1][per_diem], 0);
  EXPECT_GT(m.settlement_type_counts[1][static_cast<std::size_t>(SettlementType::Ffs)], 0);
  EXPECT_EQ(m.settlement_type_counts[1][static_cast<std::size_t>(SettlementType::Normal)], 0);
}

TEST(PerDiemTest, SettleAppliesItToGivenCases) {
  testing::Scratch s;
  std::string yaml = per_diem_yaml("drg");
  yaml.replace(yaml.find("  method: per_diem\n"), 19, "  method: drg\n");  // in force nowhere: --method chooses it
  const std::string scenario = s.write("per_diem.yaml", yaml);
  const std::string cases = s.write("cases.csv",
                                    "case_id,hospital,group,total_cost_yuan,patient_share_yuan,los_days\n"
                                    "long,Secondary,TS15,30000,2000,100\n"
                                    "acute,Secondary,KD15,12000,2000,5\n");
  const testing::CommandResult r =
      testing::reformsim("settle " + scenario + " --cases " + cases + " --method per_diem", s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("long,Secondary,TS15,30000.00,100,per_diem,39200.00,39200.00,37200.00,2000.00"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("acute,Secondary,KD15,12000.00,5,normal,"), std::string::npos) << r.out;  // by DRG
  const testing::CommandResult help = testing::reformsim("settle --help", s);
  EXPECT_NE(help.out.find("per_diem — per diem"), std::string::npos) << help.out;
}

TEST(PerDiemTest, AStayPaidByTheDayNeedsItsDays) {
  const ScenarioConfig s = testing::scenario_from_yaml(per_diem_yaml());
  const auto rule = make_payment_rule("per_diem", s);
  EXPECT_EQ(rule->claim_problem(claim_of(s, "TS15", 20000, 30, 2)), "");
  EXPECT_NE(rule->claim_problem(claim_of(s, "TS15", 20000, 0, 2)).find("bed type 'psychiatric'"), std::string::npos);
  EXPECT_EQ(rule->claim_problem(claim_of(s, "KD15", 12000, 0, 2)), "");  // paid by the other method

  testing::Scratch dir;
  std::string yaml = per_diem_yaml();
  yaml.replace(yaml.find("  method: per_diem\n"), 19, "  method: ffs\n");
  const std::string scenario = dir.write("per_diem.yaml", yaml);
  const std::string cases = dir.write("cases.csv",
                                      "case_id,hospital,group,total_cost_yuan\n"
                                      "acute,Secondary,KD15,12000\n"
                                      "long,Secondary,TS15,30000\n");
  const testing::CommandResult r =
      testing::reformsim("settle " + scenario + " --cases " + cases + " --method per_diem", dir);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("cases.csv:3: group TS15: the stay is paid by the bed-day"), std::string::npos) << r.err;
}

// DIP's cases keep DIP's valuation options and point columns when per diem passes them on.
TEST(PerDiemTest, SettleValuesTheOtherMethodsPoints) {
  testing::Scratch dir;
  std::string yaml =
      per_diem_yaml("dip", "  dip:\n    catalogue: " + testing::source_path("scenarios/data/dip_catalogue.csv") +
                               "\n    provisional_point_value_yuan: 100\n");
  const std::string scenario = dir.write("per_diem.yaml", yaml);
  const std::string cases = dir.write("cases.csv",
                                      "case_id,hospital,group,total_cost_yuan,patient_share_yuan,los_days\n"
                                      "long,Secondary,TS15,30000,2000,100\n"
                                      "acute,Secondary,KD15,12000,2000,5\n");
  const std::string settle = "settle " + scenario + " --cases " + cases;
  const testing::CommandResult provisional = testing::reformsim(settle, dir);
  ASSERT_EQ(provisional.exit_code, 0) << provisional.err;
  EXPECT_NE(provisional.out.find(",points,coefficient,point_value_yuan\n"), std::string::npos) << provisional.out;
  EXPECT_NE(
      provisional.out.find("long,Secondary,TS15,30000.00,100,per_diem,39200.00,39200.00,37200.00,2000.00,0.0000,"),
      std::string::npos)
      << provisional.out;
  EXPECT_NE(provisional.out.find(",100.000000\n"), std::string::npos) << provisional.out;  // KD15 at the provisional
  const testing::CommandResult doubled = testing::reformsim(settle + " --point-value 200", dir);
  ASSERT_EQ(doubled.exit_code, 0) << doubled.err;
  EXPECT_NE(doubled.out.find("long,Secondary,TS15,30000.00,100,per_diem,39200.00,"), std::string::npos)
      << doubled.out;  // per-diem rates do not move with the point value
  EXPECT_NE(doubled.out.find(",200.000000\n"), std::string::npos) << doubled.out;
  const testing::CommandResult ffs = testing::reformsim(settle + " --method ffs --point-value 200", dir);
  EXPECT_EQ(ffs.exit_code, 2) << ffs.err;
  EXPECT_NE(ffs.err.find("apply to rules that pay points"), std::string::npos) << ffs.err;
}

}  // namespace
}  // namespace reformsim::agents
