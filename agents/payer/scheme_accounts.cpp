#include "agents/payer/scheme_accounts.hpp"

namespace reformsim::agents {

SchemeAccounts::SchemeAccounts(std::array<std::int64_t, kSchemeCount> initial_balance_fen, std::size_t hospitals)
    : balance_fen_(initial_balance_fen), inpatient_this_year_fen_(hospitals) {}

void SchemeAccounts::claim(Scheme s, std::size_t hospital, std::int64_t fen, bool inpatient) {
  pending_fen_[index(s)] += fen;
  if (inpatient) inpatient_this_year_fen_[hospital][index(s)] += fen;
}

void SchemeAccounts::year_end_claim(std::size_t hospital, std::int64_t fen) {
  const auto& shares = inpatient_this_year_fen_[hospital];
  const std::int64_t total = shares[0] + shares[1];
  // The employee part is rounded; the resident part takes the remainder, so the fen add up exactly.
  const std::int64_t employee =
      total > 0 ? static_cast<std::int64_t>(static_cast<long double>(fen) * shares[0] / total) : 0;
  pending_fen_[0] += employee;
  pending_fen_[1] += fen - employee;
}

std::array<std::int64_t, kSchemeCount> SchemeAccounts::settle_pending() {
  const std::array<std::int64_t, kSchemeCount> paid = pending_fen_;
  for (std::size_t s = 0; s < kSchemeCount; ++s) balance_fen_[s] -= paid[s];
  pending_fen_ = {};
  return paid;
}

void SchemeAccounts::new_year() {
  for (auto& h : inpatient_this_year_fen_) h = {};
}

}  // namespace reformsim::agents
