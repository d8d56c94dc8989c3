#include "agents/payer/fund_ledger.hpp"

#include <cmath>
#include <numeric>

namespace reformsim::agents {

FundLedger::FundLedger(std::int64_t initial_balance_fen, std::size_t hospitals)
    : initial_balance_fen_(initial_balance_fen),
      balance_fen_(initial_balance_fen),
      pending_fen_(hospitals, 0),
      fund_received_fen_(hospitals, 0),
      patient_received_fen_(hospitals, 0) {}

std::int64_t FundLedger::settle_pending_claims() {
  std::int64_t total = 0;
  for (std::size_t h = 0; h < pending_fen_.size(); ++h) {
    const std::int64_t fen = pending_fen_[h];
    pending_fen_[h] = 0;
    fund_received_fen_[h] += fen;
    balance_fen_ -= fen;
    total += fen;
  }
  fund_paid_fen_ += total;
  return total;
}

void FundLedger::check_conservation(const std::vector<std::int64_t>& hospital_revenue_fen) const {
  auto fail = [](const std::string& what, std::int64_t lhs, std::int64_t rhs) {
    throw MoneyConservationError("money not conserved: " + what + " (" + std::to_string(lhs) + " fen vs " +
                                 std::to_string(rhs) + " fen)");
  };
  const std::int64_t pending = std::accumulate(pending_fen_.begin(), pending_fen_.end(), std::int64_t{0});
  const std::int64_t received = std::accumulate(fund_received_fen_.begin(), fund_received_fen_.end(), std::int64_t{0});
  const std::int64_t patients =
      std::accumulate(patient_received_fen_.begin(), patient_received_fen_.end(), std::int64_t{0});
  if (initial_balance_fen_ + contributions_fen_ - fund_paid_fen_ != balance_fen_) {
    fail("initial balance + contributions - payments != fund balance",
         initial_balance_fen_ + contributions_fen_ - fund_paid_fen_, balance_fen_);
  }
  if (claims_fen_ != fund_paid_fen_ + pending)
    fail("claims != fund payments + pending claims", claims_fen_, fund_paid_fen_ + pending);
  if (received != fund_paid_fen_) fail("fund payments != hospital receipts from the fund", fund_paid_fen_, received);
  if (patients != patient_paid_fen_)
    fail("patient payments != hospital receipts from patients", patient_paid_fen_, patients);
  if (hospital_revenue_fen.size() != fund_received_fen_.size()) {
    fail("number of hospitals", static_cast<std::int64_t>(hospital_revenue_fen.size()),
         static_cast<std::int64_t>(fund_received_fen_.size()));
  }
  for (std::size_t h = 0; h < hospital_revenue_fen.size(); ++h) {
    const std::int64_t received = fund_received_fen_[h] + pending_fen_[h] + patient_received_fen_[h];
    if (received != hospital_revenue_fen[h]) {
      fail("hospital " + std::to_string(h) + " billed revenue != receipts from fund and patients",
           hospital_revenue_fen[h], received);
    }
  }
}

}  // namespace reformsim::agents
