// The money ledger balances exactly, and says which identity fails when it does not.
#include <gtest/gtest.h>

#include "agents/payer/fund_ledger.hpp"

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
    ledger.check_conservation({100, 51});
    FAIL() << "expected a conservation error";
  } catch (const MoneyConservationError& e) {
    EXPECT_NE(std::string(e.what()).find("hospital 1"), std::string::npos) << e.what();
  }
}

TEST(FundLedgerTest, PendingClaimsCountAsOwedToTheHospital) {
  FundLedger ledger(0, 1);
  ledger.claim(0, 100);
  EXPECT_NO_THROW(ledger.check_conservation({100}));
  EXPECT_THROW(ledger.check_conservation({99}), MoneyConservationError);
}

TEST(FundLedgerTest, RoundsToTheFen) {
  EXPECT_EQ(to_fen(0.005), 1);
  EXPECT_EQ(to_fen(12.344), 1234);
  EXPECT_EQ(to_fen(-1.5), -150);
  EXPECT_DOUBLE_EQ(to_yuan(1234), 12.34);
}

}  // namespace
}  // namespace reformsim::agents
