#pragma once
// Claims flagged by the detectors wait here for the month's audits; the audit budget goes to the riskiest first.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "agents/behaviour/violation.hpp"

namespace reformsim::agents {

/// A flagged claim; `violation` is what really happened (kViolationCount when nothing did: a false alarm).
struct FlaggedClaim {
  std::uint32_t hospital = 0;
  std::uint32_t doctor = 0;
  std::uint8_t scheme = 0, region = 0;  ///< of the claim's patient: the recovery returns to them
  std::uint8_t violation = kViolationCount;
  double loss_yuan = 0;      ///< fund payment as submitted − as corrected
  double excess_points = 0;  ///< DIP points × coefficients as submitted − as corrected
  /// a refused admission: nothing was paid to recover, and loss_yuan is the hospital's avoided loss
  bool refusal = false;
  double risk = 0;          ///< fund payment × detectors that fired × the hospital's alert multiplier
  std::uint64_t order = 0;  ///< flagging order, to break ties deterministically
};

/// Indices of the claims to audit: the `budget` highest risks, ties in flagging order.
std::vector<std::size_t> select_for_audit(const std::vector<FlaggedClaim>& pool, std::size_t budget);

}  // namespace reformsim::agents
