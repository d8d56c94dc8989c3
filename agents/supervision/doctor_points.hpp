#pragma once
// 医保医师记分 (Beijing Chaoyang): points deducted per confirmed violation; mandatory training at
// `training_at`; at `suspension_at` the doctor's agreement is suspended (the fund pays nothing for their work)
// and the points restart; the second suspension is a ban of `ban_years`; the third terminates the doctor.
#include <cstdint>

#include "agents/supervision/supervision_config.hpp"

namespace reformsim::agents {

/// What a deduction led to.
enum class PointsOutcome : std::uint8_t { None, Training, Suspension, Ban, Termination };

/// One doctor's standing with the fund.
struct DoctorRecord {
  int points = 0;        ///< deducted in the current cycle
  int suspensions = 0;   ///< suspensions so far (the second is a ban, the third termination)
  bool trained = false;  ///< training already ordered in this cycle
  double suspended_until_days = 0;
  bool terminated = false;
  /// True when the doctor may treat fund patients at `now`.
  bool may_practise(double now) const { return !terminated && now >= suspended_until_days; }
};

/// Deducts `points` at time `now` and applies the consequences to `doctor`.
PointsOutcome deduct_points(DoctorRecord& doctor, int points, double now, const DoctorPointsConfig& config);

}  // namespace reformsim::agents
