// Provider behaviour and supervision inside a run: all propensities zero reproduce the run without behaviour
// exactly; each mechanism leaves its signature; money stays conserved with gaming, audits and penalties.
#include <gtest/gtest.h>

#include "agents/world/world.hpp"
#include "tests/agents/run_comparison.hpp"
#include "tests/agents/test_support.hpp"

namespace reformsim::agents {
namespace {

// Each mechanism's signature is read against the same world without it, both from empty hospitals: the thresholds
// below were set for two years from day 0.
RunMetrics run(const std::string& extra, int insured = 6000) {
  const ScenarioConfig s =
      testing::scenario_from_yaml("warmup_years: 0\n" + testing::small_scenario_yaml(insured, extra));
  World world(s, 11, 0);
  return world.run();
}

double total(const RunMetrics& m, Violation v, PerViolation<double> SupervisionCell::*field) {
  double sum = 0;
  for (const SupervisionCell& c : m.supervision) sum += (c.*field)[index_of(v)];
  return sum;
}

double month_sum(const RunMetrics& m, double MonthMetrics::*field) {
  double sum = 0;
  for (const MonthMetrics& x : m.months) sum += x.*field;
  return sum;
}

const std::string kDrgFromYear2 = "payment:\n  switches: [{year: 2, method: drg}]\n";

TEST(BehaviourWorldTest, AllPropensitiesZeroReproduceTheRunWithoutBehaviourExactly) {
  const RunMetrics plain = run(kDrgFromYear2);
  // Strategy parameters that would move the multipliers, with nothing for them to multiply.
  const RunMetrics zero = run(kDrgFromYear2 +
                              "behaviour:\n  doctor_heterogeneity_cv: 1.5\n"
                              "  strategy: {learning_rate: 2, margin_pressure: 5, margin_target: 0.5}\n");
  expect_same_fund_and_care(plain, zero);
  EXPECT_EQ(plain.events, zero.events);
  // Behaviour switched on (cost control) where it never bites: fee-for-service pays every group above its cost.
  const RunMetrics ffs = run("");
  const RunMetrics idle = run("behaviour:\n  strategy: {cost_control_rate: 0.2, learning_rate: 1}\n");
  expect_same_fund_and_care(ffs, idle);
  // Detectors, ward rounds and audits of honest claims find nothing to recover: the fund and care are unchanged.
  const RunMetrics watched = run(kDrgFromYear2 +
                                 "supervision:\n  logic_check: {detection_probability: 0.5, false_alarm_rate: 0.05}\n"
                                 "  cost_p95_screened_share: 1\n  readmission_screened_share: 1\n"
                                 "  ward_rounds: {rounds_per_month: 2}\n  audit_cases_per_year: 500\n");
  expect_same_fund_and_care(plain, watched);
  double audits = 0, detected = 0;
  for (const SupervisionCell& c : watched.supervision) {
    audits += c.audits;
    for (double d : c.detected) detected += d;
  }
  EXPECT_GT(audits, 0);
  EXPECT_EQ(detected, 0);
}

TEST(BehaviourWorldTest, SplitAdmissionsComeBackWithinTheWindowAndCostTheFundUnderDrg) {
  const RunMetrics plain = run(kDrgFromYear2);
  const RunMetrics split = run(kDrgFromYear2 +
                               "behaviour:\n  propensity: {split_admission: 0.5}\n"
                               "  doctor_heterogeneity_cv: 0\n");
  const double splits = total(split, Violation::SplitAdmission, &SupervisionCell::violations);
  EXPECT_GT(splits, 50);
  // Nothing to gain under FFS: every split is in the DRG year.
  for (std::size_t h = 0; h < split.hospitals; ++h) {
    for (std::size_t m = 0; m < 12; ++m) {
      EXPECT_EQ(split.supervision[h * split.months.size() + m].violations[index_of(Violation::SplitAdmission)], 0);
    }
  }
  // The signature: a second admission of the same person within the 1–7-day gap, for each split.
  EXPECT_GE(month_sum(split, &MonthMetrics::readmissions_7d) - month_sum(plain, &MonthMetrics::readmissions_7d),
            splits);
  EXPECT_GE(month_sum(split, &MonthMetrics::admissions) - month_sum(plain, &MonthMetrics::admissions), splits);
  EXPECT_GT(total(split, Violation::SplitAdmission, &SupervisionCell::loss_yuan), 0);
  EXPECT_LT(split.final_balance_yuan, plain.final_balance_yuan);
}

RunMetrics with_only(const std::string& violation, double propensity = 0.5) {
  return run("payment: {method: drg}\nbehaviour:\n  doctor_heterogeneity_cv: 0\n  propensity: {" + violation + ": " +
             std::to_string(propensity) + "}\n");
}

TEST(BehaviourWorldTest, EachMechanismLeavesItsSignature) {
  const RunMetrics plain = run("payment: {method: drg}\n");
  {
    // Deliberate ambiguity: every such case is settled in a QY group, nothing else moves.
    const RunMetrics m = with_only("deliberate_ambiguity");
    const double n = total(m, Violation::DeliberateAmbiguity, &SupervisionCell::violations);
    EXPECT_GT(n, 10);
    double qy = 0, plain_qy = 0;
    for (std::size_t y = 0; y < 2; ++y) {
      qy += m.settlement_type_counts[y][static_cast<int>(SettlementType::Qy)];
      plain_qy += plain.settlement_type_counts[y][static_cast<int>(SettlementType::Qy)];
    }
    EXPECT_EQ(qy - plain_qy, n);
  }
  {
    // Patient selection: the refused go elsewhere, so as many people are admitted.
    const RunMetrics m = with_only("patient_selection");
    const double n = total(m, Violation::PatientSelection, &SupervisionCell::violations);
    EXPECT_GT(n, 10);
    EXPECT_EQ(month_sum(m, &MonthMetrics::turned_away_severe), n);
    EXPECT_EQ(month_sum(m, &MonthMetrics::admissions), month_sum(plain, &MonthMetrics::admissions));
    EXPECT_EQ(total(m, Violation::PatientSelection, &SupervisionCell::loss_yuan), 0);
  }
  {
    // Low-indication admissions: outpatient visits become stays.
    const RunMetrics m = with_only("low_indication_admission", 0.01);
    const double n = total(m, Violation::LowIndicationAdmission, &SupervisionCell::violations);
    EXPECT_GT(n, 10);
    const double more_admissions =
        month_sum(m, &MonthMetrics::admissions) - month_sum(plain, &MonthMetrics::admissions);
    EXPECT_GE(more_admissions, n);  // the last ones may still be in a bed at the horizon
    EXPECT_EQ(month_sum(plain, &MonthMetrics::outpatient_visits) - month_sum(m, &MonthMetrics::outpatient_visits),
              more_admissions);
  }
  {
    // Phantom beds: each stay is billed for the extra days.
    const RunMetrics m = with_only("phantom_beds");
    const double n = total(m, Violation::PhantomBeds, &SupervisionCell::violations);
    EXPECT_GT(n, 10);
    EXPECT_GT(month_sum(m, &MonthMetrics::los_days_sum), month_sum(plain, &MonthMetrics::los_days_sum) + 2.9 * n);
  }
  {
    // Repeat admissions return after the readmission window, so unlike splits they add (almost) no 7-day
    // readmissions: the few extra come from moving the patient's last discharge, not from the repeat itself.
    const RunMetrics m = with_only("repeat_admission");
    const double n = total(m, Violation::RepeatAdmission, &SupervisionCell::violations);
    EXPECT_GT(n, 10);
    EXPECT_LT(month_sum(m, &MonthMetrics::readmissions_7d) - month_sum(plain, &MonthMetrics::readmissions_7d), 0.2 * n);
  }
  {
    // Cost shifting to self-pay moves bills onto patients outside the claim.
    const RunMetrics m = with_only("cost_shifting_self_pay");
    EXPECT_GT(total(m, Violation::CostShiftingSelfPay, &SupervisionCell::violations), 10);
    EXPECT_GT(month_sum(m, &MonthMetrics::shifted_to_patients_yuan), 0);
    EXPECT_LT(month_sum(m, &MonthMetrics::bill_yuan_sum), month_sum(plain, &MonthMetrics::bill_yuan_sum));
  }
}

TEST(BehaviourWorldTest, UpcodingRaisesTheCaseMixOnlyAfterTheSwitch) {
  const RunMetrics plain = run(kDrgFromYear2);
  const RunMetrics up = run(kDrgFromYear2 + "behaviour:\n  propensity: {upcoding_secondary_diagnosis: 0.3}\n");
  double plain_weight[2] = {0, 0}, up_weight[2] = {0, 0};
  for (std::size_t m = 0; m < 24; ++m) {
    plain_weight[m / 12] += plain.months[m].weight_sum;
    up_weight[m / 12] += up.months[m].weight_sum;
  }
  EXPECT_EQ(plain_weight[0], up_weight[0]);
  EXPECT_GT(up_weight[1], plain_weight[1] * 1.01);
  EXPECT_GT(total(up, Violation::UpcodingSecondaryDiagnosis, &SupervisionCell::loss_yuan), 0);
}

TEST(BehaviourWorldTest, AuditsRecoverMoneyAndMoneyIsConserved) {
  // World::run checks the books (and throws) at every month end and at the end of the run.
  const std::string gaming = kDrgFromYear2 +
                             "behaviour:\n  propensity: {upcoding_main_diagnosis: 0.2, split_admission: 0.05,"
                             " phantom_beds: 0.05, cost_shifting_outpatient: 0.1, violating_charges: 0.1,"
                             " patient_selection: 0.2, low_indication_admission: 0.01}\n"
                             "  strategy: {learning_rate: 0.5}\n";
  const RunMetrics unwatched = run(gaming);
  const RunMetrics audited = run(gaming +
                                 "supervision:\n  logic_check: {detection_probability: 0.8}\n"
                                 "  readmission_screened_share: 1\n  face_check_daily_probability: 0.5\n"
                                 "  outpatient_window: {detection_probability: 0.8}\n"
                                 "  audit_cases_per_year: 5000\n  fine_multiple: 2\n");
  // Audits recover each confirmed loss and fine twice it (a confirmed refusal has nothing to recover and is fined);
  // ward rounds deduct phantom bed-days without a fine, so phantom beds are left out of these identities.
  double recovered = 0, fines = 0, loss = 0;
  for (Violation v : all_violations()) {
    if (v == Violation::PhantomBeds) continue;
    recovered += total(audited, v, &SupervisionCell::recovered_yuan);
    fines += total(audited, v, &SupervisionCell::fines_yuan);
    loss += total(audited, v, &SupervisionCell::loss_yuan);
  }
  EXPECT_GT(recovered, 0);
  EXPECT_GE(fines, 2 * recovered - 1.0);
  EXPECT_GT(loss, recovered);  // audits find only part of what was lost
  EXPECT_GT(audited.final_balance_yuan, unwatched.final_balance_yuan);
  EXPECT_GT(month_sum(unwatched, &MonthMetrics::turned_away_severe), 0);
  EXPECT_GT(total(audited, Violation::PhantomBeds, &SupervisionCell::detected), 0);
}

TEST(BehaviourWorldTest, RefusalsLeaveRecordsThatAuditsConfirmAndDeter) {
  // Patient selection costs the fund nothing, so no claim detector sees it; a refused patient's complaint does.
  const std::string selecting = kDrgFromYear2 +
                                "behaviour:\n  propensity: {patient_selection: 0.3}\n"
                                "  strategy: {learning_rate: 1, review: quarterly}\n";
  const std::string audits = "  audit_cases_per_year: 100000\n  fine_multiple: 2\n";
  const RunMetrics blind = run(selecting + "supervision:\n  logic_check: {false_alarm_rate: 0.01}\n" + audits);
  const RunMetrics heard = run(selecting + "supervision:\n  refusal_detection_probability: 0.5\n" + audits);
  const double refused = total(heard, Violation::PatientSelection, &SupervisionCell::violations);
  const double confirmed = total(heard, Violation::PatientSelection, &SupervisionCell::detected);
  EXPECT_GT(confirmed, 0.3 * refused);
  EXPECT_LT(confirmed, 0.7 * refused);
  // Nothing was paid for a refused case: the hospital is fined on what it avoided, nothing is clawed back.
  EXPECT_EQ(total(heard, Violation::PatientSelection, &SupervisionCell::recovered_yuan), 0);
  EXPECT_GT(total(heard, Violation::PatientSelection, &SupervisionCell::fines_yuan), 0);
  // The fines exceed the gain, so the hospitals' quarterly reviews lower their selection multiplier: fewer refusals.
  EXPECT_LT(refused, total(blind, Violation::PatientSelection, &SupervisionCell::violations));
}

TEST(BehaviourWorldTest, ConfirmedDipUpcodingLeavesThePointPool) {
  // Deterrence off (no points, caught doctors unchanged, no strategy): audits change nothing but the points.
  const std::string dip =
      "payment:\n  method: dip\n  dip: {catalogue: " + testing::source_path("scenarios/data/dip_catalogue.csv") +
      ", provisional_point_value_yuan: 95, annual_budget_yuan: 2000000}\n"
      "behaviour:\n  propensity: {upcoding_main_diagnosis: 0.3}\n";
  const std::string watch =
      "supervision:\n  logic_check: {detection_probability: 1}\n  audit_cases_per_year: 100000\n"
      "  caught_doctor_multiplier: 1\n  doctor_points: {points: {upcoding_main_diagnosis: 0}}\n";
  const RunMetrics unwatched = run(dip);
  const RunMetrics audited = run(dip + watch);
  double points_unwatched = 0, points_audited = 0;
  for (std::size_t h = 0; h < unwatched.hospitals; ++h) {
    points_unwatched += unwatched.hospital_years[h][0].dip_points;
    points_audited += audited.hospital_years[h][0].dip_points;
  }
  EXPECT_GT(total(audited, Violation::UpcodingMainDiagnosis, &SupervisionCell::detected), 10);
  EXPECT_LT(points_audited, points_unwatched);
  EXPECT_GT(audited.dip_point_value_yuan[0], unwatched.dip_point_value_yuan[0]);  // the same pot over fewer points
}

TEST(BehaviourWorldTest, WardRoundsFindPhantomBedsAndDeductThem) {
  const std::string phantom = "behaviour:\n  propensity: {phantom_beds: 0.5}\n  phantom_bed_days: 10\n";
  const RunMetrics unwatched = run(phantom);
  const RunMetrics rounds = run(phantom + "supervision:\n  ward_rounds: {rounds_per_month: 8}\n");
  const double caught = total(rounds, Violation::PhantomBeds, &SupervisionCell::detected);
  EXPECT_GT(caught, 10);
  EXPECT_LT(caught, total(rounds, Violation::PhantomBeds, &SupervisionCell::violations));
  EXPECT_GT(total(rounds, Violation::PhantomBeds, &SupervisionCell::recovered_yuan), 0);
  EXPECT_EQ(total(rounds, Violation::PhantomBeds, &SupervisionCell::fines_yuan), 0);  // a deduction, not a fine
  double rounds_done = 0;
  for (const SupervisionCell& c : rounds.supervision) rounds_done += c.ward_rounds;
  EXPECT_GT(rounds_done, 8 * 24 * 3 * 0.8);  // three hospitals, 24 months, 8 a month (Poisson)
  EXPECT_GT(rounds.final_balance_yuan, unwatched.final_balance_yuan);
}

TEST(BehaviourWorldTest, ATerminatedHospitalReceivesNoFundPatients) {
  const std::string sanctions =
      "payment: {method: drg}\n"
      "behaviour:\n  propensity: {upcoding_main_diagnosis: 0.5, upcoding_secondary_diagnosis: 0.5}\n"
      "supervision:\n  logic_check: {detection_probability: 1}\n  audit_cases_per_year: 100000\n"
      "  hospital_sanctions: {suspension_after_confirmed: 70, termination_after_suspensions: 1}\n";
  const RunMetrics m = run(sanctions);
  int terminated = 0;
  for (std::size_t h = 0; h < m.hospitals; ++h) {
    double suspended_in_year1 = 0;
    for (std::size_t t = 0; t < 12; ++t)
      suspended_in_year1 += m.supervision[h * m.months.size() + t].hospital_suspensions;
    if (suspended_in_year1 == 0) continue;
    ++terminated;
    EXPECT_EQ(m.hospital_years[h][1].admissions, 0) << "hospital " << h;
  }
  EXPECT_GE(terminated, 1);
  EXPECT_LT(terminated, static_cast<int>(m.hospitals));  // someone is left to treat the patients
}

TEST(BehaviourWorldTest, QuarterlyReviewsMoveTheMultipliersWithinTheYear) {
  const std::string gaming =
      "payment: {method: drg}\n"
      "behaviour:\n  propensity: {upcoding_secondary_diagnosis: 0.1}\n"
      "  doctor_heterogeneity_cv: 0\n  strategy: {learning_rate: 0.5";
  const RunMetrics yearly = run(gaming + "}\n");
  const RunMetrics quarterly = run(gaming + ", review: quarterly}\n");
  const auto propensity = [](const RunMetrics& m, std::size_t month) {
    return m.supervision[month].propensity[index_of(Violation::UpcodingSecondaryDiagnosis)];  // hospital 0
  };
  EXPECT_DOUBLE_EQ(propensity(yearly, 0), 0.1);
  EXPECT_DOUBLE_EQ(propensity(yearly, 10), 0.1);
  EXPECT_GT(propensity(yearly, 12), 0.1);    // after the first yearly review: it paid, nobody was caught
  EXPECT_GT(propensity(quarterly, 3), 0.1);  // after the first quarter
  EXPECT_GT(propensity(quarterly, 6), propensity(quarterly, 3));
}

}  // namespace
}  // namespace reformsim::agents
