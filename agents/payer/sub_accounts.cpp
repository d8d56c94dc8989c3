#include "agents/payer/sub_accounts.hpp"

#include <numeric>

namespace reformsim::agents {

SubAccounts::SubAccounts(std::vector<std::int64_t> initial_balance_fen, std::size_t hospitals)
    : balance_fen_(std::move(initial_balance_fen)),
      pending_fen_(balance_fen_.size(), 0),
      inpatient_this_year_fen_(hospitals, std::vector<std::int64_t>(balance_fen_.size(), 0)) {}

void SubAccounts::year_end_claim(std::size_t hospital, std::int64_t fen) {
  const std::vector<std::int64_t>& shares = inpatient_this_year_fen_[hospital];
  const std::int64_t total = std::accumulate(shares.begin(), shares.end(), std::int64_t{0});
  // Every unit but the last gets its rounded share; the last takes the remainder, so the fen add up exactly.
  std::int64_t given = 0;
  for (std::size_t u = 0; u + 1 < shares.size(); ++u) {
    const auto part =
        total > 0 ? static_cast<std::int64_t>(static_cast<long double>(fen) * shares[u] / total) : std::int64_t{0};
    pending_fen_[u] += part;
    given += part;
  }
  pending_fen_.back() += fen - given;
}

std::vector<std::int64_t> SubAccounts::settle_pending() {
  std::vector<std::int64_t> paid = pending_fen_;
  for (std::size_t u = 0; u < paid.size(); ++u) balance_fen_[u] -= paid[u];
  std::fill(pending_fen_.begin(), pending_fen_.end(), 0);
  return paid;
}

void SubAccounts::new_year() {
  for (auto& h : inpatient_this_year_fen_) std::fill(h.begin(), h.end(), 0);
}

std::int64_t SubAccounts::total_fen() const {
  return std::accumulate(balance_fen_.begin(), balance_fen_.end(), std::int64_t{0});
}

}  // namespace reformsim::agents
