#pragma once
// Sub-accounts of the pooled fund — one per scheme (employee, resident) or per pooling unit (region): each unit's
// contributions, the claims of its members and its balance, in fen. Year-end settlements with a hospital are shared
// out in proportion to each unit's part of that hospital's inpatient claims of the year. Σ unit balances = fund.
#include <cstdint>
#include <vector>

namespace reformsim::agents {

/// Per-unit accounts inside the pooled ledger.
class SubAccounts {
 public:
  SubAccounts(std::vector<std::int64_t> initial_balance_fen, std::size_t hospitals);
  std::size_t units() const { return balance_fen_.size(); }
  void contribute(std::size_t unit, std::int64_t fen) { balance_fen_[unit] += fen; }
  /// A direct transfer between units (e.g. adjustment-fund cover); it leaves the pool's total unchanged.
  void transfer(std::size_t from, std::size_t to, std::int64_t fen) {
    balance_fen_[from] -= fen;
    balance_fen_[to] += fen;
  }
  /// A claim of a member of `unit` on `hospital`, paid at the next monthly settlement.
  void claim(std::size_t unit, std::size_t hospital, std::int64_t fen, bool inpatient) {
    pending_fen_[unit] += fen;
    if (inpatient) inpatient_this_year_fen_[hospital][unit] += fen;
  }
  /// A year-end settlement with `hospital` shared over the units by this year's inpatient claims.
  void year_end_claim(std::size_t hospital, std::int64_t fen);
  /// Pays the pending claims; returns what each unit paid.
  std::vector<std::int64_t> settle_pending();
  /// Starts a new year of inpatient shares.
  void new_year();
  std::int64_t balance_fen(std::size_t unit) const { return balance_fen_[unit]; }
  std::int64_t total_fen() const;

 private:
  std::vector<std::int64_t> balance_fen_;
  std::vector<std::int64_t> pending_fen_;
  std::vector<std::vector<std::int64_t>> inpatient_this_year_fen_;  ///< [hospital][unit]
};

}  // namespace reformsim::agents
