#pragma once
// The money ledger of one run, in fen (0.01 yuan) as integers so that conservation is checked exactly:
// contributions → fund → hospitals; patients → hospitals. Every posting moves money between two accounts.
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace reformsim::agents {

/// Thrown when an amount of money leaves the range the books keep exactly (±4.6e16 yuan) or is not a number. The
/// parameter bounds keep real scenarios far from it; a run that still gets there fails instead of reporting a
/// wrapped-around balance.
struct MoneyOverflow : std::overflow_error {
  using std::overflow_error::overflow_error;
};

[[noreturn]] void throw_money_overflow(double yuan);

/// Rounds yuan to whole fen, halves away from zero (as std::llround does, without its call: it runs for every
/// posting). Exact for |fen| < 2^62; beyond, and for NaN, throws MoneyOverflow.
inline std::int64_t to_fen(double yuan) {
  const double fen = yuan * 100.0;
  if (!(std::fabs(fen) < 4.6e18)) [[unlikely]]
    throw_money_overflow(yuan);
  std::int64_t whole = static_cast<std::int64_t>(fen);  // toward zero
  // Exact: below 2^52 the truncation and the difference are representable; above, fen is whole already.
  const double rest = fen - static_cast<double>(whole);
  // Written without branches: whether a fraction reaches a half is as good as random.
  return whole + static_cast<std::int64_t>(rest >= 0.5) - static_cast<std::int64_t>(rest <= -0.5);
}
/// total += fen, throwing MoneyOverflow instead of wrapping around.
inline void add_fen(std::int64_t& total, std::int64_t fen) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(total, fen, &sum)) [[unlikely]]
    throw_money_overflow(static_cast<double>(total) / 100.0 + static_cast<double>(fen) / 100.0);
  total = sum;
}
/// total -= fen, throwing MoneyOverflow instead of wrapping around.
inline void subtract_fen(std::int64_t& total, std::int64_t fen) {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(total, fen, &difference)) [[unlikely]]
    throw_money_overflow(static_cast<double>(total) / 100.0 - static_cast<double>(fen) / 100.0);
  total = difference;
}
/// Fen to yuan.
inline double to_yuan(std::int64_t fen) { return static_cast<double>(fen) / 100.0; }

/// "1,234,567.89 yuan": an amount in fen as a reader of a message wants it.
std::string format_yuan(std::int64_t fen);

/// Thrown when the books do not balance at the end of a run: a bug, never a warning.
struct MoneyConservationError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Accounts of the pooled fund, the hospitals and the patients.
class FundLedger {
 public:
  FundLedger(std::int64_t initial_balance_fen, std::size_t hospitals);
  /// Contributions (or subsidies) credited to the pooled fund.
  void contribute(std::int64_t fen) {
    add_fen(contributions_fen_, fen);
    add_fen(balance_fen_, fen);
  }
  /// A claim the fund owes `hospital`, paid at the next monthly settlement.
  void claim(std::size_t hospital, std::int64_t fen) {
    add_fen(claims_fen_, fen);
    add_fen(pending_fen_[hospital], fen);
  }
  /// A patient pays `hospital` their share directly.
  void patient_pays(std::size_t hospital, std::int64_t fen) {
    add_fen(patient_paid_fen_, fen);
    add_fen(patient_received_fen_[hospital], fen);
  }
  /// Monthly settlement: the fund pays every pending claim; returns the total paid.
  std::int64_t settle_pending_claims();
  std::int64_t balance_fen() const { return balance_fen_; }
  std::int64_t hospital_fund_received_fen(std::size_t h) const { return fund_received_fen_[h]; }
  std::int64_t hospital_patient_received_fen(std::size_t h) const { return patient_received_fen_[h]; }
  std::int64_t contributions_fen() const { return contributions_fen_; }
  std::int64_t fund_paid_fen() const { return fund_paid_fen_; }
  /// Checks every identity of the books, and that each hospital received exactly what the care it delivered
  /// was billed to fund and patients (`hospital_revenue_fen`, tallied independently by the caller);
  /// throws MoneyConservationError naming the first identity that fails.
  /// `hospital_names` name the hospitals in the message (their indices when absent).
  void check_conservation(const std::vector<std::int64_t>& hospital_revenue_fen,
                          const std::vector<std::string>& hospital_names = {}) const;

 private:
  std::int64_t initial_balance_fen_;
  std::int64_t balance_fen_;
  std::int64_t contributions_fen_ = 0;
  std::int64_t claims_fen_ = 0;
  std::int64_t fund_paid_fen_ = 0;
  std::int64_t patient_paid_fen_ = 0;
  std::vector<std::int64_t> pending_fen_;
  std::vector<std::int64_t> fund_received_fen_;
  std::vector<std::int64_t> patient_received_fen_;
};

}  // namespace reformsim::agents
