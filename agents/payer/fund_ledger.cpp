#include "agents/payer/fund_ledger.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>

namespace reformsim::agents {

FundLedger::FundLedger(std::int64_t initial_balance_fen, std::size_t hospitals)
    : initial_balance_fen_(initial_balance_fen),
      balance_fen_(initial_balance_fen),
      pending_fen_(hospitals, 0),
      fund_received_fen_(hospitals, 0),
      patient_received_fen_(hospitals, 0) {}

void throw_money_overflow(double yuan) {
  throw MoneyOverflow("an amount of money (" + std::to_string(yuan) +
                      " yuan) is beyond the ±4.6e16 yuan the books keep exactly: a parameter or input is far out of "
                      "any real range");
}

std::int64_t FundLedger::settle_pending_claims() {
  std::int64_t total = 0;
  for (std::size_t h = 0; h < pending_fen_.size(); ++h) {
    const std::int64_t fen = pending_fen_[h];
    pending_fen_[h] = 0;
    add_fen(fund_received_fen_[h], fen);
    subtract_fen(balance_fen_, fen);
    add_fen(total, fen);
  }
  add_fen(fund_paid_fen_, total);
  return total;
}

std::string format_yuan(std::int64_t fen) {
  const bool negative = fen < 0;
  const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  const std::string digits = std::to_string(magnitude / 100);
  std::string out = negative ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  const std::uint64_t cents = magnitude % 100;
  out.append(cents < 10 ? ".0" : ".").append(std::to_string(cents)).append(" yuan");
  return out;
}

void FundLedger::check_conservation(const std::vector<std::int64_t>& hospital_revenue_fen,
                                    const std::vector<std::string>& hospital_names) const {
  auto fail = [](const std::string& what, std::int64_t lhs, std::int64_t rhs) {
    throw MoneyConservationError("money not conserved: " + what + ": " + format_yuan(lhs) + " against " +
                                 format_yuan(rhs) + " (a bug in the model, not in the scenario)");
  };
  const std::int64_t pending = std::accumulate(pending_fen_.begin(), pending_fen_.end(), std::int64_t{0});
  const std::int64_t received = std::accumulate(fund_received_fen_.begin(), fund_received_fen_.end(), std::int64_t{0});
  const std::int64_t patients =
      std::accumulate(patient_received_fen_.begin(), patient_received_fen_.end(), std::int64_t{0});
  if (initial_balance_fen_ + contributions_fen_ - fund_paid_fen_ != balance_fen_) {
    fail("fund balance against initial balance + contributions − payments", balance_fen_,
         initial_balance_fen_ + contributions_fen_ - fund_paid_fen_);
  }
  if (claims_fen_ != fund_paid_fen_ + pending)
    fail("claims against fund payments + pending claims", claims_fen_, fund_paid_fen_ + pending);
  if (received != fund_paid_fen_)
    fail("hospitals' receipts from the fund against its payments", received, fund_paid_fen_);
  if (patients != patient_paid_fen_)
    fail("hospitals' receipts from patients against patients' payments", patients, patient_paid_fen_);
  if (hospital_revenue_fen.size() != fund_received_fen_.size()) {
    throw std::logic_error("check_conservation: " + std::to_string(hospital_revenue_fen.size()) +
                           " hospitals' revenue for " + std::to_string(fund_received_fen_.size()) + " hospitals");
  }
  for (std::size_t h = 0; h < hospital_revenue_fen.size(); ++h) {
    const std::int64_t received = fund_received_fen_[h] + pending_fen_[h] + patient_received_fen_[h];
    if (received != hospital_revenue_fen[h]) {
      const std::string hospital =
          h < hospital_names.size() ? "hospital '" + hospital_names[h] + "'" : "hospital " + std::to_string(h);
      fail(hospital + ": receipts from the fund and patients against what it was owed", received,
           hospital_revenue_fen[h]);
    }
  }
}

}  // namespace reformsim::agents
