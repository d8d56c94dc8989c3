#pragma once
// The employee (职工) and resident (城乡居民) funds as separate accounts inside the pooled ledger: each scheme's
// contributions, the claims of its members, and its balance. Year-end settlements with hospitals are shared out
// in proportion to each scheme's part of that hospital's inpatient payments. Σ scheme balances = fund balance.
#include <array>
#include <cstdint>
#include <vector>

#include "agents/scenario/scenario_config.hpp"

namespace reformsim::agents {

/// Per-scheme sub-accounts of the pooled fund, in fen.
class SchemeAccounts {
 public:
  SchemeAccounts(std::array<std::int64_t, kSchemeCount> initial_balance_fen, std::size_t hospitals);
  void contribute(Scheme s, std::int64_t fen) { balance_fen_[index(s)] += fen; }
  /// A claim of a member of scheme `s` on `hospital`, paid at the next monthly settlement.
  void claim(Scheme s, std::size_t hospital, std::int64_t fen, bool inpatient);
  /// A year-end settlement with `hospital` shared over the schemes by this year's inpatient claims.
  void year_end_claim(std::size_t hospital, std::int64_t fen);
  /// Pays the pending claims; returns what each scheme paid.
  std::array<std::int64_t, kSchemeCount> settle_pending();
  /// Starts a new year of inpatient shares.
  void new_year();
  std::int64_t balance_fen(Scheme s) const { return balance_fen_[index(s)]; }

 private:
  static std::size_t index(Scheme s) { return static_cast<std::size_t>(s); }
  std::array<std::int64_t, kSchemeCount> balance_fen_{};
  std::array<std::int64_t, kSchemeCount> pending_fen_{};
  std::vector<std::array<std::int64_t, kSchemeCount>> inpatient_this_year_fen_;
};

}  // namespace reformsim::agents
