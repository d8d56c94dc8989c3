// The command line as a user meets it: help, exit codes, validation, schema, settle.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>

#include "cli_support.hpp"

namespace reformsim::testing {
namespace {

TEST(CliTest, HelpEverywhere) {
  Scratch s;
  for (const char* command :
       {"--help", "run --help", "validate --help", "schema --help", "settle --help", "calibrate --help", "audit --help",
        "design --help", "sensitivity --help", "discover --help"}) {
    const CommandResult r = reformsim(command, s);
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.out.find("usage: reformsim"), std::string::npos) << command;
  }
  EXPECT_EQ(reformsim("", s).exit_code, 2);
  EXPECT_EQ(reformsim("frobnicate", s).exit_code, 2);
  EXPECT_EQ(reformsim("run --threads zero x.yaml", s).exit_code, 2);
}

TEST(CliTest, ShippedFilesValidate) {
  // Every scenario and experiment shipped under scenarios/ must validate.
  Scratch s;
  std::string files;
  int count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(source_path("scenarios"))) {
    if (entry.path().extension() != ".yaml") continue;
    files.append(" ").append(entry.path().string());
    ++count;
  }
  EXPECT_GE(count, 11);
  const CommandResult r = reformsim("validate" + files, s);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(
      r.out.find("reform_comparison.yaml: ok (80 runs; grid design: 1 point of 0 factors × 4 arms × 20 replicates)"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("gaming_and_audits.yaml: ok (36 runs;"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("default_city.fit.yaml: ok (fit: 6 parameters, 5 targets; up to 200 trials × 9 runs)"),
            std::string::npos)
      << r.out;
}

TEST(CliTest, FitNeverWritesOverItsInputs) {
  // A catalogue the base scenario names, and the base's own extends chain, are inputs too.
  Scratch s;
  const std::string fit = source_path("scenarios/calibration/default_city.fit.yaml");
  for (const std::string& input :
       {source_path("scenarios/data/drg_catalogue.csv"), source_path("scenarios/city/baseline.yaml"), fit}) {
    const CommandResult r = reformsim("fit " + fit + " -o " + s.path("out.h5") + " --best " + input, s);
    EXPECT_EQ(r.exit_code, 2) << input << "\n" << r.err;
    EXPECT_NE(r.err.find("is an input of the fit"), std::string::npos) << r.err;
  }
  const CommandResult same = reformsim("fit " + fit + " -o " + s.path("a.h5") + " --best " + s.path("./a.h5"), s);
  EXPECT_EQ(same.exit_code, 2);
  EXPECT_NE(same.err.find("-o and --best name the same file"), std::string::npos) << same.err;
  EXPECT_FALSE(std::filesystem::exists(s.path("a.h5")));
}

TEST(CliTest, SchemaIsJson) {
  Scratch s;
  for (const char* which : {"scenario", "experiment", "fit"}) {
    const CommandResult r = reformsim(std::string("schema ") + which, s);
    ASSERT_EQ(r.exit_code, 0);
    const std::string file = s.write("schema.json", r.out);
    if (std::system("/usr/bin/python3 -c 'import json' >/dev/null 2>&1") == 0) {
      EXPECT_EQ(run_shell("/usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' " + file, s).exit_code,
                0)
          << r.out.substr(0, 500);
    }
  }
  const CommandResult scenario = reformsim("schema scenario", s);
  EXPECT_NE(scenario.out.find("base_rate_yuan"), std::string::npos);
  EXPECT_NE(scenario.out.find("additionalProperties"), std::string::npos);
  const CommandResult markdown = reformsim("schema --markdown", s);
  EXPECT_NE(markdown.out.find("payment.drg.base_rate_yuan"), std::string::npos) << markdown.out.substr(0, 400);
}

// Rows of a CSV output keyed by `key` (simple fields only).
std::map<std::string, std::map<std::string, std::string>> read_settled(const std::string& csv,
                                                                       const std::string& key = "case_id") {
  std::map<std::string, std::map<std::string, std::string>> rows;
  std::istringstream in(csv);
  std::string line, cell;
  std::vector<std::string> header;
  std::getline(in, line);
  for (std::istringstream h(line); std::getline(h, cell, ',');) header.push_back(cell);
  while (std::getline(in, line)) {
    std::istringstream l(line);
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; std::getline(l, cell, ','); ++i) row[header.at(i)] = cell;
    rows[row[key]] = row;
  }
  return rows;
}

TEST(CliTest, SettleAndAuditAskForAMethodWhenAPilotSplitsTheYear) {
  Scratch s;
  const std::string scenario =
      s.write("pilot.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") +
                                "\npayment:\n  switches: [{year: 2, method: drg, hospitals: [County Hospital]}]\n");
  const std::string cases = s.write("cases.csv",
                                    "case_id,hospital,group,total_cost_yuan,patient_share_yuan,los_days\n"
                                    "a,County Hospital,KD15,12000,3500,6\n");
  const std::string claims = s.write("claims.csv",
                                     "claim_id,hospital,submitted_group,submitted_cost_yuan,corrected_group,"
                                     "corrected_cost_yuan\na,County Hospital,DA15,12000,KD15,12000\n");
  for (const std::string& command :
       {"settle " + scenario + " --cases " + cases, "audit " + scenario + " --claims " + claims}) {
    const CommandResult split = reformsim(command + " --year 2", s);
    EXPECT_EQ(split.exit_code, 2) << command;
    EXPECT_NE(split.err.find("in year 2 a pilot switch pays 'County Hospital' by drg and others by ffs: choose the "
                             "rule with --method"),
              std::string::npos)
        << split.err;
  }
  EXPECT_EQ(reformsim("settle " + scenario + " --cases " + cases + " --year 1", s).exit_code, 0);
  EXPECT_EQ(reformsim("settle " + scenario + " --cases " + cases + " --year 2 --method drg", s).exit_code, 0);
}

TEST(CliTest, SettleGivesTheUpcodingLossesOfTheSeeds) {
  Scratch s;
  const std::string scenario =
      s.write("drg.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") + "\npayment:\n  method: drg\n");
  const std::string cases = s.write("cases.csv",
                                    "case_id,hospital,group,total_cost_yuan,patient_share_yuan,los_days\n"
                                    "kd_true,City Central Hospital,KD15,12000,3500,6\n"
                                    "kd_coded,City Central Hospital,DA15,12000,3500,6\n"
                                    "es_true,0,ES35,6000,2000,5\n"
                                    "es_coded,0,ES33,6000,2000,5\n"
                                    "br_true,County Hospital,BR25,9000,2500,8\n"
                                    "br_coded,County Hospital,BR23,9000,2500,8\n"
                                    "long,County Hospital,BR23,9000,,61\n");
  const CommandResult r = reformsim("settle " + scenario + " --cases " + cases + " -o " + s.path("out.csv"), s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = read_settled(slurp(s.path("out.csv")));
  auto fund = [&](const std::string& id) { return std::stod(rows.at(id).at("fund_payment_yuan")); };
  const double r8811 = 8811;
  EXPECT_NEAR(fund("kd_coded") - fund("kd_true"), 0.82 * r8811, 0.011);
  EXPECT_NEAR(fund("es_coded") - fund("es_true"), 0.37 * r8811, 0.011);
  EXPECT_NEAR(fund("br_coded") - fund("br_true"), 0.28 * r8811, 0.011);
  EXPECT_EQ(rows.at("kd_true").at("settlement_type"), "normal");
  EXPECT_EQ(rows.at("long").at("settlement_type"), "long_stay");
  EXPECT_EQ(rows.at("long").at("settlement_yuan"), "9000.00");
  // Without a given patient share the benefit rules compute one.
  EXPECT_GT(std::stod(rows.at("long").at("patient_share_yuan")), 0);

  const CommandResult ffs = reformsim("settle " + source_path("scenarios/city/baseline.yaml") + " --cases " + cases, s);
  ASSERT_EQ(ffs.exit_code, 0) << ffs.err;
  EXPECT_EQ(read_settled(ffs.out).at("kd_coded").at("settlement_type"), "ffs");
}

TEST(CliTest, SettleUnderDipWithProvisionalAndClearedPointValues) {
  Scratch s;
  const std::string scenario = s.write(
      "dip.yaml",
      "extends: " + source_path("scenarios/city/baseline.yaml") +
          "\npayment:\n  method: dip\n  dip:\n    catalogue: " + source_path("scenarios/data/dip_catalogue.csv") +
          "\n    provisional_point_value_yuan: 80\n    annual_budget_yuan: 1000000000\n"
          "    reserve_share: 0.05\n");
  const std::string cases = s.write("cases.csv",
                                    "case_id,hospital,group,total_cost_yuan,patient_share_yuan\n"
                                    "a,County Hospital,KD15,13000,4000\n");
  const CommandResult provisional = reformsim("settle " + scenario + " --cases " + cases, s);
  ASSERT_EQ(provisional.exit_code, 0) << provisional.err;
  const auto row = read_settled(provisional.out).at("a");
  EXPECT_EQ(row.at("point_value_yuan"), "80.000000");
  const double points = std::stod(row.at("points"));
  EXPECT_NEAR(std::stod(row.at("settlement_yuan")), points * 80, 0.006);
  // A pot of 1,000,000,000 yuan over 10,000,000 points with a 5% reserve: 95 yuan per point.
  const CommandResult cleared = reformsim("settle " + scenario + " --cases " + cases + " --total-points 10000000", s);
  ASSERT_EQ(cleared.exit_code, 0) << cleared.err;
  const auto cleared_row = read_settled(cleared.out).at("a");
  EXPECT_EQ(cleared_row.at("point_value_yuan"), "95.000000");
  EXPECT_NEAR(std::stod(cleared_row.at("fund_payment_yuan")), points * 95 - 4000, 0.006);
  EXPECT_EQ(reformsim("settle " + scenario + " --cases " + cases + " --point-value -3", s).exit_code, 2);
  EXPECT_EQ(
      reformsim("settle " + source_path("scenarios/city/baseline.yaml") + " --cases " + cases + " --method dip", s)
          .exit_code,
      2);
}

TEST(CliTest, CalibrateWritesCataloguesThatLoad) {
  Scratch s;
  const std::string city = s.write("city.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") +
                                                    "\nhorizon_years: 1\npopulation:\n  insured: 20000\n");
  const CommandResult r = reformsim(
      "calibrate " + city + " -o " + s.path("cat.csv") + " --dip-out " + s.path("dip.csv") + " --budget-yuan 30000000",
      s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("base rate"), std::string::npos) << r.err;
  // The outputs are valid catalogues for a new scenario.
  const std::string next = s.write("next.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") +
                                                    "\ncatalogue: cat.csv\npayment:\n  dip:\n    catalogue: dip.csv\n");
  const CommandResult v = reformsim("validate " + next, s);
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(reformsim("calibrate " + city + " --trim-iqr 0", s).exit_code, 2);
}

std::map<std::string, std::map<std::string, std::string>> read_audit(const std::string& csv) {
  return read_settled(csv, "claim_id");
}

TEST(CliTest, AuditGivesTheSeedsLossesToTheYuan) {
  Scratch s;
  const std::string scenario =
      s.write("drg.yaml", "extends: " + source_path("scenarios/city/baseline.yaml") + "\npayment:\n  method: drg\n");
  const std::string claims = s.write("claims.csv",
                                     "claim_id,hospital,submitted_group,submitted_cost_yuan,corrected_group,"
                                     "corrected_cost_yuan,patient_share_yuan\n"
                                     "E1,City Central Hospital,DA15,12000,KD15,12000,3500\n"
                                     "E2,City Central Hospital,ES33,6000,ES35,6000,2000\n"
                                     "E3,County Hospital,BR23,9000,BR25,9000,2500\n");
  const CommandResult r = reformsim("audit " + scenario + " --claims " + claims, s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = read_audit(r.out);
  EXPECT_EQ(rows.at("E1").at("loss_yuan"), "7225.02");  // 0.82 × 8,811
  EXPECT_EQ(rows.at("E2").at("loss_yuan"), "3260.07");  // 0.37 × 8,811
  EXPECT_EQ(rows.at("E3").at("loss_yuan"), "2467.08");  // 0.28 × 8,811
  EXPECT_EQ(rows.at("E1").at("violation"), "upcoding_main_diagnosis");
  EXPECT_EQ(rows.at("E2").at("violation"), "upcoding_secondary_diagnosis");
  EXPECT_NE(r.err.find("total fund loss 12952.17 yuan"), std::string::npos) << r.err;
}

TEST(CliTest, AuditShowsTheJumpAcrossTheHighMultiple) {
  // A group with a published standard of 10,000 and a 2× high-multiple threshold: 2,000 yuan of illegal charges
  // lift a 19,000-yuan case to 21,000, paid by items — the fund loses 11,000, not 2,000 (跃迁).
  Scratch s;
  s.write("cat.csv",
          "code,weight,frequency,mean_los_days,los_cv,mean_cost_yuan,cost_cv,standard_yuan\n"
          "JJ15,1.5,1,5,0.5,10000,0.5,10000\n");
  const std::string scenario = s.write("city.yaml",
                                       "catalogue: cat.csv\npayment: {method: drg}\n"
                                       "hospitals: [{name: H, tier: 2, beds: 10}]\n");
  const std::string claims = s.write("claims.csv",
                                     "claim_id,hospital,submitted_group,submitted_cost_yuan,corrected_group,"
                                     "corrected_cost_yuan,patient_share_yuan\nE10,H,JJ15,21000,JJ15,19000,0\n");
  const CommandResult r = reformsim("audit " + scenario + " --claims " + claims, s);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto row = read_audit(r.out).at("E10");
  EXPECT_EQ(row.at("loss_yuan"), "11000.00");
  EXPECT_EQ(row.at("violation"), "violating_charges");
  EXPECT_EQ(row.at("submitted_settlement_type"), "high_multiple");
  const std::string bad = s.write("bad.csv",
                                  "claim_id,hospital,submitted_group,submitted_cost_yuan,corrected_group,"
                                  "corrected_cost_yuan\nA,H,JJ15,100,ZZ99,100\n");
  const CommandResult e = reformsim("audit " + scenario + " --claims " + bad, s);
  EXPECT_EQ(e.exit_code, 2);
  EXPECT_NE(e.err.find("bad.csv:2: column 'corrected_group': group 'ZZ99' is not in the catalogue"), std::string::npos)
      << e.err;
}

TEST(CliTest, SettleRejectsBadCaseFilesWithLines) {
  Scratch s;
  const std::string cases = s.write("bad.csv",
                                    "case_id,hospital,group,total_cost_yuan\n"
                                    "a,Nowhere Hospital,KD15,100\n"
                                    "b,0,ZZ99,100\n"
                                    "c,0,KD15,lots\n"
                                    "c,0,KD15,-5\n");
  const CommandResult r = reformsim(
      "settle " + source_path("scenarios/city/baseline.yaml") + " --cases " + cases + " -o " + s.path("out.csv"), s);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.csv:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Nowhere Hospital"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.csv:3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ZZ99"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.csv:4"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("duplicate case_id 'c'"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(s.path("out.csv")));
}

}  // namespace
}  // namespace reformsim::testing
