// The money ledger balances exactly, and says which identity fails when it does not.
#include <gtest/gtest.h>

#include "agents/payer/fund_ledger.hpp"

#include <cmath>
#include <cstdint>

namespace reformsim::agents {
namespace {

TEST(FundLedgerTest, ClaimsArePaidAtSettlementAndBooksBalance) {
  FundLedger ledger(to_fen(1000.0), 2);
  ledger.contribute(to_fen(500.0));
  ledger.claim(0, to_fen(300.25));
  ledger.claim(1, to_fen(100.0));
  ledger.patient_pays(0, to_fen(50.0));
  EXPECT_EQ(ledger.balance_fen(), 150000);
  EXPECT_EQ(ledger.settle_pending_claims(), 40025);
  EXPECT_EQ(ledger.balance_fen(), 150000 - 40025);
  EXPECT_EQ(ledger.hospital_fund_received_fen(0), 30025);
  EXPECT_EQ(ledger.hospital_patient_received_fen(0), 5000);
  EXPECT_NO_THROW(ledger.check_conservation({30025 + 5000, 10000}));
  EXPECT_EQ(ledger.settle_pending_claims(), 0);
}

TEST(FundLedgerTest, AHospitalPaidLessThanItBilledIsAnError) {
  FundLedger ledger(0, 2);
  ledger.claim(0, 100);
  ledger.patient_pays(1, 50);
  ledger.settle_pending_claims();
  EXPECT_NO_THROW(ledger.check_conservation({100, 50}));
  try {
    ledger.check_conservation({100, 51}, {"City Central", "County No.2"});
    FAIL() << "expected a conservation error";
  } catch (const MoneyConservationError& e) {
    EXPECT_STREQ(e.what(),
                 "money not conserved: hospital 'County No.2': receipts from the fund and patients against what it was "
                 "owed: 0.50 yuan against 0.51 yuan (a bug in the model, not in the scenario)");
  }
}

TEST(FundLedgerTest, PendingClaimsCountAsOwedToTheHospital) {
  FundLedger ledger(0, 1);
  ledger.claim(0, 100);
  EXPECT_NO_THROW(ledger.check_conservation({100}));
  EXPECT_THROW(ledger.check_conservation({99}), MoneyConservationError);
}

TEST(FundLedgerTest, AmountsReadAsYuanWithThousandsSeparators) {
  EXPECT_EQ(format_yuan(123456789), "1,234,567.89 yuan");
  EXPECT_EQ(format_yuan(-5), "-0.05 yuan");
  EXPECT_EQ(format_yuan(100000), "1,000.00 yuan");
  EXPECT_EQ(format_yuan(0), "0.00 yuan");
}

TEST(FundLedgerTest, RoundsToTheFen) {
  EXPECT_EQ(to_fen(0.005), 1);
  EXPECT_EQ(to_fen(12.344), 1234);
  EXPECT_EQ(to_fen(-1.5), -150);
  EXPECT_DOUBLE_EQ(to_yuan(1234), 12.34);
}

}  // namespace
}  // namespace reformsim::agents

namespace reformsim::agents {
namespace {

// to_fen must round exactly as std::llround(yuan × 100) does: halves away from zero, at every magnitude.
TEST(ToFenTest, RoundsAsLlroundEverywhere) {
  const double edges[] = {0.0,
                          -0.0,
                          0.005,
                          -0.005,
                          0.004999999999999999,
                          0.015,
                          -0.015,
                          1.005,
                          2.675,
                          1e-300,
                          -1e-300,
                          0.49999999999999994 / 100,
                          1e13,
                          -1e13,
                          4.5e16,
                          4.5e16 + 0.5,
                          123456789.125,
                          -123456789.125,
                          9.2e15,
                          4.4e16};
  for (double y : edges) EXPECT_EQ(to_fen(y), std::llround(y * 100.0)) << y;
  std::uint64_t state = 88172645463325252ull;
  for (int i = 0; i < 200000; ++i) {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    // Values from fen fractions to billions of yuan, both signs, many exactly on a half fen.
    const double magnitude = std::ldexp(1.0, static_cast<int>(state % 40) - 8);
    double y = (static_cast<double>(state >> 11) / 9007199254740992.0 - 0.5) * magnitude;
    if (i % 3 == 0) y = (std::floor(y * 100.0) + 0.5) / 100.0;
    ASSERT_EQ(to_fen(y), std::llround(y * 100.0)) << y;
  }
}

}  // namespace
}  // namespace reformsim::agents
